// The browser's decision in plain words, from what the run observed (not from the prediction).
import { outcomeSentence, type ObservedRun } from '@cors-playground/cors-core';
import type { RunnerResult } from '../../core/adapter';
import type { RunEntry } from '../../store/run-slice';

export type Tone = 'pass' | 'fail' | 'warn' | 'pending';

export interface Verdict {
  tone: Tone;
  headline: string;
  details: string[];
}

type Outcome = RunnerResult['runs'][number]['outcome'];

function errorText(outcome: Outcome | undefined): string {
  if (!outcome?.error) return 'no error details';
  return `${outcome.error.name}: ${outcome.error.message}`;
}

/** One run's decision: a tone and a sentence. */
export function decisionOf(observed: ObservedRun, outcome: Outcome | undefined): { tone: Tone; text: string; detail?: string } {
  switch (observed.outcome) {
    case 'ok':
      return { tone: 'pass', text: outcomeSentence('ok', { status: observed.status }) };
    case 'opaque':
      return { tone: 'warn', text: outcomeSentence('opaque', {}) };
    case 'throws-before-send':
      return { tone: 'fail', text: outcomeSentence('throws-before-send', { why: errorText(outcome) }), detail: 'Nothing reached the server.' };
    case 'network-error':
      return {
        tone: 'fail',
        text: outcomeSentence('network-error', { why: errorText(outcome) }),
        detail: observed.actualSent
          ? 'The server received the request and answered; the browser withheld the answer from script.'
          : observed.preflight
            ? 'The preflight failed, so the actual request was never sent.'
            : 'The request did not complete.',
      };
  }
}

export function runVerdict(run: RunEntry): Verdict {
  if (run.status === 'running') return { tone: 'pending', headline: 'Running…', details: [] };
  if (run.status === 'failed') return { tone: 'fail', headline: `The run could not complete: ${run.error ?? 'unknown error'}`, details: [] };
  if (!run.observation?.ok) {
    const outcome = run.result?.runs[0]?.outcome;
    return { tone: 'warn', headline: outcome ? `The page saw: ${outcome.kind}, status ${outcome.status}${outcome.error ? `, ${errorText(outcome)}` : ''}.` : 'No result.', details: [run.observation?.reason ?? ''] };
  }
  const observation = run.observation.observation;
  const runs = observation.runs.length > 0 ? observation.runs : [observation];
  const decisions = runs.map((observed, index) => decisionOf(observed, run.result?.runs[index]?.outcome));
  if (decisions.length === 1) {
    const [only] = decisions;
    return { tone: only!.tone, headline: only!.text, details: only!.detail ? [only!.detail] : [] };
  }
  const last = decisions[decisions.length - 1]!;
  return {
    tone: decisions.some((decision) => decision.tone === 'fail') ? 'fail' : last.tone,
    headline: `${decisions.length} repeats. Last: ${last.text}`,
    details: decisions.map((decision, index) => {
      const observed = runs[index]!;
      const preflight = observed.preflight ? `${observed.preflightCount} preflight${observed.preflightCount === 1 ? '' : 's'} sent` : 'No preflight (cached or not needed)';
      return `Repeat ${index + 1}: ${decision.text} ${preflight}.`;
    }),
  };
}

export const TONE_ICON: Record<Tone, string> = { pass: '✓', fail: '✗', warn: '⚠', pending: '…' };
export const TONE_WORD: Record<Tone, string> = { pass: 'Passed', fail: 'Failed', warn: 'Note', pending: 'Running' };
