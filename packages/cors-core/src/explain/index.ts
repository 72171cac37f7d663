export { explain, type ExplainOptions } from './explain';
export type { Explanation, ExplanationConsole, ExplanationStep, ExplainedRequest, Prediction, PredictionRun } from './types';
export { sentenceFor } from './sentences';
export { verdictSentence, runVerdict } from './verdict';
export { OUTCOME_WORDING, outcomeSentence, type OutcomeWording } from './outcome-wording';
