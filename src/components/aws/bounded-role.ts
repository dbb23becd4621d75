/**
 * A service role (gate executor, trail delivery, flow logs, gateway) with its own permissions
 * boundary: every role agentfence creates is capped, not only the agent's.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { physicalName } from './builders/names.js';
import { type PolicyDocument } from './builders/policy-document.js';

export interface BoundedRoleArgs {
  /** Physical role name (<= 64 chars). */
  readonly roleName: string;
  readonly description: string;
  readonly assumeRolePolicy: PolicyDocument;
  /** The most this role may ever be granted. */
  readonly boundary: PolicyDocument;
  readonly tags: Record<string, string>;
}

/** Creates `${name}-boundary` (managed policy) and `${name}` (the role, max session 1 h) under `parent`. */
export function createBoundedRole(
  parent: pulumi.Resource,
  name: string,
  args: BoundedRoleArgs,
): { role: aws.iam.Role; boundary: aws.iam.Policy } {
  const boundary = new aws.iam.Policy(
    `${name}-boundary`,
    {
      name: physicalName([args.roleName, 'boundary'], 128),
      description: `Permissions boundary of ${args.roleName}.`,
      policy: JSON.stringify(args.boundary),
      tags: args.tags,
    },
    { parent },
  );
  const role = new aws.iam.Role(
    name,
    {
      name: args.roleName,
      description: args.description,
      assumeRolePolicy: JSON.stringify(args.assumeRolePolicy),
      permissionsBoundary: boundary.arn,
      maxSessionDuration: 3600,
      tags: args.tags,
    },
    { parent },
  );
  return { role, boundary };
}
