// How to fix it, and is it safe: cors-core's fixes for a failing scenario (safest first, each with one
// Apply button; the next Run checks it for real) and its safety lens on the scenario as it is.
import type { FixSuggestion, SafetyRisk } from '@cors-playground/cors-core';
import { applyFix } from '../../store/fix-actions';
import { selectFixes } from '../../store/fix-selectors';
import { selectPrediction } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';

const SEVERITY_ICON = { high: '⛔', medium: '⚠', low: 'ℹ' } as const;

function RiskList({ risks, testId }: { risks: SafetyRisk[]; testId: string }) {
  return (
    <ul className="risk-list">
      {risks.map((risk) => (
        <li key={`${risk.id} ${risk.where}`} className={`risk risk-${risk.severity}`} data-testid={testId} data-severity={risk.severity} data-risk={risk.id}>
          <span aria-hidden="true">{SEVERITY_ICON[risk.severity]} </span>
          <strong>{risk.severity} risk</strong> <span className="sub">({risk.where})</span>: <InlineCode text={risk.text} /> <em>Instead:</em> <InlineCode text={risk.fix} />
        </li>
      ))}
    </ul>
  );
}

function Fix({ fix }: { fix: FixSuggestion }) {
  return (
    <li className="fix" data-testid="fix-suggestion" data-safety={fix.safety}>
      <p className="fix-title">
        <strong><InlineCode text={fix.title} /></strong>
        {fix.rank === 1 && <span className="fix-safest"> (safest)</span>}
      </p>
      <ul className="fix-changes">
        {fix.changes.map((change, index) => (
          <li key={index}><code>{change.route}</code> {change.answer === 'preflight' ? 'preflight (OPTIONS) answer' : 'answer'}: <InlineCode text={change.text} /></li>
        ))}
      </ul>
      <p className="hint"><InlineCode text={fix.why} /></p>
      {fix.risks.length > 0 && <RiskList risks={fix.risks} testId="fix-risk" />}
      <button type="button" onClick={() => applyFix(fix)}>Apply this fix</button>
    </li>
  );
}

export function Fixes() {
  const result = useAppStore(selectFixes);
  const prediction = useAppStore(selectPrediction);
  // A repeat can fail after a first run that passes (a cached preflight): fixes count as failing too.
  const fails = (prediction.ok && prediction.explanation.prediction.outcome === 'network-error') || (result.ok && result.fixes.length > 0);
  if (!result.ok) return <section className="panel fixes" aria-label="Fixes"><p className="hint">No fixes: {result.reason}.</p></section>;
  if (!fails && result.risks.length === 0) return null;
  return (
    <section className="panel fixes" aria-labelledby="fixes-title" data-testid="fixes">
      {fails && (
        <>
          <h2 id="fixes-title">How to fix it on the server</h2>
          {result.fixes.length > 0 ? (
            <>
              <p className="hint">The smallest changes to the server&apos;s answers that make this request pass, checked by cors-core; the first is the safest. Apply one, then press Run: the browser has the last word.</p>
              <ol className="fix-list">{result.fixes.map((fix) => <Fix key={fix.id} fix={fix} />)}</ol>
            </>
          ) : (
            <p className="hint">No change to the server&apos;s answers alone makes this request pass (a redirect, the request itself or the page&apos;s origin is the problem: see the steps above).</p>
          )}
        </>
      )}
      {result.risks.length > 0 && (
        <>
          <h2 id={fails ? undefined : 'fixes-title'}>Safety lens{fails ? '' : ': this passes, but'}</h2>
          <RiskList risks={result.risks} testId="safety-risk" />
        </>
      )}
    </section>
  );
}
