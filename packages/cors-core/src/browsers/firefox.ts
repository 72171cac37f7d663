// Firefox ESR: follows the spec's `Authorization` rule; caps max-age at 24 hours
// (netwerk/protocol/http/nsCORSListenerProxy.cpp, from secondary sources: verify with the differential runner).
import type { BrowserProfile } from './profile';

export const firefoxProfile: BrowserProfile = {
  engine: 'firefox',
  label: 'Firefox',
  extraSafelistedRequestHeader: undefined,
  wildcardCoversAuthorization: false,
  reportsLastMissingHeader: false,
  maxAgeCapSeconds: 86400,
  negativeMaxAge: 'zero',
  preflightCache: 'spec',
  preflightCacheBypassModes: ['no-store', 'reload', 'no-cache'],
  consoleFlavour: 'firefox',
};
