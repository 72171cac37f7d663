// Browser ⇄ server, one exchange per hop: the request arrow with its method, URL and key headers, the
// answer arrow with its status and key headers. A hop opens to show every raw header line.
import { useAppStore } from '../../store/store';
import { keyHeaders, logicalHeaders, type Hop } from './hops';

function HeaderLines({ headers }: { headers: readonly [string, string][] }) {
  if (headers.length === 0) return <span className="none">(none)</span>;
  return (
    <>
      {headers.map(([name, value], index) => (
        <code key={index} className="header-line">{name}: {value}</code>
      ))}
    </>
  );
}

function HopItem({ hop, browserLabel, selectable }: { hop: Hop; browserLabel: string; selectable: boolean }) {
  const selected = useAppStore((state) => state.selectedHop?.run === hop.run && state.selectedHop.hop === hop.hop);
  const selectHop = useAppStore((state) => state.selectHop);
  const status = hop.status ?? (hop.error ? `no answer (${hop.error})` : '?');
  const summary = (
    <>
      <span className="arrow request-arrow">
        <span className="lane">{browserLabel}</span>
        <span aria-hidden="true"> ──▶ </span>
        <span className="visually-hidden"> sends </span>
        <span className={`kind kind-${hop.kind}`}>{hop.kind === 'preflight' ? 'preflight' : 'request'}</span>{' '}
        <strong className="method">{hop.method}</strong> <span className="url">{hop.url}</span>
        <span className="key-headers"><HeaderLines headers={logicalHeaders(keyHeaders(hop.requestHeaders, 'request'))} /></span>
      </span>
      <span className="arrow response-arrow">
        <span className="lane">server</span>
        <span aria-hidden="true"> ◀── </span>
        <span className="visually-hidden"> answers </span>
        <strong className="status">{status}</strong>
        {hop.responseHeaders && <span className="key-headers"><HeaderLines headers={logicalHeaders(keyHeaders(hop.responseHeaders, 'response'))} /></span>}
      </span>
    </>
  );
  return (
    <li className="hop">
      {selectable ? (
        <button type="button" className="hop-button" aria-expanded={selected} onClick={() => selectHop(selected ? null : { run: hop.run, hop: hop.hop })}>
          {summary}
        </button>
      ) : (
        <div className="hop-button">{summary}</div>
      )}
      {selected && (
        <div className="raw-headers" data-testid="raw-headers">
          <div>
            <h4>Request headers as the server received them (raw bytes)</h4>
            <HeaderLines headers={hop.requestHeaders} />
          </div>
          <div>
            <h4>Response headers as the server sent them (raw bytes: URLs in their wire form)</h4>
            {hop.responseHeaders ? <HeaderLines headers={hop.responseHeaders} /> : <span className="none">{hop.error ?? 'unknown'}</span>}
          </div>
        </div>
      )}
    </li>
  );
}

export interface SequenceDiagramProps {
  title: string;
  runs: Hop[][];
  browserLabel: string;
  /** Observed hops can be opened for their raw headers; predicted ones have none. */
  selectable: boolean;
}

export function SequenceDiagram({ title, runs, browserLabel, selectable }: SequenceDiagramProps) {
  return (
    <figure className="sequence" data-testid="sequence">
      <figcaption>{title}</figcaption>
      {runs.map((hops, run) => (
        <div key={run} className="sequence-run">
          {runs.length > 1 && <h4>Repeat {run + 1}</h4>}
          {hops.length === 0 ? (
            <p className="hint">Nothing reached the server{runs.length > 1 ? ' in this repeat' : ''}.</p>
          ) : (
            <ol className="hops">
              {hops.map((hop) => (
                <HopItem key={hop.hop} hop={hop} browserLabel={browserLabel} selectable={selectable} />
              ))}
            </ol>
          )}
        </div>
      ))}
    </figure>
  );
}
