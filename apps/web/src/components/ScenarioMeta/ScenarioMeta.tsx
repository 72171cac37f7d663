// The scenario's own identity: its title and notes (editable, so hand-built work does not keep a
// preset's name), "New scenario", and what became of a preset's `expect` after edits.
import { useId } from 'react';
import { withoutExpect } from '../../store/expect-check';
import { newScenario } from '../../store/scenario-actions';
import { setField } from '../../store/scenario-edits';
import { selectStaleExpect } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';

function ExpectStatus() {
  const dropped = useAppStore((state) => state.expectDropped);
  const stale = useAppStore(selectStaleExpect);
  const edit = useAppStore((state) => state.editScenario);
  if (dropped && stale.length === 0) {
    return (
      <p className="hint" role="status" data-testid="expect-status">
        The preset&apos;s <code>expect</code> (what Chromium did for the preset) no longer matched your edits, so it was removed: exports and share links no longer carry it.
      </p>
    );
  }
  if (stale.length === 0) return null;
  return (
    <p className="hint" role="status" data-testid="expect-status">
      <span aria-hidden="true">⚠ </span>This scenario&apos;s <code>expect</code> no longer matched cors-core&apos;s Chromium prediction ({stale.length} field{stale.length === 1 ? '' : 's'}:{' '}
      {stale.map((difference) => difference.field).join(', ')}).{' '}
      <button type="button" onClick={() => edit(withoutExpect)}>Remove expect</button>
    </p>
  );
}

export function ScenarioMeta() {
  const id = useId();
  const title = useAppStore((state) => state.scenario.title);
  const notes = useAppStore((state) => state.scenario.notes);
  const edit = useAppStore((state) => state.editScenario);
  const editing = useAppStore((state) => state.metaEditing);
  const setEditing = useAppStore((state) => state.setMetaEditing);
  return (
    <div className="scenario-meta">
      <div className="scenario-title-row">
        <p className="scenario-name" data-testid="scenario-title">{title ?? 'Untitled scenario'}</p>
        <button type="button" onClick={() => newScenario()} data-testid="new-scenario">New scenario</button>
      </div>
      {editing ? (
        <div className="scenario-meta-fields">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title ?? ''}
            placeholder="Untitled scenario"
            // Opened by "New scenario" or by the Edit button: the person came here to type.
            autoFocus
            onChange={(event) => edit((s) => setField(s, 'title', event.target.value || undefined))}
            data-testid="scenario-title-input"
          />
          <label htmlFor={`${id}-notes`}>Notes (`backticks` mark code)</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={notes ?? ''}
            onChange={(event) => edit((s) => setField(s, 'notes', event.target.value || undefined))}
            data-testid="scenario-notes-input"
          />
        </div>
      ) : (
        notes && <p className="scenario-notes" data-testid="scenario-notes"><InlineCode text={notes} /></p>
      )}
      <button type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="edit-notes">
        {editing ? 'Done' : 'Edit the title and notes'}
      </button>
      <ExpectStatus />
    </div>
  );
}
