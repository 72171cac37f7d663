// The reveal: cors-core's prediction for the lesson's run beside what the browser did, whether they
// agree, the wire, the console text, the steps of the algorithm, the three engines and the lesson's notes.
import { formatDifference, type Lesson } from '@cors-playground/cors-core';
import { useEffect, useRef } from 'react';
import { ENGINE_LABELS } from '../../engine/detect';
import { runById } from '../../store/lesson-slice';
import { comparisonFor, selectLanPage, selectLessonEngineRows } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ConsoleMessage } from '../ConsoleMessage/ConsoleMessage';
import { EngineTable } from '../EngineTable/EngineTable';
import { Explanation } from '../Explanation/Explanation';
import { InlineCode } from '../InlineCode/InlineCode';
import { Prediction } from '../Results/Results';
import { observedHops } from '../SequenceDiagram/hops';
import { SequenceDiagram } from '../SequenceDiagram/SequenceDiagram';

export function LessonReveal({ lesson }: { lesson: Lesson }) {
  const run = useAppStore((state) => runById(state.runs, state.lessonRunId));
  const rows = useAppStore(selectLessonEngineRows);
  const lan = useAppStore(selectLanPage);
  const heading = useRef<HTMLHeadingElement>(null);
  // The Reveal button that was pressed is gone: the focus moves here and the answer scrolls to the top (on a projector the prediction is then on screen).
  const revealedNow = useAppStore((state) => state.phase === 'revealed');
  useEffect(() => {
    if (!revealedNow || !heading.current) return;
    heading.current.focus({ preventScroll: true });
    heading.current.scrollIntoView?.({ block: 'start' });
  }, [revealedNow]);
  if (!run) return null;
  const { prediction, comparison } = comparisonFor(run);
  const engine = run.browser.engine;
  const differences = comparison?.ok ? comparison.differences.map(formatDifference) : [];
  return (
    <section className="panel lesson-reveal" aria-labelledby="lesson-reveal-title" data-testid="lesson-reveal">
      <h2 id="lesson-reveal-title" ref={heading} tabIndex={-1}>The answer, and why</h2>
      <Prediction prediction={prediction} engineLabel={ENGINE_LABELS[engine]} />
      <p className={`agreement agreement-${comparison?.ok ? (differences.length ? 'differ' : 'agree') : 'unknown'}`} data-testid="agreement" data-agreement={comparison?.ok ? (differences.length ? 'differ' : 'agree') : 'unknown'}>
        {!comparison?.ok
          ? `The prediction could not be compared with the run: ${comparison?.reason ?? 'no observation'}.`
          : differences.length
            ? `The real run differs from cors-core's prediction: ${differences.join('; ')}.`
            : `The real run did exactly what cors-core predicts with ${ENGINE_LABELS[engine]}'s rules.`}
      </p>
      {run.result && <SequenceDiagram title={`What went over the wire (the server's record of Run #${run.id})`} runs={observedHops(run.result)} browserLabel="browser" selectable />}
      {prediction.ok && <ConsoleMessage messages={prediction.explanation.console} engine={engine} />}
      {prediction.ok && (
        <div className="explanation">
          <h3>Why, step by step ({ENGINE_LABELS[engine]} rules)</h3>
          <Explanation steps={prediction.explanation.steps} runCount={run.scenario.repeat} />
        </div>
      )}
      {rows && <EngineTable rows={rows} />}
      {lesson.engines && <p className="lesson-note" data-testid="lesson-engines"><strong>The engines: </strong><InlineCode text={lesson.engines} /></p>}
      {lesson.lan && <p className={`lesson-note${lan ? ' lesson-note-lan-active' : ''}`} data-testid="lesson-lan"><strong>{lan ? 'On this LAN: ' : 'On a LAN: '}</strong><InlineCode text={lesson.lan} /></p>}
    </section>
  );
}
