/**
 * Every IAM principal of a plan with all the policies attached to it: inline policies, role/user/
 * group policies, managed policy ARNs, attachments and exclusive attachment sets, and the
 * permissions boundary. Customer policies are found in the plan by ARN or by name; AWS managed
 * policies by content (managed.ts). Anything that cannot be resolved is reported, never ignored.
 */
import { parsePolicyDocument, type PolicyStatement } from '../policy-document.js';
import { label, unknownViolation, violation } from '../violations.js';
import type { PlannedResource, StackView, Violation } from '../types.js';
import { isRecord, isUnknown, show } from '../values.js';
import { awsManagedPolicyName, awsManagedPolicyStatements } from './managed.js';

/** A policy's own name when it has a known one, else its Pulumi resource name. */
function nameOf(policy: PlannedResource): string {
  const name = policy.props['name'];
  return typeof name === 'string' ? name : policy.name;
}

/** One policy document attached to a principal, named for messages. */
export interface PolicySource {
  /** e.g. `inline policy agentfence-kill-switch`, `managed policy agentfence-payments-least-privilege`. */
  readonly label: string;
  readonly statements: readonly PolicyStatement[];
}

export interface Principal {
  readonly resource: PlannedResource;
  readonly kind: 'role' | 'user' | 'group';
  /** The IAM name (`name` input), or the resource name when the input is not known. */
  readonly name: string;
  readonly identity: readonly PolicySource[];
  readonly boundary?: PolicySource;
  /** Policies that could not be resolved (unknown, outside the plan, malformed). */
  readonly problems: readonly Violation[];
}

const KINDS = { 'aws:iam/role:Role': 'role', 'aws:iam/user:User': 'user', 'aws:iam/group:Group': 'group' } as const;

