// Code that exists only to make explain() fast (issue 4's 50,000 explanations per second): nothing here
// changes an output (the golden check, bench/golden.ts, proves it byte for byte), and the spec modules
// under src/fetch stay free of it. Kept out of the public API.
//  - memo.ts: pure functions of one string that remember their recent answers;
//  - remembered.ts: the questions explain() asks again on every run (origins, the runner page's URL);
//  - resolve-shared.ts: placeholder resolution that shares every unchanged subtree;
//  - facts.ts: facts extended with Object.assign, which Node 20 runs far faster than a spread.
export * from './facts';
export * from './memo';
export * from './remembered';
export * from './resolve-shared';
