// Does cors-core's prediction (with the rules of the engine that ran) match what the browser did?
// Quiet when it does; loud (an alert, every differing field listed) when it does not. When another
// engine's rules are shown below, the badge says that the check still uses the running engine's rules.
import { ENGINE_LABELS } from '../../engine/detect';
import type { RunEntry } from '../../store/run-slice';
import { selectAgreement } from '../../store/selectors';
import { useAppStore } from '../../store/store';

export function browserName(run: RunEntry): string {
  return `${run.browser.name}${run.browser.version ? ` ${run.browser.version}` : ''}`;
}

export function AgreementBadge() {
  const agreement = useAppStore(selectAgreement);
  switch (agreement.kind) {
    case 'none':
      return (
        <p className="agreement agreement-none" data-testid="agreement" data-agreement="none">
          No run yet: after a run, this compares cors-core&apos;s prediction with what the browser did.
        </p>
      );
    case 'pending':
      return <p className="agreement agreement-none" data-testid="agreement" data-agreement="pending">Comparing with {agreement.browser}…</p>;
    case 'unknown':
      return <p className="agreement agreement-unknown" data-testid="agreement" data-agreement="unknown"><span aria-hidden="true">? </span>Cannot compare: {agreement.reason}.</p>;
  }
  const rules = ENGINE_LABELS[agreement.rulesOf];
  const otherShown = agreement.shownProfile !== agreement.rulesOf
    ? ` The prediction below uses ${ENGINE_LABELS[agreement.shownProfile]}'s rules; a page can only check the engine it runs in.`
    : '';
  if (agreement.kind === 'agree') {
    return (
      <p className="agreement agreement-agree" data-testid="agreement" data-agreement="agree">
        <span aria-hidden="true">✓ </span>Agrees: cors-core&apos;s prediction with {rules}&apos;s rules matches what {agreement.browser} did.{otherShown}
      </p>
    );
  }
  const count = agreement.differences.length;
  return (
    <div className="agreement agreement-differ" data-testid="agreement" data-agreement="differ" role="alert">
      <p>
        <strong><span aria-hidden="true">✗ </span>Disagrees: {agreement.browser} did not do what cors-core predicted with {rules}&apos;s rules</strong> ({count} field
        {count === 1 ? '' : 's'}; expected = prediction, got = browser):
      </p>
      <ul>
        {agreement.differences.map((difference, index) => (
          <li key={index}><code>{difference}</code></li>
        ))}
      </ul>
      {otherShown && <p className="hint">{otherShown.trim()}</p>}
      <p className="hint">Either cors-core has a bug or this browser differs: share the link with the cors-core maintainers.</p>
    </div>
  );
}
