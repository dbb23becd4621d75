/**
 * Wildcards inside resource ARNs, judged the way AWS's least-privilege guidance does: a trailing
 * `*` under one named bucket (an object-key prefix) or over one DynamoDB table's indexes is bounded;
 * any other wildcard (bucket, account, region, role, function name, `*` alone) is wide.
 */

/** How wide one resource of a policy or a tool is. */
export type ArnScope =
  | { readonly kind: 'explicit' }
  | { readonly kind: 'any' }
  | { readonly kind: 'bounded'; readonly what: string }
  | { readonly kind: 'wide' };

const S3_PREFIX = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/((?:[^*?]+\/)?)\*$/;
const DYNAMODB_INDEXES = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]+)\/index\/\*$/;

/** Classifies a resource ARN (or `*`) by the reach of its wildcards. */
export function arnScope(arn: string): ArnScope {
  if (arn === '*') return { kind: 'any' };
  if (!/[*?]/.test(arn)) return { kind: 'explicit' };
  const s3 = S3_PREFIX.exec(arn);
  if (s3 !== null)
    return { kind: 'bounded', what: s3[2] === '' ? `every object of bucket ${s3[1]}` : `objects under prefix ${s3[2]} of bucket ${s3[1]}` };
  const table = DYNAMODB_INDEXES.exec(arn);
  if (table !== null) return { kind: 'bounded', what: `the indexes of table ${table[1]}` };
  return { kind: 'wide' };
}

/** The bucket an S3 ARN names (`arn:aws:s3:::bucket` or `.../key`), if it is one. */
export function s3BucketOf(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:s3:::([^/]+)(?:\/.*)?$/.exec(arn);
  return match?.[1];
}

/**
 * How wide a resource ARN of a generated or hand-written policy is. Besides `arnScope`'s bounded
 * forms, a trailing wildcard after a literal name (at least three characters past the resource-type
 * keyword: `table/agentfence-payments-*`, `log-group:/agentfence/x:log-stream:*`) is bounded too.
 * A wildcard in the partition, service, region or account field, or right after the resource-type
 * keyword (`role/*`, `key/*`, `arn:aws:s3:::*`), is wide.
 */
export function policyArnScope(arn: string): ArnScope {
  const strict = arnScope(arn);
  if (strict.kind !== 'wide') return strict;
  const fields = arn.split(':');
  if (fields.length < 6 || fields.slice(0, 5).some((field) => /[*?]/.test(field))) return strict;
  const service = fields[2];
  const resource = fields.slice(5).join(':');
  const prefix = resource.slice(0, resource.search(/[*?]/));
  const tokens = prefix.split(/[/:]/);
  // Outside S3 the first token names the resource type, not a resource.
  const named = (service === 's3' || tokens.length === 1 ? tokens : tokens.slice(1)).join('');
  return named.length >= 3 ? { kind: 'bounded', what: `resources named ${JSON.stringify(prefix)}...` } : strict;
}
