// The three views of a run side by side: what the browser decided (observed), what cors-core predicts
// and why (derived live from the scenario being edited), and what went over the wire.
import { OUTCOME_WORDING } from '@cors-playground/cors-core';
import type { PredictionResult } from '../../core/adapter';
import { ENGINE_LABELS } from '../../engine/detect';
import type { RunEntry } from '../../store/run-slice';
import { selectPrediction, selectPredictionEngine, selectShownRun } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { AgreementBadge, browserName } from '../AgreementBadge/AgreementBadge';
import { ConsoleMessage } from '../ConsoleMessage/ConsoleMessage';
import { EngineTable } from '../EngineTable/EngineTable';
import { Explanation } from '../Explanation/Explanation';
import { EngineSwitcher } from '../EngineSwitcher/EngineSwitcher';
import { observedHops, predictedHops } from '../SequenceDiagram/hops';
import { SequenceDiagram } from '../SequenceDiagram/SequenceDiagram';
import { runVerdict, TONE_ICON, TONE_WORD } from './verdict';
import { InlineCode } from '../InlineCode/InlineCode';
import { ScriptReads } from '../ScriptReads/ScriptReads';

export function BrowserVerdict({ run }: { run: RunEntry | undefined }) {
  const verdict = run ? runVerdict(run) : undefined;
  return (
    <div className={`verdict verdict-${verdict?.tone ?? 'none'}`}>
      <h3>What {run ? browserName(run) : 'the browser'} did{run ? ` (Run #${run.id})` : ''}</h3>
      {/* The live region: screen readers hear the verdict when a run ends. */}
      <div data-testid="browser-verdict" data-tone={verdict?.tone ?? 'none'} aria-live="polite" aria-atomic="true" role="status">
        {verdict ? (
          <>
            <p className="verdict-headline">
              <span className="tone-icon" aria-hidden="true">{TONE_ICON[verdict.tone]}</span>{' '}
              <span className="visually-hidden">{TONE_WORD[verdict.tone]}: </span>
              {verdict.headline}
            </p>
            {verdict.details.map((detail, index) => <p key={index} className="verdict-detail">{detail}</p>)}
          </>
        ) : (
          <p className="hint">Press Run to perform the request for real in this browser.</p>
        )}
      </div>
    </div>
  );
}

export function Prediction({ prediction, engineLabel }: { prediction: PredictionResult; engineLabel: string }) {
  return (
    <div className="prediction" data-testid="prediction" data-outcome={prediction.ok ? prediction.explanation.prediction.outcome : 'none'}>
      <h3>cors-core predicts ({engineLabel} rules)</h3>
      {prediction.ok ? (
        <>
          <p className="prediction-outcome">
            <span aria-hidden="true">{prediction.explanation.prediction.outcome === 'ok' ? '✓' : prediction.explanation.prediction.outcome === 'opaque' ? '⚠' : '✗'} </span>
            Outcome: <strong>{prediction.explanation.prediction.outcome}</strong>: {OUTCOME_WORDING[prediction.explanation.prediction.outcome].meaning}.
          </p>
          <p className="prediction-verdict"><InlineCode text={prediction.explanation.verdict} /></p>
        </>
      ) : (
        <p className="hint">No prediction: {prediction.reason}.</p>
      )}
    </div>
  );
}

export function Results() {
  const run = useAppStore(selectShownRun);
  const prediction = useAppStore(selectPrediction);
  const predictionEngine = useAppStore(selectPredictionEngine);
  const runCount = useAppStore((state) => state.scenario.repeat);
  const scenarioChanged = useAppStore((state) => run !== undefined && run.scenario !== state.scenario);
  const engineLabel = ENGINE_LABELS[predictionEngine];
  const observed = run?.result ? observedHops(run.result) : undefined;
  return (
    <section className="panel results" aria-labelledby="results-title">
      <h2 id="results-title">Result</h2>
      <BrowserVerdict run={run} />
      <AgreementBadge />
      {scenarioChanged && <p className="hint">The scenario has changed since this run; the prediction below is for the scenario as it is now.</p>}
      <EngineSwitcher />
      <Prediction prediction={prediction} engineLabel={engineLabel} />
      <EngineTable />
      <ScriptReads />
      {observed ? (
        <SequenceDiagram title={`What went over the wire in Run #${run!.id} (the server's record; select a hop for its raw headers)`} runs={observed} browserLabel="browser" selectable />
      ) : prediction.ok ? (
        <SequenceDiagram title="What cors-core expects to go over the wire (press Run to see the real thing)" runs={predictedHops(prediction.explanation.requests, runCount)} browserLabel="browser" selectable={false} />
      ) : null}
      {prediction.ok && <ConsoleMessage messages={prediction.explanation.console} engine={predictionEngine} />}
      {prediction.ok && (
        <div className="explanation">
          <h3>Why, step by step ({engineLabel} rules)</h3>
          <Explanation steps={prediction.explanation.steps} runCount={runCount} />
        </div>
      )}
    </section>
  );
}
