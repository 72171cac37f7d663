import { describe, expect, it } from 'vitest';
import { corsCheck, type CredentialsMode } from './cors-check';

const ORIGIN = 'http://web.localhost:8787';

describe('CORS check (https://fetch.spec.whatwg.org/#concept-cors-check)', () => {
  // Rule: ACAO missing → failure; `*` without credentials → success; otherwise ACAO must byte-equal the
  // serialized origin; with credentials ACAC must be exactly `true`. The error kind is Chromium's
  // classification (services/network/public/cpp/cors/cors.cc CheckAccess), checked in Chromium 156.
  it.each([
    ['omit', null, null, 'failure', 'MissingAllowOriginHeader'],
    ['omit', '*', null, 'success', null],
    ['same-origin', '*', null, 'success', null],
    ['include', '*', 'true', 'failure', 'WildcardOriginNotAllowed'],
    ['omit', ORIGIN, null, 'success', null],
    ['omit', `${ORIGIN}/`, null, 'failure', 'AllowOriginMismatch'],
    ['omit', ORIGIN.toUpperCase(), null, 'failure', 'AllowOriginMismatch'],
    ['omit', 'null', null, 'failure', 'AllowOriginMismatch'],
    ['omit', 'foo', null, 'failure', 'InvalidAllowOriginValue'],
    ['omit', '', null, 'failure', 'InvalidAllowOriginValue'],
    ['omit', `${ORIGIN}, http://other.test`, null, 'failure', 'MultipleAllowOriginValues'],
    ['omit', `  ${ORIGIN}  `, null, 'success', null],
    ['include', ORIGIN, 'true', 'success', null],
    ['include', ORIGIN, 'True', 'failure', 'InvalidAllowCredentials'],
    ['include', ORIGIN, null, 'failure', 'InvalidAllowCredentials'],
    ['include', ORIGIN, '1', 'failure', 'InvalidAllowCredentials'],
  ] as [CredentialsMode, string | null, string | null, string, string | null][])(
    'credentials %s, ACAO %j, ACAC %j → %s %s',
    (credentials, acao, acac, result, error) => {
      const headers: [string, string][] = [];
      if (acao !== null) headers.push(['Access-Control-Allow-Origin', acao]);
      if (acac !== null) headers.push(['Access-Control-Allow-Credentials', acac]);
      const check = corsCheck(ORIGIN, credentials, headers);
      expect(check.result).toBe(result);
      expect(check.result === 'failure' ? check.error : null).toBe(error);
    },
  );

  it('two ACAO lines are combined and never match (WPT fetch/api/cors/cors-multiple-origins.sub.any.js)', () => {
    const check = corsCheck(ORIGIN, 'omit', [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Origin', ORIGIN]]);
    expect(check).toMatchObject({ result: 'failure', error: 'MultipleAllowOriginValues', value: `${ORIGIN}, ${ORIGIN}` });
  });

  it('a tainted (null) origin matches ACAO `null`', () => {
    expect(corsCheck('null', 'omit', [['Access-Control-Allow-Origin', 'null']]).result).toBe('success');
  });
});
