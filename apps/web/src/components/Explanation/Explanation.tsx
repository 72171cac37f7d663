// cors-core's explanation: the algorithm steps it took, each with its verdict (icon and word, never
// colour alone) and a link to the spec.
import type { ExplainStep } from '../../core/adapter';
import { InlineCode } from '../InlineCode/InlineCode';

const ICON = { pass: '✓', fail: '✗', info: 'ℹ' } as const;
const WORD = { pass: 'pass', fail: 'fail', info: 'info' } as const;

export function Explanation({ steps, runCount }: { steps: readonly ExplainStep[]; runCount: number }) {
  if (steps.length === 0) return <p className="hint">No steps.</p>;
  return (
    <ol className="steps" data-testid="explanation">
      {steps.map((step, index) => (
        <li key={index} className={`step step-${step.verdict}`}>
          <span className="step-verdict">
            <span aria-hidden="true">{ICON[step.verdict]}</span> {WORD[step.verdict]}
          </span>{' '}
          <span className="step-where">{runCount > 1 ? `repeat ${step.run + 1}, ` : ''}hop {step.hop + 1}</span>{' '}
          <span className="step-text"><InlineCode text={step.text} /></span>{' '}
          {step.spec && (
            <a href={step.spec} target="_blank" rel="noreferrer" className="step-spec">
              {step.algorithm || 'spec'}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
