// The safety lens: a scenario that passes can still be dangerous. Each risk is found by cors-core
// itself where it can be (the same request explained from another site's page), or read from the
// server's answers.
import { explain } from '../explain/explain';
import { DEFAULT_ORIGINS, type Origins } from '../scenario/placeholders';
import type { Answer, Engine, Scenario } from '../scenario/schema';

export interface SafetyRisk {
  id: 'reflects-any-origin-with-credentials' | 'trusts-null-origin' | 'wildcard-on-private-network' | 'reflected-without-vary' | 'exposes-secret-headers' | 'any-site-reads-with-credentials';
  severity: 'high' | 'medium' | 'low';
  /** Where: a route key and answer. */
  where: string;
  text: string;
  /** What to change instead. */
  fix: string;
}

const header = (answer: Answer, name: string) => answer.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
const passes = (scenario: Scenario, browser: Engine, origins: Origins) => explain(scenario, { browser, origins }).prediction.runs.every((run) => run.outcome === 'ok');

/** Private, loopback and link-local hosts written literally in a URL (placeholders are the playground's own). */
function isPrivateHost(url: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|\[::1\]|\[f[cd])/.test(host) || /\.(internal|intranet|corp|lan|local|localhost)$/.test(host);
}

export function safetyReview(scenario: Scenario, options: { browser?: Engine; origins?: Origins } = {}): SafetyRisk[] {
  const browser = options.browser ?? 'chromium';
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const risks: SafetyRisk[] = [];
  const credentials = scenario.request.credentials === 'include';
  for (const [key, route] of Object.entries(scenario.server.routes)) {
    for (const kind of ['preflight', 'actual'] as const) {
      const answer = route[kind];
      if (!answer) continue;
      const where = `${key} (${kind})`;
      const acao = header(answer, 'Access-Control-Allow-Origin');
      const reflected = acao.some((value) => value.includes('{request.origin}'));
      if (reflected && header(answer, 'Access-Control-Allow-Credentials').includes('true')) {
        risks.push({ id: 'reflects-any-origin-with-credentials', severity: 'high', where, text: 'Access-Control-Allow-Origin reflects whatever Origin arrives, with `Access-Control-Allow-Credentials: true`: any site the user visits can read these answers with the user\'s cookies.', fix: 'Compare the Origin with a list of trusted origins (exact strings, no suffix or prefix matching) and reflect it only when listed.' });
      }
      if (reflected && kind === 'actual' && !header(answer, 'Vary').some((value) => /\borigin\b|\*/i.test(value))) {
        risks.push({ id: 'reflected-without-vary', severity: 'medium', where, text: 'The answer depends on the Origin but has no `Vary: Origin`: a shared cache or CDN can serve one site\'s answer (and its Access-Control-Allow-Origin) to another.', fix: 'Add `Vary: Origin` to every answer whose CORS headers depend on the request.' });
      }
      if (acao.includes('null')) {
        risks.push({ id: 'trusts-null-origin', severity: 'high', where, text: 'Access-Control-Allow-Origin is `null`: sandboxed iframes, `data:` and `file:` pages of any site send Origin `null`, so trusting it trusts everyone.', fix: 'Never allow `null`; serve the page from a real origin and allow that.' });
      }
      if (acao.includes('*') && isPrivateHost(scenario.request.url)) {
        risks.push({ id: 'wildcard-on-private-network', severity: 'medium', where, text: 'A private-network API answers `Access-Control-Allow-Origin: *`: any public web page the user opens can read it from inside the network.', fix: 'Allow only the intranet\'s own origins.' });
      }
      const exposed = header(answer, 'Access-Control-Expose-Headers').flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase());
      const secrets = exposed.filter((name) => ['set-cookie', 'authorization', 'x-api-key', 'x-auth-token', 'x-csrf-token', '*'].includes(name));
      if (secrets.length > 0) {
        risks.push({ id: 'exposes-secret-headers', severity: secrets.includes('set-cookie') && secrets.length === 1 ? 'low' : 'medium', where, text: `Access-Control-Expose-Headers lists ${secrets.map((name) => `\`${name}\``).join(', ')}: ${secrets.includes('set-cookie') ? 'Set-Cookie is never readable by script (a forbidden response header), so listing it is a sign of confusion; ' : ''}tokens exposed to cross-origin script can be read by any allowed origin.`, fix: 'Expose only the headers the page needs to read.' });
      }
    }
  }
  // Checked by cors-core: the same credentialed request, sent from another site's page, still passes.
  if (credentials && scenario.page !== '{other}' && passes(scenario, browser, origins)) {
    const attacker: Scenario = { ...scenario, page: '{other}' };
    if (passes(attacker, browser, origins) && !risks.some((risk) => risk.id === 'reflects-any-origin-with-credentials')) {
      risks.push({ id: 'any-site-reads-with-credentials', severity: 'high', where: 'the whole scenario', text: 'The same credentialed request from a page on another origin ({other}) is allowed too: the server lets more than this page read answers with the user\'s cookies.', fix: 'Allow only the origins you trust, exactly.' });
    }
  }
  return risks;
}
