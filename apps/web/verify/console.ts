// Console messages captured from every frame, split between the runs of a scenario at the boundaries the
// runner signals after each run, with the engines' follow-up lines that carry no reason left out.
export type ConsoleEntry = { kind: 'message'; text: string } | { kind: 'boundary'; index: number };

/**
 * Lines that are never a run's console text:
 * - Chromium's network log line after every failed request ("Failed to load resource: net::ERR_FAILED");
 * - Firefox's "XML Parsing Error: ..." when an XMLHttpRequest's response has no Content-Type and is not
 *   XML (Firefox tries to build responseXML): a parser message, not a CORS one.
 */
export function isCompanionLine(text: string): boolean {
  return /^Failed to load resource\b/.test(text) || /^XML Parsing Error:/.test(text);
}

// Firefox follows a blocked preflight or response with a generic "CORS request did not succeed" line
// (security.properties CORSDidNotSucceed2) without a status: a follow-up when a reason was given already.
const FIREFOX_FOLLOW_UP = /\(Reason: CORS request did not succeed\)\. Status code: \(null\)\.$/;

function runText(texts: readonly string[]): string | null {
  const kept: string[] = [];
  for (const text of texts) {
    if (isCompanionLine(text)) continue;
    if (FIREFOX_FOLLOW_UP.test(text) && kept.some((earlier) => earlier.startsWith('Cross-Origin Request Blocked:'))) continue;
    kept.push(text);
  }
  return kept.length === 0 ? null : kept.join('\n');
}

/**
 * The console text of each run: the messages after the previous run's boundary (messages arriving
 * after the last boundary belong to the last run), follow-up lines left out, several joined by a
 * newline; null when a run printed nothing.
 */
export function splitConsoleByRun(entries: readonly ConsoleEntry[], runCount: number): (string | null)[] {
  const perRun: string[][] = Array.from({ length: runCount }, () => []);
  let run = 0;
  for (const entry of entries) {
    if (entry.kind === 'boundary') run = Math.min(entry.index + 1, runCount - 1);
    else perRun[run]?.push(entry.text);
  }
  return perRun.map(runText);
}
