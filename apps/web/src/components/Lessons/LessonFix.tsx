// "Now fix it": the task, the server's answers in the playground's own editor, a reset to the lesson's
// scenario, and the verdict of the learner's last real run against the lesson's goal.
import type { Lesson } from '@cors-playground/cors-core';
import { useEffect, useRef } from 'react';
import { runById } from '../../store/lesson-slice';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';
import { BrowserVerdict } from '../Results/Results';
import { ServerPanel } from '../ServerPanel/ServerPanel';

export function LessonFixTask({ lesson }: { lesson: Lesson }) {
  const reset = useAppStore((state) => state.resetLessonScenario);
  const heading = useRef<HTMLHeadingElement>(null);
  // "Now fix it" is gone once pressed: the focus moves to the task.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="lesson-fix-edit">
      <section className="panel lesson-fix" aria-labelledby="lesson-fix-title">
        <h2 id="lesson-fix-title" ref={heading} tabIndex={-1}>Now fix it</h2>
        <p><InlineCode text={lesson.fix.task} /></p>
        {lesson.fix.hint && (
          <details>
            <summary>A hint</summary>
            <p><InlineCode text={lesson.fix.hint} /></p>
          </details>
        )}
        <button type="button" onClick={reset} data-testid="lesson-reset">Reset to the lesson&apos;s scenario</button>
      </section>
      <ServerPanel />
    </div>
  );
}

export function LessonFixResult() {
  const run = useAppStore((state) => runById(state.runs, state.fixRunId));
  const phase = useAppStore((state) => state.phase);
  const misses = useAppStore((state) => state.fixMisses);
  const running = useAppStore((state) => state.runs.some((entry) => entry.status === 'running'));
  if (!run || running) return <p className="hint">Edit the server&apos;s answers, then run your fix: the real run is checked against the goal.</p>;
  return (
    <section className="panel" aria-labelledby="lesson-fix-result-title">
      <h2 id="lesson-fix-result-title">Your fix (Run #{run.id})</h2>
      <div className={`fix-verdict fix-${phase === 'fixed' ? 'met' : 'missed'}`} data-testid="fix-verdict" data-met={phase === 'fixed'} role="status">
        {phase === 'fixed' ? (
          <p><span aria-hidden="true">✓ </span><strong>Fixed.</strong> The real run meets the lesson&apos;s goal.</p>
        ) : misses.length ? (
          <>
            <p><span aria-hidden="true">✗ </span><strong>Not yet.</strong> What the real run still misses:</p>
            <ul>{misses.map((miss, index) => <li key={index}><InlineCode text={miss} /></li>)}</ul>
          </>
        ) : (
          <p>The run gave nothing to check; press Run again.</p>
        )}
      </div>
      <BrowserVerdict run={run} />
    </section>
  );
}
