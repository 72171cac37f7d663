// Does cors-core's prediction (with the profile of the engine that ran) match what the browser did?
// Quiet when it does; loud (an alert, every differing field listed) when it does not.
import { formatDifference } from '@cors-playground/cors-core';
import type { RunEntry } from '../../store/run-slice';
import { comparisonFor } from '../../store/selectors';

export function browserName(run: RunEntry): string {
  return `${run.browser.name}${run.browser.version ? ` ${run.browser.version}` : ''}`;
}

export function AgreementBadge({ run }: { run: RunEntry | undefined }) {
  if (!run) {
    return (
      <p className="agreement agreement-none" data-testid="agreement" data-agreement="none">
        No run yet: after a run, this compares cors-core&apos;s prediction with what the browser did.
      </p>
    );
  }
  const name = browserName(run);
  if (run.status === 'running') {
    return <p className="agreement agreement-none" data-testid="agreement" data-agreement="pending">Comparing with {name}…</p>;
  }
  const { comparison } = comparisonFor(run);
  if (run.status === 'failed' || !comparison) {
    return <p className="agreement agreement-unknown" data-testid="agreement" data-agreement="unknown"><span aria-hidden="true">? </span>No comparison: the run did not complete.</p>;
  }
  if (!comparison.ok) {
    return <p className="agreement agreement-unknown" data-testid="agreement" data-agreement="unknown"><span aria-hidden="true">? </span>Cannot compare: {comparison.reason}.</p>;
  }
  if (comparison.differences.length === 0) {
    return (
      <p className="agreement agreement-agree" data-testid="agreement" data-agreement="agree">
        <span aria-hidden="true">✓ </span>Agrees: cors-core&apos;s prediction matches what {name} did.
      </p>
    );
  }
  return (
    <div className="agreement agreement-differ" data-testid="agreement" data-agreement="differ" role="alert">
      <p>
        <strong><span aria-hidden="true">✗ </span>Disagrees: {name} did not do what cors-core predicted</strong> ({comparison.differences.length} field
        {comparison.differences.length === 1 ? '' : 's'}; expected = prediction, got = browser):
      </p>
      <ul>
        {comparison.differences.map((difference, index) => (
          <li key={index}><code>{formatDifference(difference)}</code></li>
        ))}
      </ul>
      <p className="hint">Either cors-core has a bug or this browser differs: share the link with the cors-core maintainers.</p>
    </div>
  );
}
