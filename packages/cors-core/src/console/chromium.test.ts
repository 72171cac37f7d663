import { describe, expect, it } from 'vitest';
import type { FailureKind } from '../fetch/decision';
import { chromiumConsoleMessage } from './chromium';
import { firefoxConsoleMessage } from './firefox';

const URL = 'http://127.0.0.1:34885/c/x';
const ORIGIN = 'http://127.0.0.1:41097';
const failure = (kind: FailureKind, value = '', extra: Partial<{ initialUrl: string; status: number }> = {}) => ({
  kind, value, hop: 0, lastUrl: URL, initialUrl: extra.initialUrl ?? URL, duringPreflight: false, status: extra.status ?? 200,
});

// Each row is a text captured from Chromium 156 (Debian build) with a throwaway page on 127.0.0.1,
// `page.on('console')`, for the same failure.
describe('Chromium 156 console texts', () => {
  const prefix = (api: 'fetch' | 'XMLHttpRequest') => `Access to ${api} at '${URL}' from origin '${ORIGIN}' has been blocked by CORS policy: `;
  it.each([
    ['fetch', 'MissingAllowOriginHeader', '', "No 'Access-Control-Allow-Origin' header is present on the requested resource."],
    ['xhr', 'MissingAllowOriginHeader', '', "No 'Access-Control-Allow-Origin' header is present on the requested resource."],
    ['fetch', 'AllowOriginMismatch', 'http://example.test', "The 'Access-Control-Allow-Origin' header has a value 'http://example.test' that is not equal to the supplied origin. Have the server send the header with a valid value."],
    ['xhr', 'AllowOriginMismatch', 'http://example.test', "The 'Access-Control-Allow-Origin' header has a value 'http://example.test' that is not equal to the supplied origin."],
    ['fetch', 'MultipleAllowOriginValues', 'http://a.test, http://b.test', "The 'Access-Control-Allow-Origin' header contains multiple values 'http://a.test, http://b.test', but only one is allowed. Have the server send the header with a valid value."],
    ['fetch', 'InvalidAllowOriginValue', '', "The 'Access-Control-Allow-Origin' header contains the invalid value ''. Have the server send the header with a valid value."],
    ['fetch', 'WildcardOriginNotAllowed', '', "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."],
    ['xhr', 'WildcardOriginNotAllowed', '', "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."],
    ['fetch', 'InvalidAllowCredentials', '', "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."],
    ['fetch', 'PreflightMissingAllowOriginHeader', '', "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource."],
    ['fetch', 'PreflightInvalidStatus', '', "Response to preflight request doesn't pass access control check: It does not have HTTP ok status."],
    ['fetch', 'PreflightDisallowedRedirect', '', "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."],
    ['xhr', 'PreflightAllowOriginMismatch', 'http://example.test', "Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header has a value 'http://example.test' that is not equal to the supplied origin."],
    ['fetch', 'MethodDisallowedByPreflightResponse', 'PUT', 'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.'],
    ['fetch', 'HeaderDisallowedByPreflightResponse', 'x-foo', 'Request header field x-foo is not allowed by Access-Control-Allow-Headers in preflight response.'],
    ['fetch', 'InvalidAllowMethodsPreflightResponse', 'bad method', 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.'],
    ['fetch', 'RedirectContainsCredentials', '', "Redirect location '' contains a username and password, which is disallowed for cross-origin requests."],
  ] as ['fetch' | 'xhr', FailureKind, string, string][])('%s %s', (api, kind, value, reason) => {
    expect(chromiumConsoleMessage(failure(kind, value), { api, documentOrigin: ORIGIN })).toBe(prefix(api === 'xhr' ? 'XMLHttpRequest' : 'fetch') + reason);
  });

  it('same-origin mode: the FetchManager text', () => {
    expect(chromiumConsoleMessage(failure('DisallowedByMode'), { api: 'fetch', documentOrigin: ORIGIN })).toBe(
      `Fetch API cannot load ${URL}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${ORIGIN}.`,
    );
  });

  it('a redirect-mode error prints no CORS message', () => {
    expect(chromiumConsoleMessage(failure('RedirectModeError'), { api: 'fetch', documentOrigin: ORIGIN })).toBeNull();
  });
});

describe('Firefox reasons (security.properties) and MDN pages', () => {
  it.each([
    ['MissingAllowOriginHeader', '', `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${URL}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`, 'CORSMissingAllowOrigin'],
    ['PreflightInvalidStatus', '', `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${URL}. (Reason: CORS preflight response did not succeed). Status code: 200.`, 'CORSPreflightDidNotSucceed'],
    ['HeaderDisallowedByPreflightResponse', 'x-foo', `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${URL}. (Reason: header ‘x-foo’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`, 'CORSMissingAllowHeaderFromPreflight'],
  ] as [FailureKind, string, string, string][])('%s', (kind, value, text, page) => {
    const message = firefoxConsoleMessage(failure(kind, value));
    expect(message?.text).toBe(text);
    expect(message?.mdn).toBe(`https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${page}`);
  });
});
