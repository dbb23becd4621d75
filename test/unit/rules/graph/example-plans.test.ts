/**
 * The graph rules over the example plans (payments, support-triage), each seeded with one
 * misconfiguration a security engineer would try, or varied in a way that must stay compliant.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planAgent } from '../../../../src/plan/offline.js';
import { readPlanDocument } from '../../../../src/plan/read.js';
import { evaluateRules, type PackConfig } from '../../../../src/rules/evaluate.js';
import type { EnforcementLevel, PlannedResource } from '../../../../src/rules/types.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const plans: Record<string, readonly PlannedResource[]> = {};
type Plan = readonly PlannedResource[];
type Edit = (plan: Plan) => Plan;

beforeAll(async () => {
  for (const agent of ['payments', 'support-triage']) plans[agent] = readPlanDocument(await planAgent(agent, root), agent).resources;
}, 120_000);

const OFF: PackConfig = { 'supply-chain-verified': 'disabled', 'network-firewall-allowlist-verified': 'disabled' };
const TLS_NOTE = 'network-firewall-tls-inspection';
const ACCOUNT = '111122223333';
const OTHER = '999988887777';

const find = (plan: Plan, name: string): PlannedResource => {
  const found = plan.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no resource ${name} in the plan`);
  return found;
};
const urn = (plan: Plan, name: string, type?: string) =>
  (type === undefined ? find(plan, name) : (plan.find((r) => r.name === name && r.type === type) ?? find(plan, name))).urn;
const SUBNET = 'aws:ec2/subnet:Subnet';
/** Replaces one resource's props (and dependencies) by `change`. */
const set =
  (name: string, change: (r: PlannedResource, plan: Plan) => Partial<PlannedResource>): Edit =>
  (plan) =>
    plan.map((r) => (r.name === name ? { ...r, ...change(r, plan) } : r));
const props = (name: string, patch: Record<string, unknown>) => set(name, (r) => ({ props: { ...r.props, ...patch } }));
const remove =
  (...names: string[]): Edit =>
  (plan) =>
    plan.filter((r) => !names.includes(r.name));
const add =
  (...make: ((plan: Plan) => PlannedResource)[]): Edit =>
  (plan) => [...plan, ...make.map((m) => m(plan))];
const all =
  (...edits: Edit[]): Edit =>
  (plan) =>
    edits.reduce((p, e) => e(p), plan);
const resource = (
  type: string,
  name: string,
  p: Record<string, unknown>,
  dependencies: Record<string, string[]> = {},
): PlannedResource => ({
  urn: `urn:pulumi:payments::agentfence::${type}::${name}`,
  type,
  name,
  props: p,
  dependencies,
});
/** Points a resource property at other resources of the plan (as propertyDependencies would). */
const dependOn = (name: string, property: string, ...targets: string[]): Edit =>
  set(name, (r, plan) => ({ dependencies: { ...(r.dependencies ?? {}), [property]: targets.map((t) => urn(plan, t)) } }));

const P = 'payments-network';
const RT_A = `${P}-agent-rt-eu-west-1a`;
const SG = `${P}-agent-sg`;
const agentRoutes = (routes: unknown[], ...targets: string[]) => all(props(RT_A, { routes }), dependOn(RT_A, 'routes', ...targets));

/** The S3 endpoint's policy moved out into an attached VpcEndpointPolicy resource holding `policy`. */
const detachedPolicy = (policy: unknown): Edit =>
  all(
    add((plan) => {
      const endpoint = find(plan, `${P}-endpoint-s3`);
      return resource(
        'aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy',
        'detached-s3-policy',
        { vpcEndpointId: UNKNOWN_ID, policy },
        {
          vpcEndpointId: [endpoint.urn],
        },
      );
    }),
    set(`${P}-endpoint-s3`, (r) => ({ props: Object.fromEntries(Object.entries(r.props).filter(([k]) => k !== 'policy')) })),
  );
const UNKNOWN_ID = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

function findings(agent: string, edit: Edit, config: PackConfig = {}) {
  return evaluateRules(edit(plans[agent]!), { config: { ...OFF, ...config } }).findings;
}

