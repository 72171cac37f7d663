// "Probe a real server": shown only when the echo server was started with --probe-allow. The request
// goes from the echo server, never from this page; the answers come back as a scenario to Run.
import { useId, useState } from 'react';
import { loadProbedScenario, probeServer } from '../../run/probe-action';
import { useAppStore } from '../../store/store';

export function ProbeForm() {
  const id = useId();
  const probe = useAppStore((state) => state.probe);
  const [url, setUrl] = useState('');
  const [method, setMethod] = useState('GET');
  const [headers, setHeaders] = useState('');
  const [credentials, setCredentials] = useState(false);
  if (!probe.allow || probe.allow.length === 0) return null;
  return (
    <form className="probe-form" data-testid="probe-form" onSubmit={(event) => { event.preventDefault(); void probeServer({ url, method, headers, credentials }); }}>
      <h3>Probe a real server</h3>
      <p className="hint">The echo server sends the browser&apos;s preflight and request from the page origin and records the answers. It may probe: {probe.allow.map((origin) => <code key={origin}>{origin} </code>)}</p>
      <label htmlFor={`${id}-url`}>URL</label>
      <input id={`${id}-url`} type="url" required value={url} placeholder={`${probe.allow[0]}/`} onChange={(event) => setUrl(event.target.value)} data-testid="probe-url" />
      <label htmlFor={`${id}-method`}>Method</label>
      <input id={`${id}-method`} value={method} onChange={(event) => setMethod(event.target.value)} data-testid="probe-method" />
      <label htmlFor={`${id}-headers`}>Request headers (one &quot;Name: value&quot; a line)</label>
      <textarea id={`${id}-headers`} rows={2} value={headers} onChange={(event) => setHeaders(event.target.value)} spellCheck={false} data-testid="probe-headers" />
      <label><input type="checkbox" checked={credentials} onChange={(event) => setCredentials(event.target.checked)} /> with credentials</label>
      <div className="share-buttons"><button type="submit" disabled={probe.busy} data-testid="probe-send">{probe.busy ? 'Probing…' : 'Probe'}</button></div>
      {probe.error && <p role="alert" className="issue-box">{probe.error}</p>}
      {probe.result && (
        <div role="status" data-testid="probe-result" data-pass={String(probe.result.pass)}>
          <p><strong>{probe.result.pass ? 'Passes' : 'Fails'}</strong> by cors-core&apos;s rules: {probe.result.verdict}</p>
          <ul>{probe.result.sent.map((sent, index) => <li key={index}>sent {sent.kind} <code>{sent.method} {sent.url}</code></li>)}</ul>
          <button type="button" onClick={() => loadProbedScenario()} data-testid="probe-load">Load the recorded answers as a scenario</button>
        </div>
      )}
    </form>
  );
}
