// The markdown report (reports/verify.md): one table per engine, scenario by scenario, then the
// differences in full. How to read it: apps/web/verify/README.md.
import { formatValue, type Engine, type Expect, type ExpectRun } from '@cors-playground/cors-core';
import { baselineText, perSecond, type Baseline } from './baseline';
import type { KnownDifference, ScenarioVerdict } from './verdict';

export interface EngineSummary {
  engine: Engine;
  version: string;
  verdicts: ScenarioVerdict[];
  /** Wall time of the scenarios, browsers' start included, the baseline left out. */
  seconds: number;
  stale: KnownDifference[];
  /** Empty-scenario round trips measured just before (baseline.ts); null when it could not run. */
  baseline: Baseline | null;
}

/** `2.05 scenarios/s; baseline 14.1 empty round trips/s; ratio 0.145` */
export function rateText(summary: Pick<EngineSummary, 'verdicts' | 'seconds' | 'baseline'>): string {
  const rate = perSecond(summary.verdicts.length, summary.seconds);
  if (!summary.baseline) return `${rate.toFixed(2)} scenarios/s`;
  const base = perSecond(summary.baseline.roundTrips, summary.baseline.seconds);
  return `${rate.toFixed(2)} scenarios/s; ${baselineText(summary.baseline)}; ratio ${base > 0 ? (rate / base).toFixed(3) : '—'}`;
}

const ENGINE_TITLES: Record<Engine, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `ok 200, preflight` for one run. */
export function summarizeRun(run: ExpectRun | undefined): string {
  if (!run) return '';
  const parts: string[] = [];
  if (run.outcome !== undefined) parts.push(run.outcome === 'ok' || run.outcome === 'opaque' ? `${run.outcome} ${run.status ?? ''}`.trim() : run.outcome);
  if (run.preflight !== undefined) parts.push(run.preflight ? `preflight${run.preflightCount !== undefined && run.preflightCount > 1 ? ` ×${run.preflightCount}` : ''}` : 'no preflight');
  if (run.actualSent === false) parts.push('not sent');
  return parts.join(', ');
}

/** One summary per run, separated by " / " when the scenario repeats. */
export function summarize(value: Expect | null): string {
  if (!value) return '—';
  const runs = value.runs && value.runs.length > 1 ? value.runs : [value];
  return runs.map(summarizeRun).join(' / ');
}

function agreement(verdict: ScenarioVerdict): string {
  if (verdict.error) return `error: ${verdict.error}`;
  if (verdict.tooSlow) return `too slow to judge: ${verdict.tooSlow}`;
  const fresh = verdict.differences.filter((difference) => !difference.known);
  const known = verdict.differences.filter((difference) => difference.known);
  const mark = fresh.length === 0 ? '✓' : `✗ ${fresh.map((difference) => `${difference.against === 'expect' ? 'expect ' : ''}${difference.field}`).join(', ')}`;
  return known.length ? `${mark} (known: ${known.map((difference) => `${difference.against === 'expect' ? 'expect ' : ''}${difference.field}`).join(', ')})` : mark;
}

/** Agreeing scenarios; those that agree only because their differences are known; those with no difference at all. */
export function agreementCounts(verdicts: readonly ScenarioVerdict[]): { agreed: number; throughKnown: number; identical: number } {
  const agreed = verdicts.filter((verdict) => verdict.agree).length;
  const identical = verdicts.filter((verdict) => verdict.agree && verdict.differences.length === 0).length;
  return { agreed, throughKnown: agreed - identical, identical };
}

export function renderReport(summaries: readonly EngineSummary[], generatedAt: Date): string {
  const lines: string[] = ['# Differential verification', '', `Generated ${generatedAt.toISOString()} by \`pnpm verify\`. How to read it: [apps/web/verify/README.md](../apps/web/verify/README.md).`, ''];
  lines.push(
    '| engine | version | agree | of which only through known differences | identical to the prediction and expect | time | scenarios/s | baseline (empty round trips/s) | ratio |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const summary of summaries) {
    const { agreed, throughKnown, identical } = agreementCounts(summary.verdicts);
    const total = summary.verdicts.length;
    const rate = perSecond(total, summary.seconds);
    const base = summary.baseline ? perSecond(summary.baseline.roundTrips, summary.baseline.seconds) : 0;
    const [baseCell, ratioCell] = base > 0 ? [base.toFixed(1), (rate / base).toFixed(3)] : ['—', '—'];
    lines.push(`| ${ENGINE_TITLES[summary.engine]} | ${cell(summary.version)} | ${agreed} of ${total} | ${throughKnown} | ${identical} of ${total} | ${summary.seconds.toFixed(1)} s | ${rate > 0 ? rate.toFixed(2) : '—'} | ${baseCell} | ${ratioCell} |`);
  }
  for (const summary of summaries) {
    lines.push('', `## ${ENGINE_TITLES[summary.engine]} (${cell(summary.version)})`, '');
    lines.push('| scenario | predicted | observed | expected | agreement |', '|---|---|---|---|---|');
    for (const verdict of summary.verdicts) {
      lines.push(`| \`${verdict.id}\` | ${cell(summarize(verdict.prediction))} | ${cell(summarize(verdict.observation))} | ${cell(summarize(verdict.expected))} | ${cell(agreement(verdict))} |`);
    }
    const differing = summary.verdicts.filter((verdict) => verdict.differences.length > 0);
    if (differing.length > 0) {
      lines.push('', `### Differences in ${ENGINE_TITLES[summary.engine]}`, '');
      for (const verdict of differing) {
        for (const difference of verdict.differences) {
          const [want, got] = difference.against === 'prediction' ? ['predicted', 'observed'] : ['expected', 'observed'];
          lines.push(`- \`${verdict.id}\` ${difference.against === 'expect' ? 'expect ' : ''}\`${difference.field}\`: ${want} ${cell(formatValue(difference.expected))}, ${got} ${cell(formatValue(difference.actual))}${difference.known ? ' (known)' : ''}`);
        }
      }
    }
    if (summary.stale.length > 0) {
      lines.push('', `### Known differences that no longer occur in ${ENGINE_TITLES[summary.engine]} (remove them from known-differences/${summary.engine}.json)`, '');
      for (const entry of summary.stale) lines.push(`- \`${entry.id}\` \`${entry.field}\``);
    }
  }
  return `${lines.join('\n')}\n`;
}