/** Where each kind's policies and attachments name their principal. */
const INLINE: Record<Principal['kind'], { type: string; key: string }> = {
  role: { type: 'aws:iam/rolePolicy:RolePolicy', key: 'role' },
  user: { type: 'aws:iam/userPolicy:UserPolicy', key: 'user' },
  group: { type: 'aws:iam/groupPolicy:GroupPolicy', key: 'group' },
};
const ATTACH: Record<Principal['kind'], { type: string; key: string }> = {
  role: { type: 'aws:iam/rolePolicyAttachment:RolePolicyAttachment', key: 'role' },
  user: { type: 'aws:iam/userPolicyAttachment:UserPolicyAttachment', key: 'user' },
  group: { type: 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment', key: 'group' },
};
const EXCLUSIVE: Record<Principal['kind'], { type: string; key: string }> = {
  role: { type: 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive', key: 'roleName' },
  user: { type: 'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive', key: 'userName' },
  group: { type: 'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive', key: 'groupName' },
};
const LIST_KEY: Record<Principal['kind'], string> = { role: 'roles', user: 'users', group: 'groups' };

const cache = new WeakMap<StackView, readonly Principal[]>();

/** Every role, user and group of the stack with its policies; computed once per stack view. */
export function principalsOf(stack: StackView): readonly Principal[] {
  const cached = cache.get(stack);
  if (cached !== undefined) return cached;
  const policiesByName = new Map<string, PlannedResource>();
  const policiesByArn = new Map<string, PlannedResource>();
  for (const policy of stack.ofType('aws:iam/policy:Policy')) {
    const name = policy.props['name'];
    const arn = policy.props['arn'];
    if (typeof name === 'string') policiesByName.set(name, policy);
    if (typeof arn === 'string') policiesByArn.set(arn, policy);
  }
  const resolve = (arn: unknown, owner: PlannedResource, where: string): { source?: PolicySource; problem?: Violation } => {
    if (isUnknown(arn)) return { problem: unknownViolation(owner, where) };
    if (typeof arn !== 'string') return { problem: violation(owner, `${label(owner)} ${where} must be a policy ARN (got ${show(arn)})`) };
    const managed = awsManagedPolicyName(arn);
    if (managed !== undefined) {
      const statements = awsManagedPolicyStatements(arn);
      if (statements === undefined)
        return {
          problem: violation(
            owner,
            `${label(owner)} ${where} must be an AWS managed policy whose content is known, to be judged (got ${show(arn)})`,
          ),
        };
      return { source: { label: `AWS managed policy ${managed}`, statements } };
    }
    const found = policiesByArn.get(arn) ?? policiesByName.get(arn.split('/').pop() ?? '');
    if (found === undefined)
      return {
        problem: violation(
          owner,
          `${label(owner)} ${where} must name a policy defined in this stack or an AWS managed policy, to be judged (got ${show(arn)})`,
        ),
      };
    const parsed = parsePolicyDocument(found.props['policy']);
    if (parsed.kind === 'unknown') return { problem: unknownViolation(found, 'policy') };
    if (parsed.kind !== 'document')
      return { problem: violation(found, `${label(found)} policy must be a readable policy document (got ${parsed.kind})`) };
    return { source: { label: `managed policy ${nameOf(found)}`, statements: parsed.statements } };
  };

  const out: Principal[] = [];
  // Each list once per kind: ofType copies, and a large plan has hundreds of principals.
  const policyAttachments = stack.ofType('aws:iam/policyAttachment:PolicyAttachment');
  for (const [type, kind] of Object.entries(KINDS) as [keyof typeof KINDS, Principal['kind']][]) {
    const inlineOf = byKey(stack.ofType(INLINE[kind].type), INLINE[kind].key);
    const attachOf = byKey(stack.ofType(ATTACH[kind].type), ATTACH[kind].key);
    const exclusiveOf = byKey(stack.ofType(EXCLUSIVE[kind].type), EXCLUSIVE[kind].key);
    for (const resource of stack.ofType(type)) {
      const rawName = resource.props['name'];
      const name = typeof rawName === 'string' ? rawName : resource.name;
      const arn = resource.props['arn'];
      // A policy names its principal by name (or ARN); an unknown name falls back to the same parent component.
      const mine = (value: unknown, other: PlannedResource): boolean =>
        value === name ||
        (typeof arn === 'string' && value === arn) ||
        (isUnknown(value) && other.parent !== undefined && other.parent === resource.parent);
      const identity: PolicySource[] = [];
      const problems: Violation[] = [];
      const inline = resource.props['inlinePolicies'];
      if (isUnknown(inline)) problems.push(unknownViolation(resource, 'inlinePolicies'));
      else if (Array.isArray(inline)) {
        inline.forEach((entry, i) => {
          const parsed = parsePolicyDocument(isRecord(entry) ? entry['policy'] : entry);
          if (parsed.kind === 'document')
            identity.push({
              label: `inline policy ${isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : i}`,
              statements: parsed.statements,
            });
          else if (parsed.kind === 'unknown') problems.push(unknownViolation(resource, `inlinePolicies[${i}]`));
        });
      }
      for (const policy of candidates(inlineOf, name, resource.props['arn'])) {
        if (!mine(policy.props[INLINE[kind].key], policy)) continue;
        const parsed = parsePolicyDocument(policy.props['policy']);
        if (parsed.kind === 'document') identity.push({ label: `inline policy ${nameOf(policy)}`, statements: parsed.statements });
        else if (parsed.kind === 'unknown') problems.push(unknownViolation(policy, 'policy'));
      }
      const attached: [unknown, PlannedResource, string][] = [];
      const managedArns = resource.props['managedPolicyArns'];
      if (Array.isArray(managedArns)) managedArns.forEach((value, i) => attached.push([value, resource, `managedPolicyArns[${i}]`]));
      else if (isUnknown(managedArns)) problems.push(unknownViolation(resource, 'managedPolicyArns'));
      for (const attachment of candidates(attachOf, name, resource.props['arn'])) {
        if (mine(attachment.props[ATTACH[kind].key], attachment)) attached.push([attachment.props['policyArn'], attachment, 'policyArn']);
      }
      for (const attachment of candidates(exclusiveOf, name, resource.props['arn'])) {
        if (!mine(attachment.props[EXCLUSIVE[kind].key], attachment)) continue;
        const arns = attachment.props['policyArns'];
        if (Array.isArray(arns)) arns.forEach((value, i) => attached.push([value, attachment, `policyArns[${i}]`]));
        else if (isUnknown(arns)) problems.push(unknownViolation(attachment, 'policyArns'));
      }
      for (const attachment of policyAttachments) {
        const list = attachment.props[LIST_KEY[kind]];
        if (Array.isArray(list) && list.some((value) => mine(value, attachment)))
          attached.push([attachment.props['policyArn'], attachment, 'policyArn']);
      }
      for (const [value, owner, where] of attached) {
        const { source, problem } = resolve(value, owner, where);
        if (source !== undefined) identity.push(source);
        if (problem !== undefined) problems.push(problem);
      }
      let boundary: PolicySource | undefined;
      const boundaryArn = resource.props['permissionsBoundary'];
      if (boundaryArn !== undefined && boundaryArn !== '') {
        const { source, problem } = resolve(boundaryArn, resource, 'permissionsBoundary');
        if (source !== undefined)
          boundary = {
            label: `permissions boundary ${source.label.replace(/^(AWS )?managed policy /, '')}`,
            statements: source.statements,
          };
        // An organisation's boundary outside the stack is the documented pattern: it is read as
        // restricting nothing (the safe side for "can it never ..."), and not reported.
        else if (problem !== undefined && isUnknown(boundaryArn)) problems.push(problem);
      }
      out.push({ resource, kind, name, identity, ...(boundary === undefined ? {} : { boundary }), problems });
    }
  }
  cache.set(stack, out);
  return out;
}

/** Resources grouped by the principal name (string) they name under `key`; unknown names under ''. */
function byKey(resources: readonly PlannedResource[], key: string): Map<string, PlannedResource[]> {
  const map = new Map<string, PlannedResource[]>();
  for (const resource of resources) {
    const value = resource.props[key];
    const at = typeof value === 'string' ? value : '';
    const list = map.get(at);
    if (list === undefined) map.set(at, [resource]);
    else list.push(resource);
  }
  return map;
}

/** The resources that may name this principal: by name, by ARN, or with a name not known yet. */
function candidates(map: ReadonlyMap<string, PlannedResource[]>, name: string, arn: unknown): PlannedResource[] {
  return [...(map.get(name) ?? []), ...(typeof arn === 'string' && arn !== name ? (map.get(arn) ?? []) : []), ...(map.get('') ?? [])];
}

/** All identity statements of a principal, in order. */
export function identityStatements(principal: Principal): PolicyStatement[] {
  return principal.identity.flatMap((source) => source.statements);
}
