// Whose rules the prediction uses: the engine running this page (default) or another one, to see where
// Chromium, Firefox and WebKit differ.
import { ENGINES } from '@cors-playground/cors-core';
import { useId } from 'react';
import { ENGINE_LABELS } from '../../engine/detect';
import { selectProfile } from '../../store/selectors';
import { useAppStore } from '../../store/store';

export function ProfileSwitcher() {
  const id = useId();
  const profile = useAppStore(selectProfile);
  const detected = useAppStore((state) => state.browser.engine);
  const setProfile = useAppStore((state) => state.setProfile);
  return (
    <fieldset className="profile-switcher" data-testid="profile">
      <legend>Predict with the rules of</legend>
      {ENGINES.map((engine) => (
        <label key={engine}>
          <input type="radio" name={`${id}-profile`} value={engine} checked={profile === engine} onChange={() => setProfile(engine === detected ? null : engine)} />
          {ENGINE_LABELS[engine]}
          {engine === detected ? ' (this browser)' : ''}
        </label>
      ))}
    </fieldset>
  );
}
