import { type Browser } from '@playwright/test';
export declare const e2ePort: number;
export declare const e2eOrigins: {
    page: string;
    api: string;
    other: string;
};
/** Node cannot resolve *.localhost: Node-side calls to the server use this. */
export declare const e2eServerUrl: string;
export declare const test: import("@playwright/test").TestType<import("@playwright/test").PlaywrightTestArgs & import("@playwright/test").PlaywrightTestOptions & object, import("@playwright/test").PlaywrightWorkerArgs & import("@playwright/test").PlaywrightWorkerOptions & {
    browser: Browser;
}>;
export { expect } from '@playwright/test';
