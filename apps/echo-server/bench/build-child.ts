// The bench servers run from a bundle built like dist/main.js (package.json "build": esbuild, ESM,
// node20, no keep-names), not through tsx: tsx wraps every function expression in a naming helper that
// costs time per request and would charge the echo server for something production never runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface BuiltChild {
  file: string;
  remove(): void;
}

/**
 * Bundles `entry` (relative to bench/). `inDir`: a directory to write into instead of a new temporary one
 * (a bundle that must resolve workspace packages, such as the real backends' harness files, has to sit
 * inside the workspace).
 */
export async function buildChild(entry = './child.ts', inDir?: string): Promise<BuiltChild> {
  const dir = inDir ?? mkdtempSync(path.join(os.tmpdir(), 'echo-server-bench-'));
  const file = path.join(dir, inDir ? 'bench-main.mjs' : 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  return { file, remove: () => rmSync(inDir ? file : dir, { recursive: true, force: true }) };
}
