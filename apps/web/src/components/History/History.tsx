// The runs since the page was opened, newest first. Selecting one shows it in the results; a repeat of
// the same scenario shows the preflight cache at work (fewer preflights).
import { selectShownRun } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { comparisonFor } from '../../store/selectors';
import type { RunEntry } from '../../store/run-slice';
import { runVerdict, TONE_ICON, TONE_WORD } from '../Results/verdict';

function agreementWord(run: RunEntry): string {
  if (run.status !== 'done') return '';
  const { comparison } = comparisonFor(run);
  if (!comparison?.ok) return '? not compared';
  return comparison.differences.length === 0 ? '✓ agrees' : `✗ ${comparison.differences.length} difference${comparison.differences.length === 1 ? '' : 's'}`;
}

export function History() {
  const runs = useAppStore((state) => state.runs);
  const shown = useAppStore(selectShownRun);
  const selectRun = useAppStore((state) => state.selectRun);
  const clear = useAppStore((state) => state.clearHistory);
  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 id="history-title">History <span className="sub">runs since this page was opened</span></h2>
      <p className="hint">Each Run click uses new URLs, so its preflights never come from an earlier click&apos;s cache; the repeats of one click share theirs.</p>
      {runs.length === 0 ? (
        <p className="hint">No runs yet.</p>
      ) : (
        <>
          <ol className="history-list" reversed>
            {[...runs].reverse().map((run) => {
              const verdict = runVerdict(run);
              const preflights = run.observation?.ok ? run.observation.observation.runs.reduce((sum, r) => sum + r.preflightCount, 0) : undefined;
              return (
                <li key={run.id}>
                  <button type="button" aria-current={run === shown ? 'true' : undefined} onClick={() => selectRun(run.id)} data-testid="history-entry">
                    <span className="history-id">Run #{run.id}</span>{' '}
                    <span aria-hidden="true">{TONE_ICON[verdict.tone]}</span> <span className="visually-hidden">{TONE_WORD[verdict.tone]}: </span>
                    <span className="history-title">{run.scenario.title ?? run.scenario.id}</span>{' '}
                    <span className="history-request">{run.scenario.request.method} {run.scenario.request.url}</span>{' '}
                    {preflights !== undefined && <span>{preflights} preflight{preflights === 1 ? '' : 's'}</span>}{' '}
                    <span className="history-agreement">{agreementWord(run)}</span>{' '}
                    {run.durationMs !== undefined && <span className="history-time">{Math.round(run.durationMs)} ms</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={clear}>Clear history</button>
        </>
      )}
    </section>
  );
}
