// "From a bug report": paste a console error, a cURL command, a fetch() call or a HAR file; cors-core
// reads it (readBugReport) and the result loads into the editor as a scenario, ready to Run.
import { readBugReport, type BugReportReading, type Scenario } from '@cors-playground/cors-core';
import { useEffect, useId, useState } from 'react';
import { loadProbeSettings } from '../../run/probe-action';
import { useAppStore } from '../../store/store';
import { ProbeForm } from './ProbeForm';

export function BugReportPanel() {
  const id = useId();
  const loadScenario = useAppStore((state) => state.loadScenario);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reading, setReading] = useState<BugReportReading | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    if (open) void loadProbeSettings();
  }, [open]);
  const load = (scenario: Scenario) => {
    loadScenario(scenario);
    setLoaded(scenario.title ?? scenario.id);
  };

  return (
    <div className="share-panel">
      <div className="share-buttons">
        <button type="button" aria-expanded={open} aria-controls={`${id}-box`} onClick={() => setOpen(!open)} data-testid="bug-report">From a bug report</button>
      </div>
      {open && (
        <div id={`${id}-box`} className="import-box">
          <label htmlFor={`${id}-text`}>Paste a console error, a &quot;Copy as cURL&quot;, a &quot;Copy as fetch&quot; or a HAR file</label>
          <textarea id={`${id}-text`} rows={5} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} data-testid="bug-report-text" />
          <div className="share-buttons">
            <button type="button" onClick={() => { setLoaded(null); setReading(readBugReport(text)); }} data-testid="bug-report-read">Read it</button>
          </div>
          {reading && reading.kind !== 'diagnosis' && (reading.result.ok ? (
            <div role="status">
              <p>Read as {reading.kind === 'har' ? 'a HAR file' : reading.kind === 'curl' ? 'a cURL command' : 'a fetch() call'}.</p>
              <button type="button" onClick={() => reading.result.ok && load(reading.result.scenario)} data-testid="bug-report-load">Load this scenario</button>
              {reading.result.notCarried.length > 0 && (
                <details>
                  <summary>Not carried over ({reading.result.notCarried.length})</summary>
                  <ul>{reading.result.notCarried.map((item, index) => <li key={index}><code>{item.what}</code>: {item.why}</li>)}</ul>
                </details>
              )}
            </div>
          ) : (
            <div role="alert" className="issue-box"><p>Could not read it: {reading.result.error}</p></div>
          ))}
          {reading?.kind === 'diagnosis' && (
            <div role="status" data-testid="diagnosis">
              {reading.diagnosis.matches.map((match) => (
                <div key={match.line}>
                  <p><strong>{match.title}</strong> (line {match.line}) <a href={match.spec} target="_blank" rel="noreferrer">spec</a></p>
                  <p>{match.explanation}</p>
                  <ol>
                    {match.causes.map((cause) => (
                      <li key={cause.id}>
                        <strong>{cause.title}</strong>: {cause.why} <em>Check:</em> {cause.check}{' '}
                        <button type="button" onClick={() => load(cause.scenario)} data-testid="cause-load">Load this cause</button>
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
              {reading.diagnosis.unrecognised.map((line) => (
                <p key={line.line}>Line {line.line} is not recognised. Closest: {line.closest.map((closest) => closest.template).join(' · ') || 'none'}</p>
              ))}
            </div>
          )}
          <ProbeForm />
          {loaded && <p role="status"><span aria-hidden="true">✓ </span>Loaded &quot;{loaded}&quot;. Press Run to perform it.</p>}
        </div>
      )}
    </div>
  );
}
