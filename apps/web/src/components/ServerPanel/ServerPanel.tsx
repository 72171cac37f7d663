// How the echo server answers: the routes, each with its preflight and actual answers edited apart;
// or the whole scenario as JSON. Both views edit the same store.
import { useId, useState } from 'react';
import { addRoute, removeRoute, renameRoute, setAnswer } from '../../store/scenario-edits';
import { selectIssuesByPath } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { JsonEditor } from '../JsonEditor/JsonEditor';
import { AnswerEditor, RESPONSE_HEADER_LIST, RESPONSE_HEADER_NAMES } from './AnswerEditor';

function RouteKeyInput({ routeKey, onRename }: { routeKey: string; onRename: (to: string) => void }) {
  const [draft, setDraft] = useState(routeKey);
  const [seen, setSeen] = useState(routeKey);
  if (seen !== routeKey) {
    setSeen(routeKey);
    setDraft(routeKey);
  }
  const commit = () => (draft && draft !== routeKey ? onRename(draft) : setDraft(routeKey));
  return (
    <input
      aria-label={`Path of route ${routeKey}`}
      className="route-key"
      value={draft}
      spellCheck={false}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
    />
  );
}

function RoutesForm() {
  const routes = useAppStore((state) => state.scenario.server.routes);
  const issues = useAppStore(selectIssuesByPath);
  const edit = useAppStore((state) => state.editScenario);
  const entries = Object.entries(routes);
  return (
    <div className="routes">
      {entries.length === 0 && <p className="hint">No routes: every request gets 404 with no CORS headers.</p>}
      {entries.map(([key, route]) => (
        <article key={key} className="route" aria-label={`Route ${key}`}>
          <header className="route-header">
            <RouteKeyInput routeKey={key} onRename={(to) => edit((s) => renameRoute(s, key, to))} />
            <button type="button" onClick={() => edit((s) => removeRoute(s, key))} aria-label={`Remove route ${key}`}>Remove route</button>
          </header>
          {issues.get(`server.routes`) && <p className="issue" role="note">⚠ {issues.get('server.routes')}</p>}
          <div className="answers">
            <AnswerEditor routeKey={key} kind="preflight" answer={route.preflight} onChange={(answer) => edit((s) => setAnswer(s, key, 'preflight', answer))} issues={issues} />
            <AnswerEditor routeKey={key} kind="actual" answer={route.actual} onChange={(answer) => edit((s) => setAnswer(s, key, 'actual', answer))} issues={issues} />
          </div>
        </article>
      ))}
      <datalist id={RESPONSE_HEADER_LIST}>
        {RESPONSE_HEADER_NAMES.map((name) => <option key={name} value={name} />)}
      </datalist>
      <button type="button" onClick={() => edit((s) => addRoute(s))}>+ Add route</button>
      <p className="hint">
        A route is a path (<code>/resource</code>) or an origin and a path (<code>{'{other}/final'}</code>). Header values may use{' '}
        <code>{'{request.origin}'}</code> to reflect what the request sent.
      </p>
    </div>
  );
}

export function ServerPanel() {
  const id = useId();
  const tab = useAppStore((state) => state.serverTab);
  const setTab = useAppStore((state) => state.setServerTab);
  const jsonBroken = useAppStore((state) => state.jsonIssues.length > 0);
  const tabs = [
    ['form', 'Answers'],
    ['json', jsonBroken ? 'Scenario JSON (has errors)' : 'Scenario JSON'],
  ] as const;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Server <span className="sub">how {'{api}'} and {'{other}'} answer</span></h2>
      <div role="tablist" aria-label="Server view" className="tabs">
        {tabs.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`${id}-tab-${value}`}
            aria-selected={tab === value}
            aria-controls={`${id}-panel`}
            tabIndex={tab === value ? 0 : -1}
            onClick={() => setTab(value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = value === 'form' ? 'json' : 'form';
                setTab(next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'form' ? <RoutesForm /> : <JsonEditor />}
      </div>
    </section>
  );
}
