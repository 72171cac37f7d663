// What the page sends: from which origin, with which API, to which URL, with which method, headers,
// body and fetch options. Values are kept exactly as typed (method case included).
import { sameSiteOriginOf, CACHE_MODES, CREDENTIALS_MODES, FETCH_MODES, MAX_REPEAT, REDIRECT_MODES, type ScenarioRequest } from '@cors-playground/cors-core';
import { useId, type ReactNode } from 'react';
import { setField, setRequest } from '../../store/scenario-edits';
import { selectIssuesByPath, selectOutsideOrigin } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { HeaderRows } from '../HeaderRows/HeaderRows';
import { SiteRelation } from '../SiteRelation/SiteRelation';

const PAGE_CHOICES = [
  ['{page}', 'This page'],
  ['{other}', 'Another origin'],
  ['{api}', 'The API\'s own origin (same-origin)'],
  ['null', 'Opaque origin "null" (sandboxed iframe)'],
] as const;

function Field({ label, issue, children, id, wide }: { label: string; issue?: string; children: ReactNode; id: string; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {issue && <p id={`${id}-issue`} className="issue" role="note">⚠ {issue}</p>}
    </div>
  );
}

export function RequestPanel() {
  const id = useId();
  const scenario = useAppStore((state) => state.scenario);
  const origins = useAppStore((state) => state.origins);
  const issues = useAppStore(selectIssuesByPath);
  const outside = useAppStore(selectOutsideOrigin);
  const edit = useAppStore((state) => state.editScenario);
  const request = scenario.request;
  const set = <K extends keyof ScenarioRequest>(field: K, value: ScenarioRequest[K]) => edit((s) => setRequest(s, field, value));
  const isFetch = request.api === 'fetch';
  const pageChoices = PAGE_CHOICES.some(([value]) => value === scenario.page) ? PAGE_CHOICES : [...PAGE_CHOICES, [scenario.page, 'Literal origin'] as const];
  const described = (path: string, field: string) => (issues.has(path) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-issue` } : {});

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Request <span className="sub">what the page sends</span></h2>
      <div className="grid-2">
        <Field label="Requesting origin" id={`${id}-page`} issue={issues.get('page')} wide>
          <select id={`${id}-page`} value={scenario.page} onChange={(event) => edit((s) => setField(s, 'page', event.target.value))}>
            {pageChoices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}: {value === 'null' ? 'null' : value.replace(/\{(page|api|other)\}/, (_w, name: 'page' | 'api' | 'other') => origins[name])}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field inline-choice">
          <legend>API</legend>
          {(['fetch', 'xhr'] as const).map((api) => (
            <label key={api}>
              <input type="radio" name={`${id}-api`} value={api} checked={request.api === api} onChange={() => set('api', api)} />
              {api === 'fetch' ? 'fetch()' : 'XMLHttpRequest'}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="grid-method-url">
        <Field label="Method" id={`${id}-method`} issue={issues.get('request.method')}>
          <input id={`${id}-method`} value={request.method} list={`${id}-methods`} spellCheck={false} autoCapitalize="off" data-testid="method" {...described('request.method', 'method')} onChange={(event) => set('method', event.target.value)} />
          <datalist id={`${id}-methods`}>
            {['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'patch'].map((method) => <option key={method} value={method} />)}
          </datalist>
        </Field>
        <Field label="URL" id={`${id}-url`} issue={issues.get('request.url')}>
          <input id={`${id}-url`} value={request.url} spellCheck={false} data-testid="url" {...described('request.url', 'url')} onChange={(event) => set('url', event.target.value)} />
        </Field>
      </div>
      {outside && (
        <p className="issue warn" role="note" data-testid="url-outside">
          <span aria-hidden="true">⚠ </span>{outside} is outside this playground: only the playground&apos;s origins answer as the scenario says
          ({origins.api}, {origins.other}, {origins.page}). Run would send the request to the real {outside}, whose answer the playground
          neither shapes nor records. To check a real server&apos;s CORS answers, run <code>pnpm cors probe {outside}</code> from a checkout of
          this project (it sends the preflight and the request as a browser would and explains the answers), or copy its headers into a route here.
        </p>
      )}
      <p className="hint">Use <code>{'{api}'}</code> ({origins.api}), <code>{'{other}'}</code> ({origins.other}), <code>{'{samesite}'}</code> ({sameSiteOriginOf(origins)}, same-site to the page) or <code>{'{page}'}</code> ({origins.page}) in the URL.</p>
      <SiteRelation />
      <HeaderRows label="Request headers" rows={request.headers} onChange={(rows) => set('headers', rows)} path="request.headers" issues={issues} suggestions={`${id}-header-names`} />
      <datalist id={`${id}-header-names`}>
        {['Content-Type', 'Authorization', 'Accept', 'Accept-Language', 'X-Requested-With', 'X-Api-Key', 'Cache-Control', 'Range'].map((name) => <option key={name} value={name} />)}
      </datalist>
      <div className="field">
        <label>
          <input type="checkbox" checked={request.body !== null} onChange={(event) => set('body', event.target.checked ? '' : null)} /> Send a body
        </label>
        {request.body !== null && (
          <textarea aria-label="Request body" value={request.body} rows={3} spellCheck={false} onChange={(event) => set('body', event.target.value)} />
        )}
        {issues.get('request.body') && <p className="issue" role="note">⚠ {issues.get('request.body')}</p>}
      </div>
      <div className="grid-4">
        {isFetch && (
          <Field label="mode" id={`${id}-mode`}>
            <select id={`${id}-mode`} value={request.mode} onChange={(event) => set('mode', event.target.value as ScenarioRequest['mode'])}>
              {FETCH_MODES.map((mode) => <option key={mode}>{mode}</option>)}
            </select>
          </Field>
        )}
        <Field label={isFetch ? 'credentials' : 'credentials (include = withCredentials)'} id={`${id}-credentials`}>
          <select id={`${id}-credentials`} value={request.credentials} onChange={(event) => set('credentials', event.target.value as ScenarioRequest['credentials'])}>
            {CREDENTIALS_MODES.map((mode) => <option key={mode}>{mode}</option>)}
          </select>
        </Field>
        {isFetch && (
          <Field label="redirect" id={`${id}-redirect`}>
            <select id={`${id}-redirect`} value={request.redirect ?? ''} onChange={(event) => set('redirect', (event.target.value || undefined) as ScenarioRequest['redirect'])}>
              <option value="">(default: follow)</option>
              {REDIRECT_MODES.map((mode) => <option key={mode}>{mode}</option>)}
            </select>
          </Field>
        )}
        {isFetch && (
          <Field label="cache" id={`${id}-cache`}>
            <select id={`${id}-cache`} value={request.cache ?? ''} onChange={(event) => set('cache', (event.target.value || undefined) as ScenarioRequest['cache'])}>
              <option value="">(default)</option>
              {CACHE_MODES.map((mode) => <option key={mode}>{mode}</option>)}
            </select>
          </Field>
        )}
        <Field label="Repeat" id={`${id}-repeat`} issue={issues.get('repeat')}>
          <input
            id={`${id}-repeat`}
            type="number"
            min={1}
            max={MAX_REPEAT}
            value={Number.isFinite(scenario.repeat) ? scenario.repeat : ''}
            onChange={(event) => edit((s) => setField(s, 'repeat', event.target.valueAsNumber))}
          />
        </Field>
        <p className="hint field-wide" data-testid="cache-hint">
          Each Run click uses new URLs (a new run id), so it starts with an empty preflight cache and sends its own preflight. The
          repeats of one click share their URLs: set Repeat to 2 or more to see a cached preflight.
        </p>
        {!isFetch && (
          <label className="field">
            <input type="checkbox" checked={request.uploadListener} onChange={(event) => set('uploadListener', event.target.checked)} /> Upload listener
          </label>
        )}
      </div>
    </section>
  );
}
