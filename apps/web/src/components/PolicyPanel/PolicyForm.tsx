// The policy as a form: who runs it (a framework, its model or the real software on the server) and
// every field of cors-core's CorsPolicySchema. Problems show under the field, from the scenario's
// validation (a policy is data: an origin must be a serialized origin, a name a token).
import { POLICY_FRAMEWORKS, type CorsPolicy, type PolicyFramework } from '@cors-playground/cors-core';
import { setBackend, setFramework, setPolicyFields } from '../../store/policy-edits';
import { selectRealBackend } from '../../store/policy-selectors';
import { selectIssuesByPath } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ListInput } from './ListInput';

export const FRAMEWORK_LABELS: Record<PolicyFramework, string> = {
  echo: 'Echo server (a well-behaved middleware)',
  'express-cors': 'Express + cors',
  'fastify-cors': 'Fastify + @fastify/cors',
  hono: 'Hono + hono/cors',
  'koa-cors': 'Koa + @koa/cors',
  nginx: 'nginx (add_header)',
};

type OriginsKind = 'list' | '*' | 'reflect-any';

function Issue({ path }: { path: string }) {
  const issues = useAppStore(selectIssuesByPath);
  const found = [...issues].filter(([at]) => at === path || at.startsWith(`${path}[`) || at.startsWith(`${path}.`));
  return found.length > 0 ? <p className="issue" role="note">⚠ {found.map(([, message]) => message).join('; ')}</p> : null;
}

export function PolicyForm({ policy }: { policy: CorsPolicy }) {
  const edit = useAppStore((state) => state.editScenario);
  const framework = useAppStore((state) => state.scenario.server.framework ?? 'echo');
  const backend = useAppStore((state) => state.scenario.server.backend ?? 'model');
  const real = useAppStore(selectRealBackend);
  const set = (patch: Partial<CorsPolicy>) => edit((s) => setPolicyFields(s, patch));
  const originsKind: OriginsKind = Array.isArray(policy.allowOrigins) ? 'list' : policy.allowOrigins;
  const listed = Array.isArray(policy.allowOrigins) ? policy.allowOrigins : [];
  return (
    <div className="policy-form">
      <div className="field">
        <label htmlFor="policy-framework">Framework</label>
        <select id="policy-framework" value={framework} onChange={(event) => edit((s) => setFramework(s, event.target.value as PolicyFramework))}>
          {POLICY_FRAMEWORKS.map((name) => <option key={name} value={name}>{FRAMEWORK_LABELS[name]}</option>)}
        </select>
      </div>
      <fieldset className="inline-choice">
        <legend>Who answers</legend>
        <label>
          <input type="radio" name="policy-backend" checked={backend === 'model'} onChange={() => edit((s) => setBackend(s, 'model'))} /> cors-core’s model of it (the echo server sends what the model predicts)
        </label>
        <label>
          <input type="radio" name="policy-backend" checked={backend === 'real'} disabled={!real.ok && backend !== 'real'} onChange={() => edit((s) => setBackend(s, 'real'))} /> the real {FRAMEWORK_LABELS[framework]}
          {real.ok ? ` (${real.backend.version}, on the server)` : ''}
        </label>
        {!real.ok && <p className="hint">Real software: {real.reason}.</p>}
        {real.ok && real.backend.lastFailure && <p className="hint">Last failure of this backend: {real.backend.lastFailure} (restarted {real.backend.restarts}×).</p>}
      </fieldset>

      <fieldset>
        <legend>Allowed origins</legend>
        <div className="inline-choice">
          {([['list', 'a list'], ['*', '"*" (any, answered with *)'], ['reflect-any', 'any, reflected']] as const).map(([kind, label]) => (
            <label key={kind}>
              <input type="radio" name="policy-origins" checked={originsKind === kind} onChange={() => set({ allowOrigins: kind === 'list' ? (listed.length > 0 ? listed : ['{page}']) : kind })} /> {label}
            </label>
          ))}
        </div>
        {originsKind === 'list' && (
          <>
            <div className="field">
              <label>Origins, one a line (<code>{'{page}'}</code>, <code>https://app.example.com</code>, <code>null</code>)</label>
              <ListInput label="Allowed origins" multiline values={listed} onChange={(values) => set({ allowOrigins: values })} />
              <Issue path="server.policy.allowOrigins" />
            </div>
            <div className="field">
              <label>Patterns, one a line (<code>https://*.example.com</code>)</label>
              <ListInput label="Allowed origin patterns" multiline values={policy.allowOriginPatterns} onChange={(values) => set({ allowOriginPatterns: values })} />
              <Issue path="server.policy.allowOriginPatterns" />
            </div>
          </>
        )}
      </fieldset>

      <div className="field">
        <label>Allowed methods</label>
        <ListInput label="Allowed methods" values={policy.allowMethods} onChange={(values) => set({ allowMethods: values })} />
        <Issue path="server.policy.allowMethods" />
      </div>
      <div className="field">
        <label className="inline-choice">
          <input type="checkbox" checked={policy.allowHeaders === 'reflect'} onChange={(event) => set({ allowHeaders: event.target.checked ? 'reflect' : [] })} /> Allowed headers: reflect what the preflight asks for
        </label>
        {policy.allowHeaders !== 'reflect' && <ListInput label="Allowed headers" values={policy.allowHeaders} onChange={(values) => set({ allowHeaders: values })} />}
        <Issue path="server.policy.allowHeaders" />
      </div>
      <div className="field">
        <label>Exposed headers</label>
        <ListInput label="Exposed headers" values={policy.exposeHeaders} onChange={(values) => set({ exposeHeaders: values })} />
        <Issue path="server.policy.exposeHeaders" />
      </div>
      <div className="inline-choice policy-switches">
        <label><input type="checkbox" checked={policy.credentials} onChange={(event) => set({ credentials: event.target.checked })} /> Credentials (Access-Control-Allow-Credentials: true)</label>
        <label><input type="checkbox" checked={policy.vary} onChange={(event) => set({ vary: event.target.checked })} /> Vary: Origin</label>
        <label><input type="checkbox" checked={policy.headersOnErrors} onChange={(event) => set({ headersOnErrors: event.target.checked })} /> CORS headers on error answers too</label>
        <label><input type="checkbox" checked={policy.authBeforeCors} onChange={(event) => set({ authBeforeCors: event.target.checked })} /> Authentication runs before CORS (OPTIONS gets 401)</label>
      </div>
      <div className="policy-numbers">
        <div className="field">
          <label htmlFor="policy-max-age">Max-age (seconds; empty: not sent)</label>
          <input id="policy-max-age" type="number" min={0} max={604800} value={policy.maxAge ?? ''} onChange={(event) => set({ maxAge: event.target.value === '' ? null : Number(event.target.value) })} />
          <Issue path="server.policy.maxAge" />
        </div>
        <div className="field">
          <label htmlFor="policy-preflight-status">Accepted preflight status</label>
          <select id="policy-preflight-status" value={policy.preflightStatus} onChange={(event) => set({ preflightStatus: Number(event.target.value) as 200 | 204 })}>
            <option value={204}>204</option>
            <option value={200}>200</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="policy-refusal">A refused origin gets</label>
          <select id="policy-refusal" value={policy.refusal} onChange={(event) => set({ refusal: event.target.value as CorsPolicy['refusal'] })}>
            <option value="omit-headers">the usual answer without CORS headers</option>
            <option value="reject">403</option>
          </select>
        </div>
      </div>
    </div>
  );
}
