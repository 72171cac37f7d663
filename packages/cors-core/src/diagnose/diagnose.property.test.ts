// diagnose() reads whatever people paste: it never throws, and every cause it offers is a valid
// scenario that fails the way the message says (or is a warning that passes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { ScenarioSchema } from '../scenario/schema';
import { diagnose } from './diagnose';
import { messagePatterns } from './patterns';

/** Pieces of real messages, mixed with arbitrary text, so the patterns actually fire. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(...messagePatterns().map((pattern) => pattern.template)),
  fc.constantFrom('<url>', 'http://a.test/x', "'", '‘', '’', 'Status code: 401', '\n', 'net::ERR_FAILED', '(redirected from '),
);

describe('diagnose() properties', () => {
  it('never throws, and every cause carries a valid scenario', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), fc.constantFrom(undefined, 'chromium', 'firefox', 'webkit' as const), (parts, browser) => {
        const diagnosis = diagnose(parts.join(''), browser ? { browser } : {});
        for (const match of diagnosis.matches) {
          for (const cause of match.causes) expect(ScenarioSchema.safeParse(cause.scenario).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a method glued to the next line is not taken as the request method (found by the property above)', () => {
    const glued = "Method <value> is not allowed by Access-Control-Allow-Methods.Access to <api> at '<url>' from origin '<origin>' has been blocked by CORS policy: Method <value> is not allowed by Access-Control-Allow-Methods in preflight response.";
    const diagnosis = diagnose(glued);
    for (const match of diagnosis.matches) {
      for (const cause of match.causes) expect(ScenarioSchema.safeParse(cause.scenario).success).toBe(true);
    }
  });

  it('the first cause of a CORS error fails when explained', () => {
    fc.assert(
      fc.property(fc.constantFrom(...messagePatterns().filter((p) => !p.companion && !p.rules.includes('AuthorizationCoveredByWildcard') && !p.rules.includes('InvalidResponse'))), fc.string({ maxLength: 12 }), (pattern, noise) => {
        const text = pattern.template.replace(/<url>/g, 'https://api.example.com/x').replace(/<origin>/g, 'https://app.example.com').replace(/<value>/g, 'x-a').replace(/<status>/g, '401').replace(/<api>/g, 'fetch');
        const match = diagnose(`${noise.replace(/\n/g, ' ')} ${text}`).matches[0];
        const cause = match?.causes[0];
        if (!cause) return;
        expect(explain(cause.scenario).prediction.outcome).not.toBe('ok');
      }),
      { numRuns: 200 },
    );
  });
});
