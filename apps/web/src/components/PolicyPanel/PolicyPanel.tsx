// Policy mode beside the raw answers: the server described as a CORS policy, the way people configure a
// middleware, run by cors-core's model of a framework or by the real framework on the server; what the
// policy sends and why; the policy-level fixes cors-core checked; the configuration to take home.
import { useId } from 'react';
import { setPolicy, setPolicyMode } from '../../store/policy-edits';
import { selectPolicyFixes } from '../../store/policy-selectors';
import { useAppStore } from '../../store/store';
import { PolicyAnswers } from './PolicyAnswers';
import { PolicyExports } from './PolicyExports';
import { PolicyForm } from './PolicyForm';

function PolicyFixes() {
  const fixes = useAppStore(selectPolicyFixes);
  const edit = useAppStore((state) => state.editScenario);
  if (fixes.length === 0) return null;
  return (
    <div className="policy-fixes" data-testid="policy-fixes">
      <h3>Suggested fix</h3>
      {fixes.map((fix) => (
        <div key={fix.id} className="policy-fix">
          <button type="button" onClick={() => edit((s) => setPolicy(s, fix.policy))}>{fix.title}</button>
          <p className="hint">{fix.why} cors-core predicts the request to pass with it.</p>
        </div>
      ))}
    </div>
  );
}

export function PolicyPanel() {
  const id = useId();
  const policy = useAppStore((state) => state.scenario.server.policy);
  const edit = useAppStore((state) => state.editScenario);
  return (
    <section className="panel policy-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Policy <span className="sub">the server as a CORS middleware configuration</span></h2>
      <label className="inline-choice">
        <input type="checkbox" checked={policy !== undefined} onChange={(event) => edit((s) => setPolicyMode(s, event.target.checked))} /> Describe the server as a CORS policy (the routes above become the application behind it)
      </label>
      {policy && (
        <>
          <PolicyForm policy={policy} />
          <PolicyFixes />
          <PolicyAnswers />
          <PolicyExports policy={policy} />
        </>
      )}
    </section>
  );
}
