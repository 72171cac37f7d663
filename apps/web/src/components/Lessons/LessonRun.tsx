// Run inside a lesson, with the reason when it may not be pressed yet (the questions come first), and
// the real result of the lesson's run once it is in (before the reveal: what the browser did, nothing more).
import { useEffect, useRef } from 'react';
import { RUN_SHORTCUT } from '../../app/run-shortcut';
import { runLesson } from '../../lessons/lesson-run';
import { runById, selectLessonRunBlocker } from '../../store/lesson-slice';
import { useAppStore } from '../../store/store';
import { BrowserVerdict } from '../Results/Results';

export function LessonRunBar() {
  const blocker = useAppStore(selectLessonRunBlocker);
  const running = useAppStore((state) => state.runs.some((run) => run.status === 'running'));
  const phase = useAppStore((state) => state.phase);
  const problem = useAppStore((state) => state.runProblem);
  if (phase === 'ran' || phase === 'revealed') return null;
  return (
    <div className="lesson-run-bar">
      <button
        type="button"
        className="run"
        data-testid="run"
        onClick={() => void runLesson()}
        disabled={blocker !== null}
        aria-disabled={running || undefined}
        aria-describedby={blocker ? 'lesson-run-reason' : undefined}
        aria-keyshortcuts={RUN_SHORTCUT.keys}
        title={`Run the request for real in this browser (${RUN_SHORTCUT.label})`}
      >
        {running ? 'Running…' : phase === 'predict' ? '▶ Run and check my answer' : '▶ Run my fix'}
      </button>
      {blocker && <p id="lesson-run-reason" className="hint">{blocker}</p>}
      {problem && <p className="issue" role="alert" data-testid="lesson-run-problem">The run gave nothing to judge: {problem}. Press Run again.</p>}
    </div>
  );
}

/** After the lesson's run and before the reveal: what the browser did, and the button that reveals why. */
export function LessonRealResult() {
  const run = useAppStore((state) => runById(state.runs, state.lessonRunId));
  const phase = useAppStore((state) => state.phase);
  const reveal = useAppStore((state) => state.reveal);
  const heading = useRef<HTMLHeadingElement>(null);
  // The result takes the focus when it arrives: a screen reader hears it, and the page scrolls to it
  // (the Run button may sit lower than the result on a small or zoomed screen).
  useEffect(() => {
    if (phase === 'ran') heading.current?.focus();
  }, [phase]);
  if (!run) return null;
  return (
    <section className="panel lesson-real" aria-labelledby="lesson-real-title">
      <h2 id="lesson-real-title" ref={heading} tabIndex={-1}>What really happened</h2>
      <BrowserVerdict run={run} />
      {phase === 'ran' && (
        <button type="button" className="run reveal-button" onClick={reveal} data-testid="reveal">
          Show the answer and why
        </button>
      )}
    </section>
  );
}
