// `npm start` (or `pnpm start`): installs what is missing, builds when sources changed, and serves the
// playground: the echo server answers on every origin and serves the web app's production build on the
// page origin. Arguments after `--` go to the echo server (e.g. `npm start -- --lan 192.168.1.20`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ensureDependencies, ensurePnpm, root } from './setup.mjs';

ensurePnpm();
ensureDependencies();
ensureBuilt();

const server = spawn(
  process.execPath,
  // The real middleware backends of policy mode (Express cors, @fastify/cors, Hono, @koa/cors, and nginx
  // when installed) run on loopback; `npm start -- --backends none` turns them off.
  [join(root, 'apps/echo-server/dist/main.js'), '--web-dir', join(root, 'apps/web/dist'), '--backends', 'auto', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
