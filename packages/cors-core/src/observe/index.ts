// Observation: what a real browser did with a scenario, in the shape of `expect`, and how it compares.
export * from './compare';
export * from './observe';
export * from './types';
