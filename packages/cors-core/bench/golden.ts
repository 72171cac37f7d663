// The golden check: every corpus scenario explained in the three engine profiles (and under two
// deployments: the default `*.localhost` origins and LAN mode's one address with three ports),
// serialised deterministically and reduced to one SHA-256, so that a refactor can prove its outputs are
// byte-identical. The digest is checked in (bench/golden.sha256), not the megabytes it stands for.
// Run: pnpm --filter @cors-playground/cors-core golden            (compare with the checked-in digest)
//      pnpm --filter @cors-playground/cors-core golden --update   (record a new digest, after a change
//                                                                  of behaviour you mean)
//      pnpm --filter @cors-playground/cors-core golden --out FILE (also write every output, one JSON
//                                                                  line each, to diff two versions)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain } from '../src/explain/explain';
import { DEFAULT_ORIGINS, type Origins } from '../src/scenario/placeholders';
import { ENGINES } from '../src/scenario/schema';
import { validateScenarioText } from '../src/scenario/validate';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
/** The clock's start for cookie expiry: fixed, so the digest does not depend on the day it is taken. */
const GOLDEN_NOW_MS = Date.UTC(2026, 0, 1);
const digestFile = join(import.meta.dirname, 'golden.sha256');
const LAN_ORIGINS: Origins = { page: 'http://127.0.0.1:8787', api: 'http://127.0.0.1:8788', other: 'http://127.0.0.1:8789' };
const DEPLOYMENTS: readonly [string, Origins][] = [['localhost', DEFAULT_ORIGINS], ['lan', LAN_ORIGINS]];

function goldenLines(): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.json')).sort()) {
    const result = validateScenarioText(readFileSync(join(corpusDir, file), 'utf8'));
    if (!result.ok) throw new Error(`${file} does not validate: fix the corpus before taking a digest`);
    for (const scenario of result.scenarios) {
      for (const engine of ENGINES) {
        for (const [deployment, origins] of DEPLOYMENTS) {
          lines.push(JSON.stringify({ file, id: scenario.id, engine, deployment, explanation: explain(scenario, { browser: engine, origins, nowMs: GOLDEN_NOW_MS }) }));
        }
      }
    }
  }
  return lines;
}

const args = process.argv.slice(2);
const lines = goldenLines();
const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
  const out = args[outIndex + 1];
  if (!out) throw new Error('--out needs a file name');
  writeFileSync(out, `${lines.join('\n')}\n`);
}
const summary = `${lines.length} explanations (${lines.length / ENGINES.length / DEPLOYMENTS.length} scenarios x ${ENGINES.length} engines x ${DEPLOYMENTS.length} deployments)`;
if (args.includes('--update')) {
  writeFileSync(digestFile, `${digest}\n`);
  console.log(`golden: recorded ${digest} for ${summary}`);
} else {
  const recorded = readFileSync(digestFile, 'utf8').trim();
  if (recorded !== digest) {
    console.error(`golden: MISMATCH: outputs ${digest}, recorded ${recorded}, over ${summary}.\nRerun with --out FILE on both versions and diff them.`);
    process.exit(1);
  }
  console.log(`golden: byte-identical (${digest}) over ${summary}`);
}
