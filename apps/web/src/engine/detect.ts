// Which engine runs this page, so the prediction uses its rules and the agreement badge can name it.
import type { Engine } from '@cors-playground/cors-core';

export interface DetectedBrowser {
  engine: Engine;
  /** e.g. "Chromium", "Chrome", "Edge", "Firefox", "Safari", "WebKit" */
  name: string;
  /** e.g. "156.0.7000.1"; empty when the user agent does not say */
  version: string;
}

/** Reads the engine from a user-agent string. Unknown agents are treated as Chromium, the most common. */
export function detectBrowser(userAgent: string): DetectedBrowser {
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent);
  if (firefox) return { engine: 'firefox', name: 'Firefox', version: firefox[1] ?? '' };
  const edge = /Edg\/([\d.]+)/.exec(userAgent);
  if (edge) return { engine: 'chromium', name: 'Edge', version: edge[1] ?? '' };
  const chrome = /(HeadlessChrome|Chromium|Chrome)\/([\d.]+)/.exec(userAgent);
  // Chromium's reduced user agent only tells the major version ("156.0.0.0"): show just that, not zeros.
  if (chrome) return { engine: 'chromium', name: chrome[1] === 'Chrome' ? 'Chrome' : 'Chromium', version: (chrome[2] ?? '').replace(/\.0\.0\.0$/, '') };
  const safari = /Version\/([\d.]+).*Safari/.exec(userAgent);
  if (safari) return { engine: 'webkit', name: 'Safari', version: safari[1] ?? '' };
  const webkit = /AppleWebKit\/([\d.]+)/.exec(userAgent);
  if (webkit) return { engine: 'webkit', name: 'WebKit', version: webkit[1] ?? '' };
  return { engine: 'chromium', name: 'Unknown browser', version: '' };
}

export const ENGINE_LABELS: Record<Engine, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
