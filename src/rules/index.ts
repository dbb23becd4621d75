/** Guardrail rules: pure functions over planned resources. */
export type * from './types.js';
