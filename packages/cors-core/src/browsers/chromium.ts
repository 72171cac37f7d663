// Chromium 156 (Debian build, the engine the tests verify).
import type { BrowserProfile } from './profile';

// AD-HOC: Chromium safelists client hints and `Intervention` beyond the spec
// (services/network/public/cpp/cors/cors.cc, IsCorsSafelistedHeader). Value rules are Chromium's ABNFs.
function chromiumExtraSafelistedRequestHeader(lowerName: string, value: string): boolean {
  switch (lowerName) {
    case 'intervention':
      return true;
    case 'dpr':
    case 'downlink':
      return /^\d+(\.\d+)?$/.test(value) || /^\.\d+$/.test(value);
    case 'device-memory':
      return /^\d+(\.\d+)?$/.test(value);
    case 'width':
    case 'viewport-width':
    case 'rtt':
      return /^\d+$/.test(value);
    case 'ect':
      return ['slow-2g', '2g', '3g', '4g'].includes(value);
    case 'save-data':
      return value === 'on';
    default:
      return false;
  }
}

export const chromiumProfile: BrowserProfile = {
  engine: 'chromium',
  label: 'Chromium',
  extraSafelistedRequestHeader: chromiumExtraSafelistedRequestHeader,
  // AD-HOC: feature CorsNonWildcardRequestHeadersSupport is disabled by default
  // (services/network/public/cpp/features.cc; crbug.com/1176753): `Access-Control-Allow-Headers: *` still
  // covers `Authorization` and Chromium only raises the DevTools deprecation issue.
  wildcardCoversAuthorization: true,
  // AD-HOC: services/network/cors/preflight_result.cc caps max-age at 2 hours.
  // AD-HOC: services/network/cors/preflight_result.cc reports the last missing header name (observed in 156).
  reportsLastMissingHeader: true,
  maxAgeCapSeconds: 7200,
  negativeMaxAge: 'zero',
  // AD-HOC: services/network/cors/preflight_cache.cc keeps one result per (initiator origin, URL,
  // network isolation key), replaced by each new preflight, erased when it does not cover a request.
  preflightCache: 'chromium',
  // AD-HOC: cors_url_loader.cc / preflight_controller.cc skip the cache for requests with cache load
  // flags (fetch `cache: 'no-cache' | 'reload' | 'no-store'`).
  preflightCacheBypassModes: ['no-cache', 'reload', 'no-store'],
  consoleFlavour: 'chromium',
};
