// The server's half of policy mode: for each request the browser is predicted to send, the CORS headers
// the policy's middleware produces and why (cors-core explainPolicy, its notes naming each quirk and
// what a framework sends when it cannot express a field); then, after a run through the real
// middleware, what it actually answered (the record), with the backend's name and version.
import type { RecordedRequest } from '@cors-playground/wire';
import { selectPolicyExplanation } from '../../store/policy-selectors';
import { selectShownRun } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';

function HeaderLines({ lines }: { lines: readonly (readonly [string, string])[] }) {
  if (lines.length === 0) return <p className="hint">No CORS header.</p>;
  return (
    <ul className="policy-headers">
      {lines.map(([name, value], index) => <li key={index}><code>{name}: {value}</code></li>)}
    </ul>
  );
}

const isCors = ([name]: readonly [string, string]) => /^(access-control-|vary$)/i.test(name);

function RealAnswer({ request }: { request: RecordedRequest }) {
  const backend = request.backend;
  return (
    <li>
      <strong>{request.kind === 'preflight' ? 'Preflight' : 'Request'}</strong> {request.method} {request.path}:{' '}
      {'error' in request.answer ? (
        <span className="issue">{request.answer.error}</span>
      ) : (
        <>
          {request.answer.status}
          <HeaderLines lines={request.answer.headers.filter(isCors)} />
        </>
      )}
      {backend && (
        <p className="hint">
          Answered by the real {backend.framework} ({backend.version}) in {backend.ms} ms{backend.restarted ? `; it was started again first, after: ${backend.restarted}` : ''}.
        </p>
      )}
    </li>
  );
}

export function PolicyAnswers() {
  const explained = useAppStore(selectPolicyExplanation);
  const shown = useAppStore(selectShownRun);
  const realRequests = (shown?.result?.runs ?? []).flatMap((run) => run.requests).filter((request) => request.backend || shown?.scenario.server.backend === 'real');
  return (
    <div className="policy-answers">
      <h3>What the policy sends</h3>
      {!explained ? (
        <p className="hint">Fix the scenario’s errors to see what the policy sends.</p>
      ) : (
        <ol data-testid="policy-explanation">
          {explained.requests.map((request, index) => (
            <li key={index}>
              <strong>{request.kind === 'preflight' ? 'Preflight' : 'Request'}</strong> {request.method} {request.url}: {request.status}
              <HeaderLines lines={request.corsHeaders} />
              {request.notes.length > 0 && (
                <ul className="policy-notes">
                  {request.notes.map((note, noteIndex) => <li key={noteIndex}><InlineCode text={note.text} /></li>)}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {realRequests.length > 0 && (
        <>
          <h3>What the real middleware answered (last run)</h3>
          <ol data-testid="policy-real-answers">
            {realRequests.map((request, index) => <RealAnswer key={index} request={request} />)}
          </ol>
        </>
      )}
    </div>
  );
}
