// Entry point: config from flags and environment, listen, print one line per origin, shut down
// gracefully on SIGTERM / SIGINT.
import { loadConfig } from './config';
import { createLogger } from './log';
import { createEchoServer } from './server';

async function main(): Promise<void> {
  const result = loadConfig(process.argv.slice(2), process.env);
  if (result.ok === 'help') {
    process.stdout.write(result.text);
    return;
  }
  if (!result.ok) {
    process.stderr.write(`echo-server: ${result.error.replace(/\n/g, '\necho-server: ')}\n`);
    process.exitCode = 2;
    return;
  }
  const { config } = result;
  const logger = createLogger(config.logLevel);
  const server = createEchoServer(config, logger);
  let ports: number[];
  try {
    ports = await server.listen();
  } catch (error) {
    process.stderr.write(`echo-server: cannot listen on ${config.host}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const origins = config.origins;
  process.stdout.write(
    [
      `echo-server listening on ${config.host}, port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`,
      `page   ${origins.page}/`,
      `api    ${origins.api}/`,
      `other  ${origins.other}/`,
      `samesite ${origins.samesite ?? origins.api}/ (cross-origin, same-site to the page)`,
      ...(config.lan ? [`LAN mode: attendees open ${origins.page}/ (the origins share one address: they are all same-site)`] : []),
      ...(config.webDir === null ? ['(no --web-dir: the web app is not served)'] : []),
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    logger.log('info', 'shutting down', { signal });
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
