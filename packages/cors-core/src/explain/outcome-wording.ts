// How each outcome is worded wherever it is shown: the explanation's verdict (verdict.ts), the
// playground's sentence on what the browser did, and its prediction panel. One table, so they never drift.
import type { Outcome } from '../scenario/schema';

export interface OutcomeWording {
  /** The verdict's first words: `Blocked`, `Allowed`, ... */
  lead: string;
  /** What script is left with, as a clause: "script reads the response". */
  meaning: string;
}

export const OUTCOME_WORDING: Readonly<Record<Outcome, OutcomeWording>> = {
  ok: { lead: 'Allowed', meaning: 'script reads the response' },
  opaque: { lead: 'Opaque', meaning: 'the request is sent, but script sees status 0 and no headers or body' },
  'throws-before-send': { lead: 'Throws before sending', meaning: 'nothing reaches the server' },
  'network-error': { lead: 'Blocked', meaning: 'the browser withholds the response from script' },
};

/**
 * The one-sentence verdict of an outcome: `Allowed: script reads the response (status 200).`,
 * `Blocked: <why>.`; `why` replaces the meaning of a failed outcome when known.
 */
export function outcomeSentence(outcome: Outcome, facts: { status?: number | null; why?: string }): string {
  const { lead, meaning } = OUTCOME_WORDING[outcome];
  if (outcome === 'ok') return `${lead}: ${meaning} (status ${facts.status ?? '?'}).`;
  if (outcome === 'opaque') return `${lead}: ${meaning}.`;
  return `${lead}: ${facts.why ?? meaning}.`;
}
