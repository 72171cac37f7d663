// The Run button. Disabled (with the reason said) while the scenario has errors; during a run it stays
// focusable (aria-disabled) so the focus never falls to the page and Enter can run again right after.
// On narrow screens it is a bar fixed at the bottom with the last verdict, so Run and the result stay in reach.
import { RUN_SHORTCUT } from '../../app/run-shortcut';
import { runScenario } from '../../run/run-action';
import { selectShownRun, selectValidation } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { runVerdict, TONE_ICON, TONE_WORD } from '../Results/verdict';

function BarVerdict() {
  const run = useAppStore(selectShownRun);
  if (!run) return null;
  const verdict = runVerdict(run);
  return (
    <a className={`run-bar-verdict tone-${verdict.tone}`} href="#results-title" data-testid="run-bar-verdict">
      <span aria-hidden="true">{TONE_ICON[verdict.tone]} </span>
      <span className="visually-hidden">{TONE_WORD[verdict.tone]}: </span>
      Run #{run.id}: {verdict.headline}
    </a>
  );
}

export function RunButton() {
  const running = useAppStore((state) => state.runs.some((run) => run.status === 'running'));
  const errorCount = useAppStore((state) => {
    const validation = selectValidation(state);
    return validation.ok ? 0 : validation.errors.length;
  });
  const jsonBroken = useAppStore((state) => state.jsonIssues.length > 0);
  const reason = errorCount > 0 ? `The scenario has ${errorCount} error${errorCount > 1 ? 's' : ''}: fix ${errorCount > 1 ? 'them' : 'it'} to run.` : undefined;
  return (
    <div className="run-bar">
      <button
        type="button"
        className="run"
        data-testid="run"
        onClick={() => void runScenario()}
        disabled={errorCount > 0}
        aria-disabled={running || undefined}
        title={`Run the request for real in this browser (${RUN_SHORTCUT.label})`}
        aria-keyshortcuts={RUN_SHORTCUT.keys}
        aria-describedby={reason || jsonBroken ? 'run-reason' : undefined}
      >
        {running ? 'Running…' : '▶ Run'}
      </button>
      <BarVerdict />
      {(reason || jsonBroken) && (
        <p id="run-reason" className="hint">
          {reason ?? 'The JSON editor has errors: Run uses the form\'s scenario.'}
        </p>
      )}
    </div>
  );
}
