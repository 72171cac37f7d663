// How every test and the verifier launch Chromium: Debian's build, with only the flags a headless user
// browser needs on this machine. Playwright's own default switches are NOT used (ignoreDefaultArgs):
// they disable features that change CORS behaviour (AvoidCorsURLLoaderRestartOnRedirect,
// ThirdPartyStoragePartitioning, ...), and the browser under test must behave like a user's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-pipe',
];

/**
 * A new, empty Chromium profile. A new profile of this build blocks third-party cookies, unlike a default
 * desktop Chrome; `cookie_controls_mode: 0` restores the default so credentialed lessons behave as users see.
 */
export function freshChromiumProfile(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cors-pg-chromium-'));
  mkdirSync(join(dir, 'Default'), { recursive: true });
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Launch options for `chromium.launch()`; pass a profile directory from `freshChromiumProfile()`. */
export function chromiumLaunchOptions(userDataDir: string, extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: CHROMIUM_PATH,
    ignoreDefaultArgs: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, ...extraArgs],
  };
}
