import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { listExports, validateScenario } from '@cors-playground/cors-core';
import { setPolicyFields, setPolicyMode } from '../../store/policy-edits';
import { appStore, resetAppStore } from '../../store/store';
import { PolicyPanel } from './PolicyPanel';

function expressStarWithCredentials() {
  const result = validateScenario({
    request: { url: '{api}/profile', credentials: 'include' },
    server: { framework: 'express-cors', backend: 'real', policy: { allowOrigins: '*', credentials: true }, routes: { '/profile': { actual: { status: 200, headers: [['Content-Type', 'text/plain']], body: 'ok' } } } },
  });
  if (!result.ok) throw new Error('bad scenario');
  appStore.getState().loadScenario(result.scenario);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('PolicyPanel', () => {
  beforeEach(resetAppStore);

  it('is off for a raw-mode scenario, and turning it on fills every field of the policy', () => {
    expect(text(renderToStaticMarkup(<PolicyPanel />))).toContain('Describe the server as a CORS policy');
    expect(renderToStaticMarkup(<PolicyPanel />)).not.toContain('Allowed methods');
    appStore.getState().editScenario((s) => setPolicyMode(s, true));
    expect(appStore.getState().scenario.server).toMatchObject({ framework: 'express-cors', backend: 'model', policy: { allowOrigins: ['{page}'], allowMethods: ['GET', 'HEAD', 'POST'], credentials: false, vary: true } });
    const html = text(renderToStaticMarkup(<PolicyPanel />));
    for (const label of ['Allowed origins', 'Allowed methods', 'Allowed headers: reflect', 'Exposed headers', 'Credentials', 'Vary: Origin', 'Max-age', 'A refused origin gets', 'Authentication runs before CORS']) expect(html).toContain(label);
  });

  it("Express cors '*' with credentials: shows the '*' the policy sends, the quirk, the fix that names the origin, and the export", () => {
    expressStarWithCredentials();
    appStore.getState().setServerBackends([{ framework: 'express-cors', version: 'express 5.3.0, cors 2.8.6', state: 'up', restarts: 0, lastFailure: null, rssMiB: 50 }]);
    const html = text(renderToStaticMarkup(<PolicyPanel />));
    expect(html).toContain('Access-Control-Allow-Origin: *');
    expect(html).toContain('Access-Control-Allow-Credentials: true');
    expect(html).toContain('Express cors sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true');
    expect(html).toContain('the real Express + cors (express 5.3.0, cors 2.8.6, on the server)');
    expect(html).toContain('Name the origin {page} instead of "*"');
    expect(html).toContain('Checked by running the real software: express 5.3.0, cors 2.8.6');
    expect(html).toContain("origin: \"*\"");
    // Every export, with whether this project runs it for real.
    for (const row of listExports()) expect(html).toContain(row.label);
    expect(html).toContain('no, from documentation');
  });

  it('says why the real software cannot be chosen when the server does not run it', () => {
    expressStarWithCredentials();
    appStore.getState().setServerBackends([]);
    expect(text(renderToStaticMarkup(<PolicyPanel />))).toContain('this server does not run express-cors (start it with --backends express-cors)');
  });

  it('an invalid origin is named under the field, and the prediction waits for it', () => {
    expressStarWithCredentials();
    appStore.getState().editScenario((s) => setPolicyFields(s, { allowOrigins: ['http://a.test"; add_header X 1'] }));
    const html = text(renderToStaticMarkup(<PolicyPanel />));
    expect(html).toContain('is not an origin: write a serialized origin');
    expect(html).toContain('Fix the scenario’s errors to see what the policy sends');
  });
});
