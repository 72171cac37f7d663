// The readable report `cors explain` prints (without --json).
import type { Explanation } from '../explain/types';

const MARK = { pass: '✓', fail: '✗', info: '·' } as const;

export function formatExplanation(explanation: Explanation): string {
  const lines: string[] = [];
  const p = explanation.prediction;
  lines.push(`${explanation.id} (${explanation.browser})`);
  lines.push(`  ${explanation.verdict}`);
  lines.push(`  outcome ${p.outcome}, status ${p.status}, preflight ${p.preflight ? `yes (${p.preflightCount})` : 'no'}, actual request ${p.actualSent ? 'sent' : 'not sent'}`);
  let run = -1;
  for (const step of explanation.steps) {
    if (step.run !== run) {
      run = step.run;
      if (p.runs.length > 1) lines.push(`  run ${run + 1}:`);
    }
    lines.push(`    ${MARK[step.verdict]} ${step.text}`);
    lines.push(`      ${step.algorithm}: ${step.spec}${step.adHoc ? ` (AD-HOC, ${step.adHoc})` : ''}`);
  }
  if (explanation.requests.length > 0) {
    lines.push('  requests:');
    for (const request of explanation.requests) {
      const headers = request.headers.map(([name, value]) => `${name}: ${value}`).join('; ');
      lines.push(`    run ${request.run + 1} hop ${request.hop} ${request.kind} ${request.method} ${request.url} → ${request.status}${headers ? ` [${headers}]` : ''}`);
    }
  }
  const c = explanation.console;
  if (c.chromium || c.firefox || c.webkit || c.devtoolsIssue) {
    lines.push('  console:');
    if (c.chromium) lines.push(`    Chromium: ${c.chromium}`);
    if (c.firefox) lines.push(`    Firefox:  ${c.firefox.text} (${c.firefox.mdn})`);
    if (c.webkit) lines.push(`    WebKit:   ${c.webkit}`);
    if (c.devtoolsIssue) lines.push(`    DevTools issue: ${c.devtoolsIssue}`);
  }
  return lines.join('\n');
}
