// The table of policies the real middleware is checked over: each quirk of shared/frameworks.md that
// these five can show, and the ordinary cases around them.
import type { CorsPolicyInput, ScenarioInput } from '@cors-playground/cors-core';

export interface PolicyCase {
  name: string;
  policy: CorsPolicyInput;
  request: ScenarioInput['request'];
  /** What the application behind the middleware answers. */
  appStatus?: number;
}

const putWithHeader: ScenarioInput['request'] = { url: '{api}/resource', method: 'PUT', headers: [['X-Token', '1']], credentials: 'include' };
const simpleGet: ScenarioInput['request'] = { url: '{api}/resource', credentials: 'include' };
const deleteJson: ScenarioInput['request'] = { url: '{api}/items/7?x=1', method: 'DELETE', headers: [['Content-Type', 'application/json'], ['X-Request-Id', 'a']], body: '{}' };

export const POLICY_CASES: PolicyCase[] = [
  { name: 'listed origin, fixed lists, credentials, max-age', policy: { allowOrigins: ['{page}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], exposeHeaders: ['X-Total'], credentials: true, maxAge: 600 }, request: putWithHeader },
  { name: 'refused origin: the preflight loses every CORS header', policy: { allowOrigins: ['{other}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'] }, request: putWithHeader },
  { name: 'refused origin on a simple GET', policy: { allowOrigins: ['{other}'], exposeHeaders: ['X-Total'] }, request: simpleGet },
  { name: '"*" with credentials', policy: { allowOrigins: '*', credentials: true }, request: simpleGet },
  { name: '"*" with credentials, preflighted', policy: { allowOrigins: '*', credentials: true, allowMethods: ['GET', 'PUT'] }, request: putWithHeader },
  { name: '"*" without credentials, reflected headers', policy: { allowOrigins: '*', allowMethods: ['GET', 'DELETE'] }, request: deleteJson },
  { name: 'reflect any origin with credentials and reflected headers', policy: { allowOrigins: 'reflect-any', credentials: true, allowMethods: ['PUT', 'DELETE'], allowHeaders: 'reflect' }, request: deleteJson },
  { name: 'origin pattern', policy: { allowOrigins: [], allowOriginPatterns: ['http://*.localhost:8787'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'] }, request: putWithHeader },
  { name: 'max-age 0', policy: { allowOrigins: ['{page}'], allowMethods: ['PUT'], allowHeaders: ['X-Token'], maxAge: 0 }, request: putWithHeader },
  { name: 'a 500 from the application, headers kept on errors', policy: { allowOrigins: ['{page}'], exposeHeaders: ['X-Total'] }, request: simpleGet, appStatus: 500 },
  { name: 'a 500 from the application, headers only on success (nginx without always)', policy: { allowOrigins: ['{page}'], headersOnErrors: false }, request: simpleGet, appStatus: 500 },
  { name: 'authentication before CORS', policy: { allowOrigins: ['{page}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], authBeforeCors: true }, request: putWithHeader },
  { name: 'preflight status 200', policy: { allowOrigins: ['{page}'], allowMethods: ['PUT'], allowHeaders: ['X-Token'], preflightStatus: 200 }, request: putWithHeader },
];
