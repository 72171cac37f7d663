// The scenario's own identity: its title and notes (editable, so hand-built work does not keep a
// preset's name), "New scenario", and what became of a preset's `expect` after edits.
import { useId, useState } from 'react';
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
  const [editingNotes, setEditingNotes] = useState(false);
  return (
    <div className="scenario-meta">
      <div className="scenario-title-row">
        <label htmlFor={`${id}-title`} className="visually-hidden">Scenario title</label>
        <input
          id={`${id}-title`}
          className="scenario-name"
          value={title ?? ''}
          placeholder="Untitled scenario"
          onChange={(event) => edit((s) => setField(s, 'title', event.target.value || undefined))}
          data-testid="scenario-title-input"
        />
        <button type="button" onClick={() => newScenario()} data-testid="new-scenario">New scenario</button>
      </div>
      {editingNotes ? (
        <>
          <label htmlFor={`${id}-notes`} className="visually-hidden">Scenario notes</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={notes ?? ''}
            placeholder="Notes: what this scenario shows (`backticks` mark code)"
            onChange={(event) => edit((s) => setField(s, 'notes', event.target.value || undefined))}
            data-testid="scenario-notes-input"
          />
        </>
      ) : (
        notes && <p className="scenario-notes" data-testid="scenario-notes"><InlineCode text={notes} /></p>
      )}
      <button type="button" className="link-button" aria-expanded={editingNotes} onClick={() => setEditingNotes(!editingNotes)} data-testid="edit-notes">
        {editingNotes ? 'Done with the notes' : notes ? 'Edit the notes' : 'Add notes'}
      </button>
      <ExpectStatus />
    </div>
  );
}
