import { fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { encodeRoutes, wirePrefix } from '../src/protocol';
import { BENCH_LOGICAL_PATH, BENCH_REQUEST_HEADERS, BENCH_ROUTES, benchRunId, REQUESTS_PER_RUN } from './scenario';
const payload = encodeRoutes(BENCH_ROUTES);
async function start(v: string) {
  const c = fork(fileURLToPath(new URL('./_exp-child.ts', import.meta.url)), [v], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', openSync('/tmp/echo-prof/' + v + '.log', 'w'), 'inherit', 'ipc'] });
  const port = await new Promise<number>((r) => c.once('message', (m: any) => r(m.port)));
  const ask = (m: string, f: string) => new Promise<any>((r) => { const l = (x: any) => { if (f in x) { c.off('message', l); r(x[f]); } }; c.on('message', l); c.send(m); });
  let sent = 0;
  return { v, c, port, ask, next: () => `${wirePrefix({ runId: benchRunId(Math.floor(sent++ / REQUESTS_PER_RUN)), payload })}${BENCH_LOGICAL_PATH}` };
}
async function main() {
  const variants = process.argv.slice(2);
  const kids = [] as any[];
  for (const v of variants) kids.push(await start(v));
  const res: Record<string, number[]> = {};
  for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) for (const k of kids) {
    const b = await k.ask('stats', 'stats');
    await autocannon({ url: `http://127.0.0.1:${k.port}`, connections: 100, duration: round === 0 ? 2 : 3, headers: BENCH_REQUEST_HEADERS, requests: [{ setupRequest: (r) => ({ ...r, path: k.next() }) }] });
    const a = await k.ask('stats', 'stats');
    if (round > 0) (res[k.v] ??= []).push((a.cpuUs - b.cpuUs) / (a.answered - b.answered));
  }
  for (const k of kids) { const m = await k.ask('mem', 'mem'); console.log(k.v.padEnd(14), res[k.v]!.map((x) => x.toFixed(1)).join(' '), 'median', [...res[k.v]!].sort((x,y)=>x-y)[res[k.v]!.length>>1]!.toFixed(1), ' rss', (m.rss / 1048576).toFixed(0), 'heap', (m.heapUsed / 1048576).toFixed(0), 'ext', (m.external / 1048576).toFixed(0), 'ab', (m.arrayBuffers / 1048576).toFixed(0)); k.c.send('exit'); }
}
void main();
