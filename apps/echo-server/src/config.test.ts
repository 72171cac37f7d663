import { describe, expect, it } from 'vitest';
import { listenPorts, loadConfig, type EchoConfig } from './config';

function config(argv: string[], env: Record<string, string> = {}): EchoConfig {
  const result = loadConfig(argv, env);
  if (result.ok !== true) throw new Error(result.ok === false ? result.error : 'help');
  return result.config;
}

function error(argv: string[], env: Record<string, string> = {}): string {
  const result = loadConfig(argv, env);
  if (result.ok !== false) throw new Error('expected an error');
  return result.error;
}

describe('loadConfig', () => {
  it('defaults to loopback, port 8787 and four *.localhost origins on it (one same-site to the page)', () => {
    const c = config([]);
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, webDir: null, logLevel: 'info', lan: null });
    expect(c.origins).toEqual({ page: 'http://web.localhost:8787', api: 'http://api.localhost:8787', other: 'http://other.localhost:8787', samesite: 'http://api.web.localhost:8787' });
    expect(listenPorts(c)).toEqual([8787]);
  });

  it('takes flags over environment variables, in both --flag value and --flag=value forms', () => {
    const c = config(['--port=9000', '--log-level', 'warn'], { ECHO_PORT: '7000', ECHO_WEB_DIR: 'apps/web/dist', ECHO_MAX_BODY_BYTES: '10' });
    expect(c.port).toBe(9000);
    expect(c.logLevel).toBe('warn');
    expect(c.webDir).toBe('apps/web/dist');
    expect(c.limits.maxBodyBytes).toBe(10);
    expect(c.origins.api).toBe('http://api.localhost:9000');
  });

  it('listens on every explicit port an origin names', () => {
    const c = config(['--port', '8000', '--api-origin', 'http://api.localhost:8001', '--other-origin', 'https://other.example']);
    expect(listenPorts(c)).toEqual([8000, 8001]);
    expect(c.origins.other).toBe('https://other.example');
  });

  it('in LAN mode binds the address and gives each origin its own port ({samesite} is {api}: one address is one site)', () => {
    const c = config(['--lan', '192.168.1.20', '--port', '8787']);
    expect(c.host).toBe('192.168.1.20');
    expect(c.origins).toEqual({ page: 'http://192.168.1.20:8787', api: 'http://192.168.1.20:8788', other: 'http://192.168.1.20:8789', samesite: 'http://192.168.1.20:8788' });
    expect(listenPorts(c)).toEqual([8787, 8788, 8789]);
  });

  it.each([
    [['--port', 'http'], '--port: "http"'],
    [['--port', '70000'], '--port: "70000"'],
    [['--api-origin', 'http://api.localhost:8787/path'], '--api-origin: "http://api.localhost:8787/path"'],
    [['--page-origin', 'ftp://x'], '--page-origin: "ftp://x"'],
    [['--log-level', 'loud'], '--log-level: "loud" is not one of debug, info, warn, error'],
    [['--lan', 'not an address'], '--lan: "not an address"'],
    [['--max-body-bytes', '-1'], '--max-body-bytes: "-1"'],
    [['--nope', '1'], 'unknown option --nope'],
    [['--port'], '--port needs a value'],
    [['--api-origin', 'http://web.localhost:8787'], 'must differ'],
    [['--headers-timeout-ms', '5000', '--request-timeout-ms', '1000'], 'longer than --request-timeout-ms'],
  ])('names the bad value of %j', (argv, message) => {
    expect(error(argv)).toContain(message);
  });

  it('names the environment variable when the bad value came from one', () => {
    expect(error([], { ECHO_PORT: 'x' })).toContain('ECHO_PORT: "x"');
  });

  it('prints help listing every flag with its variable', () => {
    const result = loadConfig(['--help'], {});
    expect(result.ok).toBe('help');
    if (result.ok === 'help') {
      for (const flag of ['--host', '--port', '--page-origin', '--api-origin', '--other-origin', '--lan', '--web-dir', '--log-level', '--max-body-bytes', '--record-max-runs', '--max-answer-header-bytes', '--max-answer-body-bytes', '--record-body-bytes', '--payload-memo-bytes', '--log-path-chars']) expect(result.text).toContain(flag);
      expect(result.text).toContain('ECHO_RECORD_MAX_AGE_MS');
    }
  });
});
