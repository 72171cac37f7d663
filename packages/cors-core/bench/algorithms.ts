// Lists cors-core's spec algorithm functions: every top-level function whose comment block names a spec
// anchor (`// https://...#anchor` right above it), with its file, first line and length in lines, so a
// reader can check that an algorithm found by its anchor lands on one function of a readable size.
// Run: pnpm --filter @cors-playground/cors-core algorithms
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const srcDir = join(import.meta.dirname, '..', 'src');
const ANCHOR = /^\/\/ (https:\/\/[^\s#]+#[^\s,;]+)/;
const FUNCTION = /^export function (\w+)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const rows: string[][] = [];
for (const file of sourceFiles(srcDir).sort()) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    const name = FUNCTION.exec(line)?.[1];
    if (!name) return;
    // The comment block right above the function: its first line that is a bare spec link is the anchor.
    let start = index;
    while (start > 0 && (lines[start - 1] as string).startsWith('//')) start -= 1;
    const anchor = lines.slice(start, index).map((text) => ANCHOR.exec(text)?.[1]).find((link) => link !== undefined);
    if (!anchor) return;
    let end = index;
    while (end < lines.length && lines[end] !== '}' && !(end === index && line.endsWith('}'))) end += 1;
    rows.push([name, anchor, `${relative(join(srcDir, '..'), file)}:${index + 1}`, String(end - index + 1)]);
  });
}
console.log('| function | spec anchor | where | lines |\n|---|---|---|---|');
for (const row of rows) console.log(`| \`${row[0]}\` | ${row[1]} | ${row[2]} | ${row[3]} |`);
