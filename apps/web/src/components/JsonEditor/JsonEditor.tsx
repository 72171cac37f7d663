// The JSON view of the scenario. Monaco loads lazily on first use; until then (or if it fails to load)
// a plain text area edits the same text, so the editor is never blocked on a 1 MB download.
import { Component, lazy, Suspense, useId, type ReactNode } from 'react';
import { formatIssue } from '@cors-playground/cors-core';
import { useAppStore } from '../../store/store';

const MonacoJson = lazy(async () => {
  await import('./monaco-setup');
  return import('./MonacoJson');
});

class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function PlainJsonEditor({ labelledBy }: { labelledBy: string }) {
  const text = useAppStore((state) => state.jsonText);
  const setText = useAppStore((state) => state.setJsonText);
  return <textarea className="json-plain" aria-labelledby={labelledBy} value={text} rows={20} spellCheck={false} onChange={(event) => setText(event.target.value)} data-testid="json-text" />;
}

export function JsonEditor() {
  const id = useId();
  const issues = useAppStore((state) => state.jsonIssues);
  const reset = useAppStore((state) => state.resetJsonToForm);
  const plain = <PlainJsonEditor labelledBy={`${id}-label`} />;
  return (
    <div className="json-editor">
      <p id={`${id}-label`} className="hint">
        The whole scenario as JSON (completion from the scenario format&apos;s schema). In the editor, Ctrl+M toggles whether Tab moves the focus.
      </p>
      {/* Above the editor, where the eye is: below a 20-line editor it would be out of sight. */}
      {issues.length > 0 && (
        <div className="json-issues" role="status" data-testid="json-issues">
          <p>
            <span aria-hidden="true">✗ </span>The JSON is not a valid scenario; the form keeps the last valid one and your text is kept as typed:
          </p>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}><code>{formatIssue(issue)}</code></li>
            ))}
          </ul>
          <button type="button" onClick={reset}>Replace the JSON with the form&apos;s scenario</button>
        </div>
      )}
      <FallbackOnError fallback={plain}>
        <Suspense fallback={plain}>
          <MonacoJson label="Scenario JSON" />
        </Suspense>
      </FallbackOnError>
    </div>
  );
}
