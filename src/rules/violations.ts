/**
 * The stack as stack rules see it, and the helpers rules share: resource labels, URN type chains,
 * component membership, tags, and finding a resource's companions (a bucket's encryption, a VPC's
 * flow log) by reference or, when the reference is unresolved, by position under the same parent.
 */
import type { PlannedResource, StackView, Violation } from './types.js';
import { isKnown, isRecord, isUnknown, show } from './values.js';

/** Indexes resources once by type and URN. */
export function createStackView(resources: readonly PlannedResource[]): StackView {
  const byType = new Map<string, PlannedResource[]>();
  const byUrn = new Map<string, PlannedResource>();
  for (const resource of resources) {
    byUrn.set(resource.urn, resource);
    const list = byType.get(resource.type);
    if (list) list.push(resource);
    else byType.set(resource.type, [resource]);
  }
  return {
    resources,
    ofType: (...types) => types.flatMap((type) => byType.get(type) ?? []),
    byUrn: (urn) => byUrn.get(urn),
  };
}

const FRIENDLY: Readonly<Record<string, string>> = {
  'aws:iam/role:Role': 'IAM role',
  'aws:lambda/function:Function': 'Lambda function',
  'aws:iam/policy:Policy': 'IAM policy',
  'aws:iam/rolePolicy:RolePolicy': 'IAM role policy',
  'aws:iam/userPolicy:UserPolicy': 'IAM user policy',
  'aws:iam/groupPolicy:GroupPolicy': 'IAM group policy',
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment': 'IAM role policy attachment',
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': 'IAM role policy attachments',
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': 'IAM user policy attachments',
  'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive': 'IAM group policy attachments',
  'aws:kms/key:Key': 'KMS key',
  'aws:s3/bucket:Bucket': 'S3 bucket',
  'aws:s3/bucketV2:BucketV2': 'S3 bucket',
  'aws:dynamodb/table:Table': 'DynamoDB table',
  'aws:sns/topic:Topic': 'SNS topic',
  'aws:sqs/queue:Queue': 'SQS queue',
  'aws:secretsmanager/secret:Secret': 'Secrets Manager secret',
  'aws:cloudwatch/logGroup:LogGroup': 'log group',
  'aws:ec2/securityGroup:SecurityGroup': 'security group',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': 'default security group',
  'aws:ec2/securityGroupRule:SecurityGroupRule': 'security group rule',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': 'security group ingress rule',
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': 'security group egress rule',
  'aws:ec2/vpc:Vpc': 'VPC',
  'aws:ec2/subnet:Subnet': 'subnet',
  'aws:ec2/routeTable:RouteTable': 'route table',
  'aws:ec2/defaultRouteTable:DefaultRouteTable': 'default route table',
  'aws:ec2/route:Route': 'route',
  'aws:ec2/internetGateway:InternetGateway': 'internet gateway',
  'aws:ec2/natGateway:NatGateway': 'NAT gateway',
  'aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway': 'egress-only gateway',
  'aws:ec2transitgateway/transitGateway:TransitGateway': 'transit gateway',
  'aws:ec2/vpcPeeringConnection:VpcPeeringConnection': 'peering connection',
  'aws:ec2/vpcEndpoint:VpcEndpoint': 'VPC endpoint',
  'aws:ec2/flowLog:FlowLog': 'flow log',
  'aws:networkfirewall/firewall:Firewall': 'firewall',
  'aws:cloudwatch/metricAlarm:MetricAlarm': 'alarm',
  'aws:cloudwatch/logMetricFilter:LogMetricFilter': 'metric filter',
  'aws:ecs/service:Service': 'ECS service',
  'aws:eks/nodeGroup:NodeGroup': 'EKS node group',
  'aws:eks/cluster:Cluster': 'EKS cluster',
  'aws:networkfirewall/firewallPolicy:FirewallPolicy': 'firewall policy',
  'aws:networkfirewall/ruleGroup:RuleGroup': 'firewall rule group',
  'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime': 'AgentCore runtime',
  'aws:bedrock/agentcoreGateway:AgentcoreGateway': 'AgentCore gateway',
  'aws:cloudtrail/trail:Trail': 'CloudTrail trail',
  'agentfence:aws:AgentEnvironment': 'agent',
  'agentfence:aws:AgentIdentity': 'agent identity',
};

/** `IAM role "name"`: how messages name a resource. */
export function label(resource: PlannedResource): string {
  return `${FRIENDLY[resource.type] ?? resource.type} ${JSON.stringify(resource.name)}`;
}

/** A violation on one resource. */
export function violation(resource: PlannedResource, message: string): Violation {
  return { message, urn: resource.urn, resourceType: resource.type };
}

