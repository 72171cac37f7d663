// Whose rules the prediction uses: the engine running this page (default) or another one, to see where
// Chromium, Firefox and WebKit differ.
import { ENGINES } from '@cors-playground/cors-core';
import { useId } from 'react';
import { ENGINE_LABELS } from '../../engine/detect';
import { selectPredictionEngine } from '../../store/selectors';
import { useAppStore } from '../../store/store';

export function EngineSwitcher() {
  const id = useId();
  const chosen = useAppStore(selectPredictionEngine);
  const detected = useAppStore((state) => state.browser.engine);
  const setPredictionEngine = useAppStore((state) => state.setPredictionEngine);
  return (
    <fieldset className="engine-switcher" data-testid="prediction-engine">
      <legend>Predict with the rules of</legend>
      {ENGINES.map((engine) => (
        <label key={engine}>
          <input type="radio" name={`${id}-engine`} value={engine} checked={chosen === engine} onChange={() => setPredictionEngine(engine === detected ? null : engine)} />
          {ENGINE_LABELS[engine]}
          {engine === detected ? ' (this browser)' : ''}
        </label>
      ))}
    </fieldset>
  );
}
