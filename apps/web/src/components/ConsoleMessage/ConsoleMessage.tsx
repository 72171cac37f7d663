// The console message the chosen engine prints, as cors-core predicts it. The page cannot read the
// browser's console, so the observed message is not available here: the text says so.
import type { Engine } from '@cors-playground/cors-core';
import type { ConsoleMessages } from '../../core/adapter';
import { ENGINE_LABELS } from '../../engine/detect';

export function ConsoleMessage({ messages, engine }: { messages: ConsoleMessages; engine: Engine }) {
  const text = engine === 'firefox' ? messages.firefox?.text : engine === 'webkit' ? messages.webkit : messages.chromium;
  return (
    <div className="console" data-testid="console">
      <h3>Console ({ENGINE_LABELS[engine]}, predicted)</h3>
      {text ? <pre className="console-text">{text}</pre> : <p className="hint">No CORS message: {ENGINE_LABELS[engine]} prints nothing for this request.</p>}
      {engine === 'firefox' && messages.firefox?.mdn && (
        <p><a href={messages.firefox.mdn} target="_blank" rel="noreferrer">Firefox&apos;s MDN page for this error</a></p>
      )}
      {engine === 'chromium' && messages.devtoolsIssue && <p className="hint">DevTools Issues panel: {messages.devtoolsIssue}</p>}
      <p className="hint">
        A page cannot read the browser&apos;s console, so the message actually printed is not shown here: open DevTools (F12) to compare. The real
        console names the wire URL the runner fetched (<code>…/r/&lt;run id&gt;/&lt;scenario&gt;/path</code>, the scenario travels in the URL); this
        panel shows the same message with the scenario&apos;s logical URL.
      </p>
    </div>
  );
}
