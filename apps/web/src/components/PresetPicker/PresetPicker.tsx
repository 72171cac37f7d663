// Ready scenarios for the classic problems. Choosing one and pressing Load replaces the scenario (a
// select that loaded on change would fire on every arrow key for keyboard users); the load can be undone.
import { useId, useState } from 'react';
import { PRESETS } from '../../presets/presets';
import { loadPreset } from '../../store/scenario-actions';
import { useAppStore } from '../../store/store';

export function PresetPicker() {
  const id = useId();
  const currentId = useAppStore((state) => state.scenario.id);
  const [choice, setChoice] = useState(() => (PRESETS.some((preset) => preset.id === currentId) ? currentId : (PRESETS[0]?.id ?? '')));
  return (
    <form className="preset-picker" onSubmit={(event) => { event.preventDefault(); loadPreset(choice); }}>
      <label htmlFor={`${id}-preset`}>Preset</label>
      <select id={`${id}-preset`} value={choice} onChange={(event) => setChoice(event.target.value)} data-testid="preset-select">
        {PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>{preset.title}</option>
        ))}
      </select>
      <button type="submit" data-testid="preset-load">Load</button>
    </form>
  );
}
