// WebKit (WebKitGTK): caps max-age at 600 s (Source/WebCore/loader/CrossOriginPreflightResultCache.cpp,
// from secondary sources: verify with the differential runner).
import type { BrowserProfile } from './profile';

export const webkitProfile: BrowserProfile = {
  engine: 'webkit',
  label: 'WebKit',
  extraSafelistedRequestHeader: undefined,
  wildcardCoversAuthorization: false,
  reportsLastMissingHeader: false,
  maxAgeCapSeconds: 600,
  negativeMaxAge: 'zero',
  preflightCache: 'spec',
  preflightCacheBypassModes: ['no-store', 'reload', 'no-cache'],
  consoleFlavour: 'webkit',
};
