// Share (a permalink with the whole scenario in the fragment), export (a .json file) and import
// (paste, choose a file, or drop one). Nothing imported or opened runs until Run is pressed.
// The buttons sit in the header; what they open (`ShareBoxes`) sits below it, so the header never reflows.
import { useId, useState, type DragEvent } from 'react';
import { exportScenario, shareScenario } from '../../share/share-actions';
import { replaceScenario } from '../../store/scenario-actions';
import { useAppStore } from '../../store/store';
import type { Scenario } from '@cors-playground/cors-core';
import { importFile, importText, type ImportResult } from './import-text';

const IMPORT_BOX_ID = 'import-box';

export function SharePanel() {
  const importOpen = useAppStore((state) => state.importOpen);
  const setImportOpen = useAppStore((state) => state.setImportOpen);
  return (
    <div className="share-buttons">
      <button type="button" onClick={() => void shareScenario()} data-testid="share">Share link</button>
      <button type="button" onClick={() => exportScenario()} data-testid="export">Export JSON</button>
      <button type="button" aria-expanded={importOpen} aria-controls={IMPORT_BOX_ID} onClick={() => setImportOpen(!importOpen)} data-testid="import">Import JSON</button>
    </div>
  );
}

function ShareLinkBox() {
  const id = useId();
  const link = useAppStore((state) => state.shareLink);
  if (!link) return null;
  return (
    <div className="share-link">
      <label htmlFor={`${id}-link`}>
        {link.copied ? 'Link copied.' : 'Copy this link.'} It holds the whole scenario; opening it does not run it. The address bar is unchanged, so a reload keeps your later edits.
      </label>
      <input id={`${id}-link`} readOnly value={link.url} onFocus={(event) => event.target.select()} data-testid="share-link" />
    </div>
  );
}

function load(scenario: Scenario): void {
  replaceScenario(scenario, { kind: 'info', title: `Imported "${scenario.title ?? scenario.id}"; it replaced the scenario you had.`, lines: [] });
}

function ImportBox() {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);

  const accept = (imported: ImportResult) => {
    setResult(imported);
    if (imported.ok && imported.scenarios.length === 1) load(imported.scenarios[0]!);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) accept(await importFile(file));
    else accept(importText(event.dataTransfer.getData('text/plain')));
  };

  return (
    <div
      id={IMPORT_BOX_ID}
      className={`import-box${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => void onDrop(event)}
    >
      <label htmlFor={`${id}-paste`}>Paste scenario JSON (or drop a .json file here)</label>
      <textarea id={`${id}-paste`} rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} data-testid="import-text" />
      <div className="share-buttons">
        <button type="button" onClick={() => accept(importText(pasted))} data-testid="import-apply">Import pasted JSON</button>
        <label className="file-button">
          Choose a file…
          <input type="file" accept="application/json,.json" onChange={async (event) => { const file = event.target.files?.[0]; if (file) accept(await importFile(file)); }} />
        </label>
      </div>
      {result && !result.ok && (
        <div role="alert" className="issue-box">
          <p><span aria-hidden="true">✗ </span>Nothing was imported:</p>
          <ul>{result.errors.map((error, index) => <li key={index}><code>{error}</code></li>)}</ul>
        </div>
      )}
      {result?.ok && result.scenarios.length === 1 && <p role="status"><span aria-hidden="true">✓ </span>Imported &quot;{result.scenarios[0]!.title ?? result.scenarios[0]!.id}&quot;. Press Run to perform it.</p>}
      {result?.ok && result.scenarios.length > 1 && (
        <div role="status">
          <p>The file holds {result.scenarios.length} scenarios. Open one:</p>
          <ul className="import-choices">
            {result.scenarios.map((scenario) => (
              <li key={scenario.id}><button type="button" onClick={() => load(scenario)}>{scenario.title ?? scenario.id}</button></li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The share link and the import box, below the header. */
export function ShareBoxes() {
  const importOpen = useAppStore((state) => state.importOpen);
  const link = useAppStore((state) => state.shareLink !== null);
  if (!importOpen && !link) return null;
  return (
    <div className="share-boxes">
      <ShareLinkBox />
      {importOpen && <ImportBox />}
    </div>
  );
}
