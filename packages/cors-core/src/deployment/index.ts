// The deployment's server model: what the echo server answers, and its Location rule.
export * from './echo-server';
export * from './location-rule';
