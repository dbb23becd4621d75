/**
 * IAM policy documents as plain data: statements, the versioned document, the deny-insecure-transport
 * statement every resource policy carries, and the action lists statements are built from.
 */

/** One IAM policy statement. `Resource`/`Action` are always explicit lists here. */
export interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource?: readonly string[] | string;
  readonly Principal?: Readonly<Record<string, string | readonly string[]>> | '*';
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[] | boolean>>>>;
}

/** An IAM policy document (identity, resource, trust or key policy). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Statement[];
}

/** Wraps statements in a versioned document. */
export function toPolicyDocument(statements: readonly Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** The resource-policy statement that refuses every request not made over TLS, for anyone. */
export function denyInsecureTransport(actions: readonly string[], resources: readonly string[]): Statement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: actions,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** The IAM service prefix of an action (`s3:GetObject` -> `s3`). */
export function serviceOf(action: string): string {
  const index = action.indexOf(':');
  return (index > 0 ? action.slice(0, index) : action).toLowerCase();
}

/** Sorted, de-duplicated copy. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
