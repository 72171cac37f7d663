// Share (a permalink with the whole scenario in the fragment), export (a .json file) and import
// (paste, choose a file, or drop one). Nothing imported or opened runs until Run is pressed.
import type { Scenario } from '@cors-playground/cors-core';
import { useId, useState, type DragEvent } from 'react';
import { shareUrl } from '../../share/share-link';
import { appStore, useAppStore } from '../../store/store';
import { importFile, importText, type ImportResult } from './import-text';

function download(scenario: Scenario): void {
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `${scenario.id}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SharePanel() {
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const loadScenario = useAppStore((state) => state.loadScenario);

  const share = async () => {
    const url = shareUrl(location.href, appStore.getState().scenario);
    setLink(url);
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the link is shown to copy by hand
    }
  };

  const accept = (imported: ImportResult) => {
    setResult(imported);
    if (imported.ok && imported.scenarios.length === 1) loadScenario(imported.scenarios[0]!);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) accept(await importFile(file));
    else accept(importText(event.dataTransfer.getData('text/plain')));
  };

  return (
    <div className="share-panel">
      <div className="share-buttons">
        <button type="button" onClick={() => void share()} data-testid="share">Share link</button>
        <button type="button" onClick={() => download(appStore.getState().scenario)} data-testid="export">Export JSON</button>
        <button type="button" aria-expanded={importOpen} aria-controls={`${id}-import`} onClick={() => setImportOpen(!importOpen)} data-testid="import">Import JSON</button>
      </div>
      {link && (
        <div className="share-link">
          <label htmlFor={`${id}-link`}>{copied ? 'Link copied. It holds the whole scenario; opening it does not run it.' : 'Copy this link. It holds the whole scenario; opening it does not run it.'}</label>
          <input id={`${id}-link`} readOnly value={link} onFocus={(event) => event.target.select()} data-testid="share-link" />
        </div>
      )}
      {importOpen && (
        <div
          id={`${id}-import`}
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
                  <li key={scenario.id}><button type="button" onClick={() => loadScenario(scenario)}>{scenario.title ?? scenario.id}</button></li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
