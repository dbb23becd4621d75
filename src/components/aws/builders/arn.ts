/**
 * ARNs without asking AWS: the account and region scope, partitions, endpoint DNS suffixes and ARN
 * construction.
 */

/** Where the agent lives: enough to build every ARN without asking AWS. */
export interface AwsScope {
  readonly account: string;
  readonly region: string;
}

/** The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The DNS suffix of service endpoints in a region's partition. */
export function dnsSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `arn:<partition>:iam::<account>:root`: the account itself, i.e. its IAM administrators. */
export function accountRootArn(scope: AwsScope): string {
  return `arn:${partitionOf(scope.region)}:iam::${scope.account}:root`;
}

/** Builds an ARN in the scope's partition. `regional: false` leaves region (and optionally account) empty. */
export function arn(scope: AwsScope, service: string, resource: string, regional = true, withAccount = true): string {
  return `arn:${partitionOf(scope.region)}:${service}:${regional ? scope.region : ''}:${withAccount ? scope.account : ''}:${resource}`;
}
