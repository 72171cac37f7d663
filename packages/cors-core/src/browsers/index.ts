import type { Engine } from '../scenario/schema';
import { chromiumProfile } from './chromium';
import { firefoxProfile } from './firefox';
import type { BrowserProfile } from './profile';
import { webkitProfile } from './webkit';

export type { BrowserProfile } from './profile';
export { chromiumProfile, firefoxProfile, webkitProfile };

export const BROWSER_PROFILES: Record<Engine, BrowserProfile> = {
  chromium: chromiumProfile,
  firefox: firefoxProfile,
  webkit: webkitProfile,
};

export function browserProfile(browser: Engine = 'chromium'): BrowserProfile {
  return BROWSER_PROFILES[browser];
}
