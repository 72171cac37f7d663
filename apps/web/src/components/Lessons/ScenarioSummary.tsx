// The lesson's request and the server's answers, read-only and compact: what the learner reasons about
// before Run (and what the room reads on the projector). Title and notes are left out: they tell the answer.
import { resolveOriginPlaceholders, type Scenario } from '@cors-playground/cors-core';
import { useAppStore } from '../../store/store';

function HeaderList({ headers }: { headers: readonly (readonly [string, string])[] }) {
  if (!headers.length) return <span className="none">no headers</span>;
  return (
    <ul className="summary-headers">
      {headers.map(([name, value], index) => (
        <li key={index}><code>{name}: {value}</code></li>
      ))}
    </ul>
  );
}

export function ScenarioSummary({ scenario }: { scenario: Scenario }) {
  const origins = useAppStore((state) => state.origins);
  const resolve = (text: string) => resolveOriginPlaceholders(text, origins);
  const { request } = scenario;
  const routes = Object.entries(scenario.server.routes);
  return (
    <div className="scenario-summary" data-testid="scenario-summary">
      <section className="panel" aria-labelledby="summary-request-title" data-testid="lesson-request">
        <h2 id="summary-request-title">Request <span className="sub">what the page sends</span></h2>
        <p className="summary-line">
          A page on <code>{resolve(scenario.page)}</code> calls <code>{request.api === 'fetch' ? 'fetch()' : 'XMLHttpRequest'}</code>:
        </p>
        <p className="summary-request"><strong>{request.method}</strong> <code className="url">{resolve(request.url)}</code></p>
        <dl className="summary-fields">
          <dt>Headers</dt>
          <dd><HeaderList headers={request.headers} /></dd>
          <dt>Credentials</dt>
          <dd><code>{request.api === 'xhr' ? `withCredentials = ${request.credentials === 'include'}` : request.credentials}</code></dd>
          {request.api === 'fetch' && request.mode !== 'cors' && (
            <>
              <dt>Mode</dt>
              <dd><code>{request.mode}</code></dd>
            </>
          )}
          {request.body !== null && (
            <>
              <dt>Body</dt>
              <dd><code>{request.body.length > 120 ? `${request.body.slice(0, 120)}…` : request.body}</code></dd>
            </>
          )}
          {scenario.repeat > 1 && (
            <>
              <dt>Runs</dt>
              <dd>the request is sent {scenario.repeat} times in a row</dd>
            </>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="summary-server-title" data-testid="lesson-server">
        <h2 id="summary-server-title">Server <span className="sub">how it answers</span></h2>
        {routes.length === 0 && <p className="hint">No routes: every request gets 404 with no CORS headers.</p>}
        {routes.map(([key, route]) => (
          <div key={key} className="summary-route">
            <h3><code>{resolve(key)}</code></h3>
            <dl className="summary-fields">
              <dt>OPTIONS (preflight)</dt>
              <dd>{route.preflight ? <><code>{route.preflight.status}</code> <HeaderList headers={route.preflight.headers} /></> : <span className="none">no answer set: 404, no CORS headers</span>}</dd>
              <dt>The request</dt>
              <dd>{route.actual ? <><code>{route.actual.status}</code> <HeaderList headers={route.actual.headers} /></> : <span className="none">no answer set: 404, no CORS headers</span>}</dd>
            </dl>
          </div>
        ))}
      </section>
    </div>
  );
}
