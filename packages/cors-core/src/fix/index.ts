// Fix suggestions and the safety lens.
export { suggestFixes, type FixChange, type FixOptions, type FixSuggestion } from './suggest';
export { safetyReview, type SafetyRisk } from './safety';
