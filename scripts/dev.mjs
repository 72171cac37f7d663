// `pnpm dev`: the web app with hot reload (Vite, http://web.localhost:5173) and the echo server in
// watch mode (http://api.localhost:8787, http://other.localhost:8787). Vite proxies /r/ and /__pg/ to
// the echo server, so scenario routes on the page origin still reach it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, ensurePnpm, root } from './setup.mjs';

ensurePnpm();
ensureDependencies();

const children = [
  spawn('pnpm', ['--filter', '@cors-playground/echo-server', 'run', 'dev', '--', '--page-origin', 'http://web.localhost:5173', '--web-dir', join(root, 'apps/web/dist'), '--backends', 'auto'], { stdio: 'inherit', cwd: root }),
  spawn('pnpm', ['--filter', '@cors-playground/web', 'run', 'dev', '--', '--host', '127.0.0.1'], { stdio: 'inherit', cwd: root }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
children.forEach((child) => child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; }));
