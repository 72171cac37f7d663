// The Run button. Disabled (with the reason said) while the scenario has errors or a run is going on.
import { runScenario } from '../../run/run-action';
import { selectValidation } from '../../store/selectors';
import { useAppStore } from '../../store/store';

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
      <button type="button" className="run" data-testid="run" onClick={() => void runScenario()} disabled={running || errorCount > 0} aria-describedby={reason || jsonBroken ? 'run-reason' : undefined}>
        {running ? 'Running…' : '▶ Run'}
      </button>
      {(reason || jsonBroken) && (
        <p id="run-reason" className="hint">
          {reason ?? 'The JSON editor has errors: Run uses the form\'s scenario.'}
        </p>
      )}
    </div>
  );
}