/** A second VPC with one subnet, an internet gateway and an EKS node group in the subnet; no route table yet. */
const secondVpc = [
  () => resource('aws:ec2/vpc:Vpc', 'second', { id: 'vpc-2', cidrBlock: '10.99.0.0/16' }),
  () => resource('aws:ec2/subnet:Subnet', 'second-a', { id: 'subnet-2a', vpcId: 'vpc-2', cidrBlock: '10.99.0.0/24' }),
  () => resource('aws:ec2/internetGateway:InternetGateway', 'second-igw', { id: 'igw-2', vpcId: 'vpc-2' }),
  () =>
    resource('aws:ec2/routeTable:RouteTable', 'second-rt', {
      id: 'rtb-2',
      vpcId: 'vpc-2',
      routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: 'igw-2' }],
    }),
  () => resource('aws:eks/nodeGroup:NodeGroup', 'workers', { subnetIds: ['subnet-2a'], clusterName: 'c' }),
];

describe('the graph rules over the example plans', () => {
  describe('when a misconfiguration is seeded', () => {
    it.each<[string, string, Edit, string, EnforcementLevel, string, PackConfig?]>([
      // routes of the agent subnets
      [
        'an agent subnet routed to the internet gateway',
        'payments',
        agentRoutes([{ cidrBlock: '0.0.0.0/0', gatewayId: 'igw-0a1' }], `${P}-igw`),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        `subnet "${P}-agent-eu-west-1a" (route table "${RT_A}") routes 0.0.0.0/0 to internet gateway "${P}-igw" (igw-0a1), bypassing firewall "${P}-firewall"`,
      ],
      [
        'the internet in two halves to a NAT gateway',
        'payments',
        agentRoutes(
          [
            { cidrBlock: '0.0.0.0/1', natGatewayId: 'nat-1' },
            { cidrBlock: '128.0.0.0/1', natGatewayId: 'nat-1' },
          ],
          `${P}-nat-eu-west-1a`,
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'routes 128.0.0.0/1 to NAT gateway',
      ],
      [
        'IPv6 to an egress-only gateway',
        'payments',
        all(
          add(() => resource('aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway', 'eigw', {})),
          agentRoutes(
            [
              { cidrBlock: '0.0.0.0/0', vpcEndpointId: 'vpce-fw' },
              { ipv6CidrBlock: '::/0', egressOnlyGatewayId: 'eigw-1' },
            ],
            `${P}-firewall`,
            'eigw',
          ),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'routes ::/0 to egress-only gateway "eigw" (eigw-1), bypassing firewall',
      ],
      [
        'a default route to a transit gateway',
        'payments',
        agentRoutes([{ cidrBlock: '0.0.0.0/0', transitGatewayId: 'tgw-0123' }]),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'routes 0.0.0.0/0 to transit gateway "tgw-0123", bypassing firewall',
      ],
      [
        'a peering route out of the VPC',
        'payments',
        agentRoutes(
          [
            { cidrBlock: '0.0.0.0/0', vpcEndpointId: 'vpce-fw' },
            { cidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: 'pcx-1' },
          ],
          `${P}-firewall`,
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        `routes 10.1.0.0/16 to peering "pcx-1", out of VPC "${P}-vpc" without passing a firewall (got private 10.1.0.0/16)`,
      ],
      [
        'a separate route resource more specific than the firewall route',
        'payments',
        add((plan) =>
          resource(
            'aws:ec2/route:Route',
            'leak',
            { routeTableId: 'rtb-a', destinationCidrBlock: '52.0.0.0/8', gatewayId: 'igw-x' },
            { routeTableId: [urn(plan, RT_A)], gatewayId: [urn(plan, `${P}-igw`)] },
          ),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'routes 52.0.0.0/8 to internet gateway',
      ],
      [
        'an agent subnet associated with the NAT route table',
        'payments',
        dependOn(`${P}-agent-rta-eu-west-1a`, 'routeTableId', `${P}-nat-rt-eu-west-1a`),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        `(route table "${P}-nat-rt-eu-west-1a") routes 0.0.0.0/0 to internet gateway`,
      ],
      [
        'a Lambda runtime in the NAT subnet',
        'payments',
        add((plan) =>
          resource(
            'aws:lambda/function:Function',
            'tool',
            { vpcConfig: { subnetIds: ['subnet-nat'], securityGroupIds: ['sg-1'] } },
            { vpcConfig: [urn(plan, `${P}-nat-eu-west-1a`, SUBNET), urn(plan, SG)] },
          ),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        `subnet "${P}-nat-eu-west-1a" (route table "${P}-nat-rt-eu-west-1a") routes 0.0.0.0/0`,
      ],
      [
        'an ECS service in a subnet outside the stack',
        'payments',
        add(() => resource('aws:ecs/service:Service', 'svc', { networkConfiguration: { subnets: ['subnet-0abc'], securityGroups: [] } })),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'ECS service "svc" must run in subnets defined in the stack, so their routes can be checked (got "subnet-0abc")',
      ],
      [
        'a route to a prefix list the stack does not define',
        'payments',
        agentRoutes(
          [
            { cidrBlock: '0.0.0.0/0', vpcEndpointId: 'vpce-fw' },
            { destinationPrefixListId: 'pl-0ff', natGatewayId: 'nat-1' },
          ],
          `${P}-firewall`,
          `${P}-nat-eu-west-1a`,
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'routes prefix list "pl-0ff" to NAT gateway',
      ],
      [
        'an EKS node group in a second VPC without a firewall',
        'payments',
        add(...secondVpc, () =>
          resource('aws:ec2/routeTableAssociation:RouteTableAssociation', 'second-rta', { subnetId: 'subnet-2a', routeTableId: 'rtb-2' }),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'subnet "second-a" (route table "second-rt") routes 0.0.0.0/0 to internet gateway "second-igw" (igw-2), and VPC "second" has no Network Firewall',
      ],
      [
        'a second VPC whose subnet takes its main route table to the internet gateway',
        'payments',
        add(...secondVpc, () =>
          resource('aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation', 'second-main', { vpcId: 'vpc-2', routeTableId: 'rtb-2' }),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'subnet "second-a" (route table "second-rt") routes 0.0.0.0/0 to internet gateway "second-igw" (igw-2)',
      ],
      [
        'a route table association to a table the stack does not define',
        'payments',
        add(...secondVpc, () =>
          resource('aws:ec2/routeTableAssociation:RouteTableAssociation', 'second-rta', {
            subnetId: 'subnet-2a',
            routeTableId: 'rtb-elsewhere',
          }),
        ),
        'agent-subnet-egress-via-firewall',
        'mandatory',
        'subnet "second-a" must use a route table defined in the stack (got its route table "rtb-elsewhere" is not defined in the stack)',
      ],
      [
        'an EKS node group whose cluster group takes ingress',
        'payments',
        add(
          ...secondVpc,
          () =>
            resource('aws:ec2/securityGroup:SecurityGroup', 'cluster-sg', {
              id: 'sg-c',
              vpcId: 'vpc-2',
              ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.99.0.0/16'] }],
            }),
          () => resource('aws:eks/cluster:Cluster', 'c', { name: 'c', vpcConfig: { securityGroupIds: ['sg-c'] } }),
        ),
        'security-group-no-ingress',
        'mandatory',
        'security group "cluster-sg" is an agent security group and must have no ingress (got an ingress rule on ports 443-443)',
      ],
      // security groups, found by attachment
      [
        'ingress on the agent group under another name',
        'payments',
        all(
          set(SG, (r) => ({
            name: 'hand-written',
            urn: r.urn.replace(/::[^:]+$/, '::hand-written'),
            props: { ...r.props, ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.64.0.0/16'] }] },
          })),
          (plan) => plan,
        ),
        'security-group-no-ingress',
        'mandatory',
        'security group "hand-written" is an agent security group and must have no ingress (got an ingress rule on ports 22-22)',
      ],
      [
        'a separate ingress rule on the agent group',
        'payments',
        add((plan) =>
          resource(
            'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
            'in',
            { securityGroupId: 'sg-x', ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: 'sg-y' },
            { securityGroupId: [urn(plan, SG)] },
          ),
        ),
        'security-group-no-ingress',
        'mandatory',
        `security group ingress rule "in" adds ingress to agent security group "${SG}", which must have no ingress`,
      ],
      [
        'ingress from the internet in two halves',
        'payments',
        props(`${P}-endpoints-sg`, {
          ingress: [
            { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/1'] },
            { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['128.0.0.0/1'] },
          ],
        }),
        'security-group-no-ingress',
        'mandatory',
        `security group "${P}-endpoints-sg" must not admit ingress from the internet (got rules that together cover it: "0.0.0.0/1", "128.0.0.0/1")`,
      ],
      [
        'all traffic to the internet in two halves',
        'payments',
        props(SG, { egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/1', '128.0.0.0/1'] }] }),
        'security-group-no-open-egress',
        'mandatory',
        `security group "${SG}" must not allow open egress except TLS through the firewall (got "0.0.0.0/1", "128.0.0.0/1" protocol "-1" ports 0-0)`,
      ],
      [
        'egress to the internet spread over two rules',
        'payments',
        all(
          props(SG, { egress: [{ protocol: 'udp', fromPort: 53, toPort: 53, cidrBlocks: ['0.0.0.0/1'] }] }),
          add((plan) =>
            resource(
              'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule',
              'out',
              { securityGroupId: 'sg', cidrIpv4: '128.0.0.0/1', ipProtocol: 'udp', fromPort: 53, toPort: 53 },
              { securityGroupId: [urn(plan, SG)] },
            ),
          ),
        ),
        'security-group-no-open-egress',
        'mandatory',
        `security group "${SG}" must not allow open egress except TLS through the firewall (got rules that together cover the internet: "0.0.0.0/1", "128.0.0.0/1")`,
      ],
      [
        'all IPv6 traffic to ::/0',
        'payments',
        props(SG, { egress: [{ protocol: '-1', fromPort: 0, toPort: 0, ipv6CidrBlocks: ['::/0'] }] }),
        'security-group-no-open-egress',
        'mandatory',
        '(got "::/0" protocol "-1" ports 0-0)',
      ],
      [
        'UDP to all of IPv6 global unicast',
        'payments',
        props(SG, { egress: [{ protocol: 'udp', fromPort: 0, toPort: 65535, ipv6CidrBlocks: ['2000::/3'] }] }),
        'security-group-no-open-egress',
        'mandatory',
        '(got "2000::/3" protocol "udp" ports 0-65535)',
      ],
      [
        'agent egress to a private range beyond its VPC',
        'payments',
        props(SG, { egress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: ['10.0.0.0/8'] }] }),
        'agent-egress-within-vpc',
        'mandatory',
        `lets agent security group "${SG}" reach "10.0.0.0/8" outside VPC "${P}-vpc" (10.64.0.0/16) (got private 10.0.0.0/10, 10.65.0.0-10.255.255.255 on ports 5432-5432)`,
      ],
      [
        'agent egress to a prefix list outside the stack',
        'payments',
        all(props(SG, { egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, prefixListIds: ['pl-0bad'] }] }), dependOn(SG, 'egress')),
        'agent-egress-within-vpc',
        'mandatory',
        'reach prefix list "pl-0bad", which must be defined in the stack or be a gateway endpoint\'s (got an unknown list: its ranges cannot be checked)',
      ],
      [
        'agent egress to a stack prefix list holding another network',
        'payments',
        all(
          add(() =>
            resource('aws:ec2/managedPrefixList:ManagedPrefixList', 'corp', {
              id: 'pl-corp',
              entries: [{ cidr: '192.168.0.0/16' }],
              addressFamily: 'IPv4',
              maxEntries: 5,
            }),
          ),
          props(SG, { egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, prefixListIds: ['pl-corp'] }] }),
        ),
        'agent-egress-within-vpc',
        'mandatory',
        'reach prefix list "pl-corp" outside VPC',
      ],
      // firewall policy
      [
        'a firewall that only alerts by default',
        'payments',
        set(`${P}-firewall-policy`, (r) => ({
          props: {
            ...r.props,
            firewallPolicy: { ...(r.props['firewallPolicy'] as object), statefulDefaultActions: ['aws:alert_established'] },
          },
        })),
        'network-firewall-default-drop',
        'mandatory',
        'statefulDefaultActions must include aws:drop_strict or aws:drop_established (got ["aws:alert_established"])',
      ],
      [
        'default actions under the default rule order',
        'payments',
        set(`${P}-firewall-policy`, (r) => ({
          props: {
            ...r.props,
            firewallPolicy: { ...(r.props['firewallPolicy'] as object), statefulEngineOptions: { ruleOrder: 'DEFAULT_ACTION_ORDER' } },
          },
        })),
        'network-firewall-default-drop',
        'mandatory',
        'statefulEngineOptions.ruleOrder must be STRICT_ORDER for its default drop to apply (got "DEFAULT_ACTION_ORDER")',
      ],
      [
        'stateless traffic passed by default',
        'payments',
        set(`${P}-firewall-policy`, (r) => ({
          props: { ...r.props, firewallPolicy: { ...(r.props['firewallPolicy'] as object), statelessDefaultActions: ['aws:pass'] } },
        })),
        'network-firewall-default-drop',
        'mandatory',
        'statelessDefaultActions must be aws:forward_to_sfe or aws:drop (got ["aws:pass"])',
      ],
      [
        'a rule group referenced by ARN from outside the stack',
        'payments',
        all(
          set(`${P}-firewall-policy`, (r) => ({
            props: {
              ...r.props,
              firewallPolicy: {
                ...(r.props['firewallPolicy'] as object),
                statefulRuleGroupReferences: [
                  { resourceArn: `arn:aws:network-firewall:eu-west-1:${OTHER}:stateful-rulegroup/shared`, priority: 10 },
                ],
              },
            },
            dependencies: {},
          })),
        ),
        'network-firewall-rule-groups-defined',
        'advisory',
        `statefulRuleGroupReferences must name rule groups defined in the stack, so their rules can be verified (got "arn:aws:network-firewall:eu-west-1:${OTHER}:stateful-rulegroup/shared", unverifiable)`,
      ],
      [
        'a firewall using a policy outside the stack',
        'payments',
        all(
          props(`${P}-firewall`, { firewallPolicyArn: 'arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/shared' }),
          set(`${P}-firewall`, (r) => ({ dependencies: { ...r.dependencies, firewallPolicyArn: [] } })),
        ),
        'network-firewall-rule-groups-defined',
        'advisory',
        'must use a firewall policy defined in the stack (got "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/shared", unverifiable)',
      ],
      [
        'a high-risk support agent without TLS inspection',
        'support-triage',
        (plan) => plan,
        TLS_NOTE,
        'advisory',
        'serves a high-risk agent and should inspect TLS',
        { [TLS_NOTE]: { enforcementLevel: 'advisory', riskTier: 'high' } },
      ],
      [
        'payments, high risk, when the TLS note is asked for',
        'payments',
        (plan) => plan,
        TLS_NOTE,
        'advisory',
        'payments-network-firewall-policy" serves a high-risk agent',
        { [TLS_NOTE]: 'advisory' },
      ],
      // VPC endpoints
      [
        'an endpoint without a policy',
        'payments',
        set(`${P}-endpoint-kms`, (r) => ({ props: Object.fromEntries(Object.entries(r.props).filter(([k]) => k !== 'policy')) })),
        'vpc-endpoint-policy-scoped',
        'mandatory',
        `VPC endpoint "${P}-endpoint-kms" must have a policy limited to the agent's own resources (got no policy: full access to every account's resources)`,
      ],
      [
        'an endpoint policy allowing everything',
        'payments',
        props(`${P}-endpoint-logs`, {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Sid: 'All', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
          }),
        }),
        'vpc-endpoint-policy-scoped',
        'mandatory',
        `policy must allow only resources of account ${ACCOUNT} (got statement "All" with Resource "*" without an aws:ResourceAccount condition)`,
      ],
      [
        'an S3 endpoint open to another bucket',
        'payments',
        props(`${P}-endpoint-s3`, {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Sid: 'Drop', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::attacker-drop/*' }],
          }),
        }),
        'vpc-endpoint-policy-scoped',
        'mandatory',
        '(got statement "Drop" with Resource "arn:aws:s3:::attacker-drop/*" without an aws:ResourceAccount condition)',
      ],
      [
        'an endpoint pinned to another account',
        'payments',
        props(`${P}-endpoint-states`, {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'Other',
                Effect: 'Allow',
                Principal: '*',
                Action: '*',
                Resource: '*',
                Condition: { StringEquals: { 'aws:ResourceAccount': OTHER } },
              },
            ],
          }),
        }),
        'vpc-endpoint-policy-scoped',
        'mandatory',
        'got statement "Other" with Resource "*" without an aws:ResourceAccount condition',
      ],
      [
        'an interface endpoint without private DNS',
        'payments',
        props(`${P}-endpoint-kms`, { privateDnsEnabled: false }),
        'vpc-endpoint-private-dns',
        'mandatory',
        `VPC endpoint "${P}-endpoint-kms" is an interface endpoint and must enable private DNS (got privateDnsEnabled false)`,
      ],
      // monitoring
      [
        'a flow log of rejected traffic only',
        'payments',
        props(`${P}-flow-log`, { trafficType: 'REJECT' }),
        'vpc-flow-logs',
        'advisory',
        `flow log "${P}-flow-log" must record ALL traffic, accepted and rejected (got trafficType "REJECT")`,
      ],
      ['no flow log', 'payments', remove(`${P}-flow-log`), 'vpc-flow-logs', 'advisory', `VPC "${P}-vpc" must have a flow log (got none)`],
      [
        'a flow log group without a key',
        'payments',
        props(`${P}-flow-logs`, { kmsKeyId: undefined }),
        'vpc-flow-logs',
        'advisory',
        `delivers to log group "${P}-flow-logs", which must be encrypted with a KMS key (got no kmsKeyId)`,
      ],
      [
        'a flow log group kept forever',
        'payments',
        props(`${P}-flow-logs`, { retentionInDays: undefined }),
        'vpc-flow-logs',
        'advisory',
        'which must set a retention (got retentionInDays not set)',
      ],
      [
        'an alarm with actions disabled',
        'payments',
        props('payments-audit-access-denied-alarm', { actionsEnabled: false }),
        'alarm-notifies-owner',
        'advisory',
        'alarm "payments-audit-access-denied-alarm" must have its actions enabled to reach the owner (got actionsEnabled false)',
      ],
      [
        'an alarm without actions',
        'payments',
        props('payments-audit-undeclared-calls-alarm', { alarmActions: [] }),
        'alarm-notifies-owner',
        'advisory',
        'alarm "payments-audit-undeclared-calls-alarm" must notify the owner through an alarm action (got no alarmActions)',
      ],
      [
        'no subscription on the alarm topic',
        'payments',
        remove('payments-audit-owner'),
        'alarm-notifies-owner',
        'advisory',
        'notifies SNS topic "payments-audit-alarms", which must have a subscription to payments-oncall@example.com (got none)',
      ],
      [
        'a subscription to somebody else',
        'payments',
        props('payments-audit-owner', { endpoint: 'intruder@example.net' }),
        'alarm-notifies-owner',
        'advisory',
        'which must have a subscription to payments-oncall@example.com (got none)',
      ],
      [
        'the AccessDenied filter removed, the alarm kept',
        'payments',
        remove('payments-audit-access-denied'),
        'alarm-metric-filter-exists',
        'advisory',
        'alarm "payments-audit-access-denied-alarm" watches "Agentfence/payments"/"AccessDenied", which must be produced by a metric filter in the stack (got none: the alarm can never fire)',
      ],
      [
        'a filter watching another role',
        'payments',
        set('payments-audit-access-denied', (r) => ({
          props: { ...r.props, pattern: String(r.props['pattern']).replace(/arn = "[^"]+"/, `arn = "arn:aws:iam::${ACCOUNT}:role/other"`) },
        })),
        'alarm-metric-filter-exists',
        'advisory',
        `matches events of "arn:aws:iam::${ACCOUNT}:role/other", not of the agent role`,
      ],
      [
        'CloudTrail with logging off',
        'payments',
        props('payments-audit-trail', { enableLogging: false }),
        'cloudtrail-covers-agent',
        'advisory',
        'CloudTrail trail "payments-audit-trail" must be logging to cover the agent (got enableLogging false)',
      ],
      [
        'CloudTrail removed',
        'payments',
        remove('payments-audit-trail'),
        'cloudtrail-covers-agent',
        'advisory',
        'agent "payments" must be covered by a CloudTrail trail in the stack (got none)',
      ],
      [
        'a single-region trail in another region',
        'payments',
        props('payments-audit-trail', { isMultiRegionTrail: false, arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/t` }),
        'cloudtrail-covers-agent',
        'advisory',
        "must be multi-region or in the agent's region eu-west-1 (got a single-region trail in us-east-1)",
      ],
      [
        'a trail bucket open to the public',
        'payments',
        remove('payments-audit-trail-bucket-public-access'),
        'cloudtrail-covers-agent',
        'advisory',
        'delivers to S3 bucket "payments-audit-trail-bucket", which fails s3-bucket-public-access-blocked',
      ],
      [
        'a trail without log file validation',
        'payments',
        props('payments-audit-trail', { enableLogFileValidation: false }),
        'cloudtrail-trail-secure',
        'advisory',
        'must set enableLogFileValidation to true (got false)',
      ],
      // data keys
      [
        "a memory table encrypted with another account's key",
        'payments',
        all(
          props('payments-store-payment-memory-table', {
            serverSideEncryption: { enabled: true, kmsKeyArn: `arn:aws:kms:eu-west-1:${OTHER}:key/1` },
          }),
          set('payments-store-payment-memory-table', (r) => ({ dependencies: { ...r.dependencies, serverSideEncryption: [] } })),
        ),
        'data-key-in-agent-account',
        'mandatory',
        `DynamoDB table "payments-store-payment-memory-table" must use a KMS key of the agent's account ${ACCOUNT} (got "arn:aws:kms:eu-west-1:${OTHER}:key/1" in account ${OTHER})`,
      ],
      [
        "a bucket encrypted with another account's key",
        'payments',
        all(
          set('payments-store-payment-evidence-sse', (r) => ({
            props: {
              ...r.props,
              rules: [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: `arn:aws:kms:eu-west-1:${OTHER}:key/2` } },
              ],
            },
            dependencies: { bucket: r.dependencies?.['bucket'] ?? [] },
          })),
        ),
        'data-key-in-agent-account',
        'mandatory',
        `(got "arn:aws:kms:eu-west-1:${OTHER}:key/2" in account ${OTHER})`,
      ],
      [
        'a key policy letting another account decrypt',
        'payments',
        props('payments-audit-key', {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['kms:Decrypt'], Resource: '*' },
            ],
          }),
        }),
        'kms-key-policy-no-foreign-decrypt',
        'mandatory',
        `KMS key "payments-audit-key" policy must let only the agent's account ${ACCOUNT} decrypt (got statement "Partner" allowing "arn:aws:iam::${OTHER}:root")`,
      ],
      [
        'a key policy letting anyone use the key',
        'payments',
        props('payments-network-logs-key', {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }],
          }),
        }),
        'kms-key-policy-no-foreign-decrypt',
        'mandatory',
        '(got statement "Anyone" allowing "*")',
      ],
      [
        'a key policy with an unconfined service principal',
        'payments',
        props('payments-audit-key', {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'Logs',
                Effect: 'Allow',
                Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
                Action: 'kms:Decrypt*',
                Resource: '*',
              },
            ],
          }),
        }),
        'kms-key-policy-no-foreign-decrypt',
        'mandatory',
        '(got statement "Logs" allowing "logs.eu-west-1.amazonaws.com (unconfined)")',
      ],
      [
        'a confidential store without protect, seen by CrossGuard',
        'payments',
        set('payments-store-payment-memory-table', (r) => ({
          protect: false,
          retainOnDelete: undefined as unknown as boolean,
          props: { ...r.props, deletionProtectionEnabled: false },
        })),
        'data-store-protected',
        'mandatory',
        'retainOnDelete not visible to this check (CrossGuard does not pass it: use protect)',
      ],
      [
        'a retain tag on a store outside any agentfence component',
        'payments',
        add(() => ({
          ...resource('aws:dynamodb/table:Table', 'rogue', {
            tags: { 'agentfence:classification': 'restricted', 'agentfence:retain-on-delete': 'true' },
          }),
          urn: 'urn:pulumi:payments::agentfence::aws:dynamodb/table:Table::rogue',
        })),
        'data-store-protected',
        'mandatory',
        'DynamoDB table "rogue" holds restricted data and must be protected from deletion',
      ],
      [
        'an attached endpoint policy that reaches an attacker bucket',
        'payments',
        detachedPolicy(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Sid: 'Drop', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::attacker-drop/*' }],
          }),
        ),
        'vpc-endpoint-policy-scoped',
        'mandatory',
        'policy must allow only resources of account 111122223333 (got statement "Drop" with Resource "arn:aws:s3:::attacker-drop/*"',
      ],
    ])('%s is found', (_, agent, edit, ruleId, level, message, config) => {
      const mine = findings(agent, edit, config).filter((f) => f.ruleId === ruleId);
      expect(mine.map((f) => f.message)).toContainEqual(expect.stringContaining(message));
      expect(mine.find((f) => f.message.includes(message))?.enforcementLevel).toBe(level);
    });
  });

  describe('when the plan is varied in a compliant way', () => {
    const fw = `${P}-firewall`;
    it.each<[string, string, Edit, PackConfig?]>([
      ['payments as planned', 'payments', (plan) => plan],
      ['support-triage as planned', 'support-triage', (plan) => plan],
      [
        'a dual-stack VPC whose ::/0 also goes to the firewall',
        'payments',
        all(
          props(`${P}-vpc`, { ipv6CidrBlock: '2001:db8:1::/56' }),
          agentRoutes(
            [
              { cidrBlock: '0.0.0.0/0', vpcEndpointId: 'vpce-a' },
              { ipv6CidrBlock: '::/0', vpcEndpointId: 'vpce-a' },
            ],
            fw,
          ),
        ),
      ],
      [
        'the internet in two halves to the firewall, shadowing a /0 to the internet gateway',
        'payments',
        agentRoutes(
          [
            { cidrBlock: '0.0.0.0/1', vpcEndpointId: 'vpce-a' },
            { cidrBlock: '128.0.0.0/1', vpcEndpointId: 'vpce-a' },
            { cidrBlock: '0.0.0.0/0', gatewayId: 'igw-0a1' },
          ],
          fw,
          `${P}-igw`,
        ),
      ],
      [
        'agent egress to a stack prefix list inside the VPC',
        'payments',
        all(
          add(() =>
            resource('aws:ec2/managedPrefixList:ManagedPrefixList', 'inside', {
              id: 'pl-in',
              entries: [{ cidr: '10.64.1.0/24' }],
              addressFamily: 'IPv4',
              maxEntries: 5,
            }),
          ),
          set(SG, (r) => ({
            props: {
              ...r.props,
              egress: [...(r.props['egress'] as unknown[]), { protocol: 'tcp', fromPort: 8443, toPort: 8443, prefixListIds: ['pl-in'] }],
            },
          })),
        ),
      ],
      [
        'a transit gateway route after the firewall',
        'payments',
        all(props(`${P}-firewall-rt-eu-west-1a`, { routes: [{ cidrBlock: '0.0.0.0/0', transitGatewayId: 'tgw-egress' }] })),
      ],
      [
        'a transit gateway route to an approved corporate range',
        'payments',
        agentRoutes(
          [
            { cidrBlock: '0.0.0.0/0', vpcEndpointId: 'vpce-a' },
            { cidrBlock: '10.100.0.0/16', transitGatewayId: 'tgw-corp' },
          ],
          fw,
        ),
        { 'agent-subnet-egress-via-firewall': { allowedPrivateDestinations: ['10.100.0.0/16'] } },
      ],
      [
        'a second VPC without agent runtimes, with its own flow log',
        'payments',
        add(
          () => resource('aws:ec2/vpc:Vpc', 'shared', { id: 'vpc-s', cidrBlock: '10.98.0.0/16' }),
          () => resource('aws:ec2/subnet:Subnet', 'shared-a', { id: 'subnet-s', vpcId: 'vpc-s', cidrBlock: '10.98.0.0/24' }),
          () =>
            resource('aws:ec2/routeTable:RouteTable', 'shared-rt', {
              id: 'rtb-s',
              vpcId: 'vpc-s',
              routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: 'igw-s' }],
            }),
          () =>
            resource('aws:cloudwatch/logGroup:LogGroup', 'shared-flow-logs', {
              arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/shared',
              kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
              retentionInDays: 400,
            }),
          () =>
            resource('aws:ec2/flowLog:FlowLog', 'shared-flow', {
              vpcId: 'vpc-s',
              trafficType: 'ALL',
              logDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:/shared',
            }),
        ),
      ],
      [
        'a Lambda tool in the agent subnets and group',
        'payments',
        add((plan) =>
          resource(
            'aws:lambda/function:Function',
            'tool',
            { vpcConfig: { subnetIds: ['a', 'b'], securityGroupIds: ['sg'] } },
            { vpcConfig: [urn(plan, `${P}-agent-eu-west-1a`), urn(plan, `${P}-agent-eu-west-1b`), urn(plan, SG)] },
          ),
        ),
      ],
      [
        "an endpoint policy naming its own account's resources",
        'payments',
        props(`${P}-endpoint-logs`, {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'Own',
                Effect: 'Allow',
                Principal: '*',
                Action: 'logs:PutLogEvents',
                Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*`,
                Condition: { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } },
              },
            ],
          }),
        }),
      ],
      [
        'a key policy for anyone of the agent account',
        'payments',
        props('payments-network-logs-key', {
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'Account',
                Effect: 'Allow',
                Principal: '*',
                Action: 'kms:Decrypt',
                Resource: '*',
                Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT } },
              },
            ],
          }),
        }),
      ],
      [
        'a retained audit log group seen by CrossGuard (tag under its component)',
        'payments',
        set('payments-audit-log-group', (r) => ({
          retainOnDelete: undefined as unknown as boolean,
          props: { ...r.props, tags: { ...(r.props['tags'] as object), 'agentfence:classification': 'restricted' } },
        })),
      ],
      [
        "the S3 endpoint's own policy moved into an attached VpcEndpointPolicy",
        'payments',
        (plan: Plan) => detachedPolicy(find(plan, `${P}-endpoint-s3`).props['policy'])(plan),
      ],
    ])('%s passes', (_, agent, edit, config) => {
      const got = findings(agent, edit, config)
        .filter((f) => !(agent === 'payments' && f.ruleId === TLS_NOTE))
        .map((f) => `${f.ruleId}: ${f.message}`);
      expect(got).toEqual([]);
    });
  });

  describe('when an endpoint has no policy', () => {
    it('is one finding, from the rule that owns endpoint policies, not one per rule', () => {
      const edit = set(`${P}-endpoint-kms`, (r) => ({
        props: Object.fromEntries(Object.entries(r.props).filter(([k]) => k !== 'policy')),
      }));
      const about = findings('payments', edit).filter((f) => f.urn?.endsWith(`::${P}-endpoint-kms`) === true);
      expect(about.map((f) => f.ruleId)).toEqual(['vpc-endpoint-policy-scoped']);
    });
  });
});
