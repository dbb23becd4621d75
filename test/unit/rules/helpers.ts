/** Test helpers: planned resources by hand and a one-rule runner over the real evaluator. */
import { evaluateRules, type PackConfig } from '../../../src/rules/evaluate.js';
import type { Finding, PlannedResource, Rule, VerificationLookup } from '../../../src/rules/types.js';

export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** A resource of `type` named `name` at the stack root (or under `parentUrn`). */
export function res(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: { parent?: PlannedResource; protect?: boolean; retainOnDelete?: boolean } = {},
): PlannedResource {
  const chain = extra.parent === undefined ? type : `${extra.parent.urn.split('::')[2]}$${type}`;
  return {
    urn: `urn:pulumi:dev::agentfence::${chain}::${name}`,
    type,
    name,
    props,
    ...(extra.parent === undefined ? {} : { parent: extra.parent.urn }),
    ...(extra.protect === undefined ? {} : { protect: extra.protect }),
    ...(extra.retainOnDelete === undefined ? {} : { retainOnDelete: extra.retainOnDelete }),
  };
}

/** A component resource (no props) of an agentfence type. */
export function component(type: string, name: string, parent?: PlannedResource): PlannedResource {
  return res(type, name, {}, parent === undefined ? {} : { parent });
}

/** Runs one rule (with optional config and verdict lookup) and returns its findings. */
export function run(
  rule: Rule,
  resources: readonly PlannedResource[],
  config?: Record<string, unknown>,
  verification?: VerificationLookup,
): Finding[] {
  const pack: PackConfig = config === undefined ? {} : { [rule.id]: config };
  return [...evaluateRules(resources, { rules: [rule], config: pack, ...(verification === undefined ? {} : { verification }) }).findings];
}

/** The messages of one rule's findings. */
export function messages(
  rule: Rule,
  resources: readonly PlannedResource[],
  config?: Record<string, unknown>,
  verification?: VerificationLookup,
): string[] {
  return run(rule, resources, config, verification).map((f) => f.message);
}

export const policy = (statements: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
