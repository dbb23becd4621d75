/** Guardrail rules: pure functions over planned resources, the catalogue, and the runner. */
export type * from './types.js';
export { evaluateRules, isBlocked, resolveRuleConfig, resolveSettings, rules } from './evaluate.js';
export type { EvaluateOptions, Evaluation, PackConfig, RuleSetting } from './evaluate.js';
export { parsePolicyDocument } from './policy-document.js';
export type { ParsedPolicy, PolicyStatement } from './policy-document.js';
export { createStackView } from './violations.js';
export { noVerification } from './verification.js';
export { SECRET, UNKNOWN, isSecret, isUnknown, redact } from './values.js';
