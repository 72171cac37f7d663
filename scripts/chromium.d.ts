import type { LaunchOptions } from '@playwright/test';
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
/**
 * A new, empty Chromium profile. A new profile of this build blocks third-party cookies, unlike a default
 * desktop Chrome; `cookie_controls_mode: 0` restores the default so credentialed lessons behave as users see.
 */
export declare function freshChromiumProfile(): {
    dir: string;
    dispose: () => void;
};
/** Launch options for `chromium.launch()`; pass a profile directory from `freshChromiumProfile()`. */
export declare function chromiumLaunchOptions(userDataDir: string, extraArgs?: string[]): LaunchOptions;
