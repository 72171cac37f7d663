// Diagnosis of pasted console messages: cors-core's own console texts read backwards.
export { diagnose, closestMatches, type ClosestMatch, type DiagnoseOptions, type DiagnosedCause, type Diagnosis, type DiagnosisMatch, type UnrecognisedLine } from './diagnose';
export { matchLine, messagePatterns, normalizeQuotes, type Captured, type MessagePattern, type PatternMatch, type RuleId } from './patterns';
export { RULES, type CauseDefinition, type RuleDefinition } from './rules';