/** A finding for a needed property whose value is unknown before deploy. Never a pass. */
export function unknownViolation(resource: PlannedResource, property: string): Violation {
  return {
    message: `${label(resource)}: ${property} cannot be checked before deploy (got a value unknown until deploy)`,
    urn: resource.urn,
    resourceType: resource.type,
    unknown: true,
  };
}

/** A finding for a needed property that is a secret: it is never read or printed. */
export function secretViolation(resource: PlannedResource, property: string): Violation {
  return violation(resource, `${label(resource)}: ${property} must not be a secret to be checked (got [secret])`);
}

/** The qualified type chain of a URN: parents' types first, the resource's own type last. */
export function urnTypeChain(urn: string): readonly string[] {
  const parts = urn.split('::');
  return parts.length >= 4 ? (parts[2] ?? '').split('$') : [];
}

/** Whether a resource sits under a component of the given type (by its URN's type chain). */
export function isUnder(resource: PlannedResource, componentType: string): boolean {
  return urnTypeChain(resource.urn).slice(0, -1).includes(componentType);
}

/** The nearest ancestor (by `parent` links) of the given type. */
export function ancestorOfType(stack: StackView, resource: PlannedResource, type: string): PlannedResource | undefined {
  const seen = new Set<string>();
  let current = resource.parent === undefined ? undefined : stack.byUrn(resource.parent);
  while (current !== undefined && !seen.has(current.urn)) {
    if (current.type === type) return current;
    seen.add(current.urn);
    current = current.parent === undefined ? undefined : stack.byUrn(current.parent);
  }
  return undefined;
}

/** A resource's tags (`tags` input, else `tagsAll` output), or undefined when unknown/absent. */
export function tagsOf(resource: PlannedResource): Readonly<Record<string, unknown>> | undefined {
  const tags = resource.props['tags'] ?? resource.props['tagsAll'];
  return isRecord(tags) ? tags : undefined;
}

/** Values by which other resources may refer to this one. */
function identifiers(resource: PlannedResource): ReadonlySet<string> {
  const ids = new Set<string>([resource.name, resource.urn]);
  for (const key of ['id', 'arn', 'name', 'bucket', 'vpcId']) {
    const value = resource.props[key];
    if (typeof value === 'string' && isKnown(value) && value !== '') ids.add(value);
  }
  return ids;
}

type RelationIndex = Map<PlannedResource, PlannedResource[]>;
const relationCache = new WeakMap<StackView, Map<string, RelationIndex>>();

/** Binds every resource of `types` to the targets its `refProp` refers to; built once per stack. */
function relationIndex(stack: StackView, targetType: string, types: readonly string[], refProp: string): RelationIndex {
  let perStack = relationCache.get(stack);
  if (perStack === undefined) {
    perStack = new Map();
    relationCache.set(stack, perStack);
  }
  const key = `${targetType}|${types.join(',')}|${refProp}`;
  const cached = perStack.get(key);
  if (cached !== undefined) return cached;
  const peers = stack.ofType(targetType);
  const byId = new Map<string, PlannedResource[]>();
  const byParent = new Map<string | undefined, PlannedResource[]>();
  for (const peer of peers) {
    for (const id of identifiers(peer)) byId.set(id, [...(byId.get(id) ?? []), peer]);
    byParent.set(peer.parent, [...(byParent.get(peer.parent) ?? []), peer]);
  }
  const index: RelationIndex = new Map();
  const bind = (target: PlannedResource, candidate: PlannedResource) => index.set(target, [...(index.get(target) ?? []), candidate]);
  for (const candidate of stack.ofType(...types)) {
    const ref = candidate.props[refProp];
    const named = typeof ref === 'string' && isKnown(ref) ? byId.get(ref) : undefined;
    if (named !== undefined) {
      for (const target of named) bind(target, candidate);
    } else if (isUnknown(ref) || typeof ref === 'string') {
      const siblings = byParent.get(candidate.parent) ?? [];
      const [only, ...others] = siblings;
      if (only !== undefined && others.length === 0) bind(only, candidate);
    }
  }
  perStack.set(key, index);
  return index;
}

/**
 * The resources of `types` whose `refProp` refers to `target`. A reference that names no resource
 * of the target's type in the stack (unknown before deploy, or a mock id) is bound by structure:
 * to the target when it is the only resource of its type under the same parent.
 */
export function companions(
  stack: StackView,
  target: PlannedResource,
  types: readonly string[],
  refProp: string,
): readonly PlannedResource[] {
  return relationIndex(stack, target.type, types, refProp).get(target) ?? [];
}

/** `"a", "b"` for messages. */
export function showList(values: readonly unknown[]): string {
  return values.map(show).join(', ');
}
