// The explanation of a repro bundle as Markdown: what is sent, what the browser decides and why, step
// by step with the spec link of each step, the console text, and the fixes. Scenario text is written in
// code spans (a fence longer than any backtick run in it), so it shows literally and renders no markup.
import type { Explanation } from '../explain/types';
import type { FixSuggestion } from '../fix/suggest';
import type { SafetyRisk } from '../fix/safety';
import type { Scenario } from '../scenario/schema';

/** `text` as one inline code span, whatever backticks and line breaks it holds. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** cors-core's sentences use `backticks` for exact values: kept; anything that could be markup is escaped. */
function sentence(text: string): string {
  return text.replace(/[<>&]/g, (char) => `&#${char.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

const MARK = { pass: '✓', fail: '✗', info: '·' } as const;

export interface MarkdownInput {
  scenario: Scenario;
  explanation: Explanation;
  fixes: FixSuggestion[];
  risks: SafetyRisk[];
  /** `{page}` resolved. */
  pageOrigin: string;
  files: string[];
  /** Resolves the origin placeholders of a URL or header value. */
  resolve: (text: string) => string;
}

export function reproMarkdown({ scenario, explanation, fixes, risks, pageOrigin, files, resolve }: MarkdownInput): string {
  const p = explanation.prediction;
  const request = scenario.request;
  const lines: string[] = [];
  lines.push(`# CORS repro: ${sentence(scenario.title ?? scenario.id)}`, '');
  if (scenario.notes) lines.push(sentence(scenario.notes), '');
  lines.push('## The request', '');
  lines.push(`- Page origin: ${codeSpan(pageOrigin)}`);
  lines.push(`- ${request.api === 'xhr' ? 'XMLHttpRequest' : 'fetch()'} ${codeSpan(request.method)} ${codeSpan(resolve(request.url))}`);
  lines.push(`- Mode ${codeSpan(request.mode)}, credentials ${codeSpan(request.credentials)}${scenario.repeat > 1 ? `, ${scenario.repeat} runs` : ''}`);
  for (const [name, value] of request.headers) lines.push(`- Header ${codeSpan(`${name}: ${resolve(value)}`)}`);
  if (request.body !== null) lines.push(`- Body ${codeSpan(request.body)}`);
  for (const cookie of scenario.cookies ?? []) lines.push(`- Starting cookie on ${codeSpan(resolve(cookie.origin))}: ${codeSpan(`Set-Cookie: ${cookie.setCookie}`)} (the browser must hold it first: visit a page of that origin that sets it; repro.html does not)`);
  lines.push('', `## What the browser does (cors-core, ${explanation.browser} rules)`, '');
  lines.push(`**${sentence(explanation.verdict)}**`, '');
  lines.push(`Outcome ${codeSpan(p.outcome)}, status ${p.status}, preflight ${p.preflight ? `yes (${p.preflightCount})` : 'no'}, actual request ${p.actualSent ? 'sent' : 'not sent'}.`, '');
  lines.push('## Why, step by step', '');
  for (const step of explanation.steps) {
    const run = p.runs.length > 1 ? `run ${step.run + 1}: ` : '';
    lines.push(`1. ${MARK[step.verdict]} ${run}${sentence(step.text)} ([${step.algorithm}](${step.spec}))${step.adHoc ? ` AD-HOC: ${sentence(step.adHoc)}` : ''}`);
  }
  if (explanation.requests.length > 0) {
    lines.push('', '## Over the wire', '', '| run | hop | kind | request | status |', '|---|---|---|---|---|');
    for (const sent of explanation.requests) lines.push(`| ${sent.run + 1} | ${sent.hop} | ${sent.kind} | ${codeSpan(`${sent.method} ${sent.url}`).replace(/\|/g, '\\|')} | ${sent.status ?? ''} |`);
  }
  const c = explanation.console;
  if (c.chromium || c.firefox || c.webkit) {
    lines.push('', '## The console', '');
    if (c.chromium) lines.push(`- Chromium: ${codeSpan(c.chromium)}`);
    if (c.firefox) lines.push(`- Firefox: ${codeSpan(c.firefox.text)} ([MDN](${c.firefox.mdn}))`);
    if (c.webkit) lines.push(`- WebKit: ${codeSpan(c.webkit)}`);
  }
  if (fixes.length > 0) {
    lines.push('', '## How to fix it on the server (safest first)', '');
    for (const fix of fixes) {
      lines.push(`${fix.rank}. **${sentence(fix.title)}**: ${sentence(fix.why)}`);
      for (const change of fix.changes) lines.push(`   - ${codeSpan(change.route)} (${change.answer}): ${sentence(change.text)}`);
    }
  }
  if (risks.length > 0) {
    lines.push('', '## Safety lens', '');
    for (const risk of risks) lines.push(`- **${risk.severity}** (${codeSpan(risk.where)}): ${sentence(risk.text)} Instead: ${sentence(risk.fix)}`);
  }
  lines.push('', '## Files', '', ...files.map((file) => `- ${codeSpan(file)}`), '');
  return lines.join('\n');
}
