/**
 * NetworkBoundary: a VPC with private agent subnets only (no internet gateway route from them), an
 * agent security group with no ingress and HTTPS-only egress, interface and gateway endpoints for the
 * AWS services the agent uses, and, when egress goes through the firewall, AWS Network Firewall with a
 * stateful domain allowlist built from the API descriptors' hosts and a default drop. VPC flow logs go
 * to a KMS-encrypted log group. `egress: none` creates no firewall, NAT or internet gateway at all.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { RiskTier, Runtime } from '../../manifest/types.js';
import { argError, scopeProps, assertAction, assertAgentName, assertArn, assertOneOf, assertScope } from './builders/args.js';
import { accountRootArn, arn, type AwsScope } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { toPolicyDocument } from './builders/policy-document.js';
import { agentTags } from './builders/tags.js';
import { resolveRetention } from './builders/audit.js';
import { buildKeyPolicy, logsKeyUser } from './builders/kms.js';
import {
  allowlistCapacity,
  buildAgentEgress,
  buildAllowlistRuleGroup,
  buildAllowlistTargets,
  buildEndpointPolicy,
  buildFirewallPolicy,
  buildZoneSpecs,
  endpointServiceName,
  endpointServices,
  type ZoneSpec,
} from './builders/network.js';
import { createBoundedRole } from './bounded-role.js';
import { KEY_DELETION_WINDOW_DAYS } from './encrypted-store.js';

/** NetworkBoundaryArgs describe where the agent may connect. */
export interface NetworkBoundaryArgs {
  /** The agent's name. */
  readonly agentName: string;
  /** Account and region. */
  readonly scope: AwsScope;
  /** The agent's runtime (adds the endpoints it needs). */
  readonly runtime: Runtime;
  /** `firewall`: internet egress only through the allowlisting firewall; `none`: no internet egress at all. */
  readonly egress: 'firewall' | 'none';
  /** Host names the firewall allows (from the API descriptors). Defaults to none (everything dropped). */
  readonly allowedHosts?: readonly string[];
  /** The AWS actions the agent calls; their services get VPC endpoints. Defaults to none (logs and KMS only). */
  readonly actions?: readonly string[];
  /** The VPC CIDR, /16 to /22. Defaults to 10.64.0.0/16. */
  readonly cidrBlock?: string;
  /** Availability zones (1 to 3). Defaults to the region's `a` and `b` zones. */
  readonly availabilityZones?: readonly string[];
  /** Flow log retention in days. Defaults to 365. */
  readonly flowLogRetentionDays?: number;
  /** Owning team (tag). */
  readonly owner: string;
  /** Risk tier (tag). */
  readonly riskTier: RiskTier;
  /** Principals that administer (never use) the network log key. Defaults to the account root (IAM-delegated admins). */
  readonly keyAdmins?: readonly string[];
}

const COMPONENT = 'NetworkBoundary';

/** Validates args; every error names the arg. */
export function validateNetworkBoundaryArgs(args: NetworkBoundaryArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertScope(COMPONENT, 'scope', args.scope);
  assertOneOf(COMPONENT, 'runtime', args.runtime, ['agentcore', 'ecs', 'lambda', 'eks'] as const);
  assertOneOf(COMPONENT, 'egress', args.egress, ['firewall', 'none'] as const);
  if (args.egress === 'none' && (args.allowedHosts ?? []).length > 0)
    throw argError(COMPONENT, 'allowedHosts', "be empty when egress is 'none'", args.allowedHosts);
  try {
    buildAllowlistTargets(args.allowedHosts ?? []);
  } catch (error) {
    throw argError(COMPONENT, 'allowedHosts', 'list exact DNS host names', (error as Error).message);
  }
  (args.actions ?? []).forEach((action, i) => assertAction(COMPONENT, `actions[${i}]`, action));
  const zones = args.availabilityZones ?? [];
  zones.forEach((zone, i) => {
    if (typeof zone !== 'string' || !zone.startsWith(args.scope.region))
      throw argError(COMPONENT, `availabilityZones[${i}]`, `be a zone of ${args.scope.region}`, zone);
  });
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
}

/** What every section of the boundary shares. */
interface Context {
  readonly name: string;
  readonly args: NetworkBoundaryArgs;
  readonly child: pulumi.CustomResourceOptions;
  readonly parent: pulumi.Resource;
  readonly tags: Record<string, string>;
  readonly named: (role: string) => Record<string, string>;
  readonly vpc: aws.ec2.Vpc;
  readonly retention: number;
  readonly flowGroupName: string;
  readonly firewallGroupName: string;
}

/** The egress path of one zone: its firewall endpoint id. */
interface EgressZone {
  readonly spec: ZoneSpec;
  readonly firewallEndpointId: pulumi.Output<string>;
}

/** The key that encrypts the boundary's flow and firewall logs (and the firewall's own configuration). */
function createLogsKey(ctx: Context): aws.kms.Key {
  const { scope } = ctx.args;
  return new aws.kms.Key(
    `${ctx.name}-logs-key`,
    {
      description: `Encrypts network logs of agent ${ctx.args.agentName}`,
      enableKeyRotation: true,
      deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
      policy: JSON.stringify(
        buildKeyPolicy(
          scope,
          [
            logsKeyUser(scope, [
              arn(scope, 'logs', `log-group:${ctx.flowGroupName}`),
              arn(scope, 'logs', `log-group:${ctx.firewallGroupName}`),
            ]),
          ],
          ctx.args.keyAdmins ?? [accountRootArn(scope)],
        ),
      ),
      tags: ctx.tags,
    },
    ctx.child,
  );
}

/** The firewall with its allowlist rule group, policy and alert log. */
function createFirewall(ctx: Context, key: aws.kms.Key, firewallSubnets: readonly aws.ec2.Subnet[]): aws.networkfirewall.Firewall {
  const { agentName } = ctx.args;
  const targets = buildAllowlistTargets(ctx.args.allowedHosts ?? []);
  const encryption = { type: 'CUSTOMER_KMS', keyId: key.arn };
  const groups =
    targets.length === 0
      ? []
      : [
          new aws.networkfirewall.RuleGroup(
            `${ctx.name}-allowlist`,
            {
              name: physicalName(['agentfence', agentName, 'allowlist'], 128),
              description: `Domains agent ${agentName} may reach: the hosts of its signed API descriptors.`,
              type: 'STATEFUL',
              capacity: allowlistCapacity(targets.length),
              ruleGroup: buildAllowlistRuleGroup(targets),
              encryptionConfiguration: encryption,
              tags: ctx.tags,
            },
            ctx.child,
          ),
        ];
  const policy = new aws.networkfirewall.FirewallPolicy(
    `${ctx.name}-firewall-policy`,
    {
      name: physicalName(['agentfence', agentName, 'egress'], 128),
      description: `Egress policy of agent ${agentName}: allowlisted domains pass, every other established flow is dropped.`,
      firewallPolicy: pulumi.all(groups.map((group) => group.arn)).apply((arns) => buildFirewallPolicy(arns)),
      encryptionConfiguration: encryption,
      tags: ctx.tags,
    },
    ctx.child,
  );
  const firewall = new aws.networkfirewall.Firewall(
    `${ctx.name}-firewall`,
    {
      name: physicalName(['agentfence', agentName], 128),
      vpcId: ctx.vpc.id,
      firewallPolicyArn: policy.arn,
      subnetMappings: firewallSubnets.map((subnet) => ({ subnetId: subnet.id })),
      deleteProtection: true,
      subnetChangeProtection: true,
      firewallPolicyChangeProtection: true,
      encryptionConfiguration: encryption,
      tags: ctx.tags,
    },
    ctx.child,
  );
  const firewallLogGroup = new aws.cloudwatch.LogGroup(
    `${ctx.name}-firewall-logs`,
    { name: ctx.firewallGroupName, retentionInDays: ctx.retention, kmsKeyId: key.arn, tags: ctx.tags },
    ctx.child,
  );
  new aws.networkfirewall.LoggingConfiguration(
    `${ctx.name}-firewall-logging`,
    {
      firewallArn: firewall.arn,
      loggingConfiguration: {
        logDestinationConfigs: [
          { logDestination: { logGroup: firewallLogGroup.name }, logDestinationType: 'CloudWatchLogs', logType: 'ALERT' },
        ],
      },
    },
    ctx.child,
  );
  return firewall;
}

/** The firewall's status as the provider reports it: any level may be absent (a preview, a mocked run). */
type ReportedFirewallStatus = readonly {
  readonly syncStates?: readonly { readonly attachments?: readonly { readonly subnetId?: string; readonly endpointId?: string }[] }[];
}[];

/** The firewall endpoint the firewall placed in one subnet (an output of its sync states). */
function endpointIn(firewall: aws.networkfirewall.Firewall, subnet: aws.ec2.Subnet): pulumi.Output<string> {
  return pulumi.all([firewall.firewallStatuses, subnet.id]).apply(([statuses, subnetId]: [ReportedFirewallStatus | undefined, string]) => {
    const attachment = (statuses ?? [])
      .flatMap((status) => status.syncStates ?? [])
      .flatMap((state) => state.attachments ?? [])
      .find((a) => a.subnetId === subnetId);
    if (attachment?.endpointId === undefined) throw new Error(`NetworkBoundary: no firewall endpoint in subnet ${subnetId}`);
    return attachment.endpointId;
  });
}

/** One zone's way out: firewall subnet -> NAT -> internet gateway, and back through the firewall (symmetric). */
function createZoneEgress(
  ctx: Context,
  egress: EgressZone,
  agentSpec: ZoneSpec,
  firewallSubnet: aws.ec2.Subnet,
  publicSubnet: aws.ec2.Subnet,
  igw: aws.ec2.InternetGateway,
): void {
  const { zone } = egress.spec;
  const eip = new aws.ec2.Eip(
    `${ctx.name}-nat-ip-${zone}`,
    { domain: 'vpc', tags: ctx.named(`nat-ip-${zone}`) },
    { parent: ctx.parent, dependsOn: [igw] },
  );
  const nat = new aws.ec2.NatGateway(
    `${ctx.name}-nat-${zone}`,
    { subnetId: publicSubnet.id, allocationId: eip.id, tags: ctx.named(`nat-${zone}`) },
    ctx.child,
  );
  const publicRoutes = new aws.ec2.RouteTable(
    `${ctx.name}-nat-rt-${zone}`,
    {
      vpcId: ctx.vpc.id,
      routes: [
        { cidrBlock: '0.0.0.0/0', gatewayId: igw.id },
        { cidrBlock: agentSpec.agentCidr, vpcEndpointId: egress.firewallEndpointId },
      ],
      tags: ctx.named(`nat-rt-${zone}`),
    },
    ctx.child,
  );
  new aws.ec2.RouteTableAssociation(`${ctx.name}-nat-rta-${zone}`, { subnetId: publicSubnet.id, routeTableId: publicRoutes.id }, ctx.child);
  const firewallRoutes = new aws.ec2.RouteTable(
    `${ctx.name}-firewall-rt-${zone}`,
    { vpcId: ctx.vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }], tags: ctx.named(`firewall-rt-${zone}`) },
    ctx.child,
  );
  new aws.ec2.RouteTableAssociation(
    `${ctx.name}-firewall-rta-${zone}`,
    { subnetId: firewallSubnet.id, routeTableId: firewallRoutes.id },
    ctx.child,
  );
}

/** The egress path of every zone (firewall mode): returns each zone's firewall endpoint, and the firewall. */
function createEgressPath(
  ctx: Context,
  specs: readonly ZoneSpec[],
  key: aws.kms.Key,
): { firewall: aws.networkfirewall.Firewall; zones: Map<string, EgressZone> } {
  const igw = new aws.ec2.InternetGateway(`${ctx.name}-igw`, { vpcId: ctx.vpc.id, tags: ctx.named('igw') }, ctx.child);
  const subnet = (role: string, zone: string, cidrBlock: string) =>
    new aws.ec2.Subnet(
      `${ctx.name}-${role}-${zone}`,
      { vpcId: ctx.vpc.id, cidrBlock, availabilityZone: zone, mapPublicIpOnLaunch: false, tags: ctx.named(`${role}-${zone}`) },
      ctx.child,
    );
  const placed = specs.flatMap((spec) =>
    spec.egress === undefined
      ? []
      : [{ spec, egress: spec.egress, firewallSubnet: subnet('firewall', spec.zone, spec.egress.firewallCidr) }],
  );
  const withPublic = placed.map((entry) => ({ ...entry, publicSubnet: subnet('nat', entry.spec.zone, entry.egress.publicCidr) }));
  const firewall = createFirewall(
    ctx,
    key,
    placed.map((entry) => entry.firewallSubnet),
  );
  const zones = new Map<string, EgressZone>();
  for (const entry of withPublic) {
    const zone: EgressZone = { spec: entry.spec, firewallEndpointId: endpointIn(firewall, entry.firewallSubnet) };
    zones.set(entry.spec.zone, zone);
    createZoneEgress(ctx, zone, entry.spec, entry.firewallSubnet, entry.publicSubnet, igw);
  }
  return { firewall, zones };
}

/** The VPC endpoints of the AWS services the agent calls, each limited to the agent's account. */
function createEndpoints(
  ctx: Context,
  agentSubnets: readonly aws.ec2.Subnet[],
  agentTables: readonly aws.ec2.RouteTable[],
  endpointGroup: aws.ec2.SecurityGroup,
): { gateway: aws.ec2.VpcEndpoint[]; interface: aws.ec2.VpcEndpoint[] } {
  const { scope, runtime } = ctx.args;
  const services = endpointServices(ctx.args.actions ?? [], runtime);
  const policy = (service: string) => JSON.stringify(buildEndpointPolicy(scope.account, scope.region, service, runtime));
  const gateway = services.gateway.map(
    (service) =>
      new aws.ec2.VpcEndpoint(
        `${ctx.name}-endpoint-${service}`,
        {
          vpcId: ctx.vpc.id,
          serviceName: endpointServiceName(scope.region, service),
          vpcEndpointType: 'Gateway',
          routeTableIds: agentTables.map((table) => table.id),
          policy: policy(service),
          tags: ctx.named(`endpoint-${service}`),
        },
        ctx.child,
      ),
  );
  const iface = services.interface.map(
    (service) =>
      new aws.ec2.VpcEndpoint(
        `${ctx.name}-endpoint-${service}`,
        {
          vpcId: ctx.vpc.id,
          serviceName: endpointServiceName(scope.region, service),
          vpcEndpointType: 'Interface',
          privateDnsEnabled: true,
          subnetIds: agentSubnets.map((subnet) => subnet.id),
          securityGroupIds: [endpointGroup.id],
          policy: policy(service),
          tags: ctx.named(`endpoint-${service}`),
        },
        ctx.child,
      ),
  );
  return { gateway, interface: iface };
}

/** VPC flow logs of all traffic to the encrypted flow log group, delivered by a bounded role. */
function createFlowLogs(ctx: Context, key: aws.kms.Key): { group: aws.cloudwatch.LogGroup; flowLog: aws.ec2.FlowLog } {
  const { scope, agentName } = ctx.args;
  const group = new aws.cloudwatch.LogGroup(
    `${ctx.name}-flow-logs`,
    { name: ctx.flowGroupName, retentionInDays: ctx.retention, kmsKeyId: key.arn, tags: ctx.tags },
    ctx.child,
  );
  const flowGroupArn = arn(scope, 'logs', `log-group:${ctx.flowGroupName}`);
  const delivery = toPolicyDocument([
    {
      Sid: 'WriteFlowLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
      Resource: [`${flowGroupArn}:log-stream:*`],
    },
  ]);
  const role = createBoundedRole(ctx.parent, `${ctx.name}-flow-logs-role`, {
    roleName: physicalName(['agentfence', agentName, 'flow-logs'], 64),
    description: `Delivers VPC flow logs of agent ${agentName}`,
    assumeRolePolicy: toPolicyDocument([
      {
        Sid: 'AssumeByFlowLogsOnly',
        Effect: 'Allow',
        Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
        Action: ['sts:AssumeRole'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': scope.account },
          ArnLike: { 'aws:SourceArn': arn(scope, 'ec2', 'vpc-flow-log/*') },
        },
      },
    ]),
    boundary: delivery,
    tags: ctx.tags,
  }).role;
  const rolePolicy = new aws.iam.RolePolicy(
    `${ctx.name}-flow-logs-policy`,
    { name: 'agentfence-flow-logs', role: role.name, policy: JSON.stringify(delivery) },
    ctx.child,
  );
  const flowLog = new aws.ec2.FlowLog(
    `${ctx.name}-flow-log`,
    {
      vpcId: ctx.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags: ctx.named('flow-log'),
    },
    { parent: ctx.parent, dependsOn: [rolePolicy] },
  );
  return { group, flowLog };
}

export class NetworkBoundary extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:NetworkBoundary';
  readonly vpc: aws.ec2.Vpc;
  readonly agentSubnets: aws.ec2.Subnet[] = [];
  readonly agentSecurityGroup: aws.ec2.SecurityGroup;
  readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
  readonly endpoints: aws.ec2.VpcEndpoint[] = [];
  readonly firewall?: aws.networkfirewall.Firewall;
  readonly flowLog: aws.ec2.FlowLog;
  readonly flowLogGroup: aws.cloudwatch.LogGroup;
  readonly subnetIds: pulumi.Output<string[]>;
  readonly securityGroupIds: pulumi.Output<string[]>;

  constructor(name: string, args: NetworkBoundaryArgs, opts?: pulumi.ComponentResourceOptions) {
    // the agent facts the network rules read (account, region, risk) are recorded as the component's props
    super(
      NetworkBoundary.__pulumiType,
      name,
      { agentName: args.agentName, ...scopeProps(args.scope), riskTier: args.riskTier, egress: args.egress },
      opts,
    );
    validateNetworkBoundaryArgs(args);
    const { scope } = args;
    const withFirewall = args.egress === 'firewall';
    const zones = args.availabilityZones ?? [`${scope.region}a`, `${scope.region}b`];
    const cidrBlock = args.cidrBlock ?? '10.64.0.0/16';
    const specs = buildZoneSpecs(cidrBlock, zones, withFirewall);
    const tags = agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier });
    const named = (role: string): Record<string, string> => ({ ...tags, Name: `agentfence-${args.agentName}-${role}` });
    const child = { parent: this };
    this.vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock, enableDnsHostnames: true, enableDnsSupport: true, tags: named('vpc') }, child);
    const ctx: Context = {
      name,
      args,
      child,
      parent: this,
      tags,
      named,
      vpc: this.vpc,
      retention: resolveRetention(args.flowLogRetentionDays ?? 365, 'low'),
      flowGroupName: `/agentfence/${args.agentName}/network/flow-logs`,
      firewallGroupName: `/agentfence/${args.agentName}/network/firewall`,
    };
    // The default security group allows all traffic between its members: strip every rule from it.
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default-sg`,
      { vpcId: this.vpc.id, ingress: [], egress: [], tags: named('default-deny') },
      child,
    );
    for (const spec of specs) {
      this.agentSubnets.push(
        new aws.ec2.Subnet(
          `${name}-agent-${spec.zone}`,
          {
            vpcId: this.vpc.id,
            cidrBlock: spec.agentCidr,
            availabilityZone: spec.zone,
            mapPublicIpOnLaunch: false,
            tags: named(`agent-${spec.zone}`),
          },
          child,
        ),
      );
    }
    const key = createLogsKey(ctx);
    const egress = withFirewall ? createEgressPath(ctx, specs, key) : undefined;
    if (egress !== undefined) this.firewall = egress.firewall;

    // Agent subnets: the only default route is the firewall endpoint; with egress none, no default route at all.
    const agentTables = specs.map((spec, i) => {
      const zoneEgress = egress?.zones.get(spec.zone);
      const table = new aws.ec2.RouteTable(
        `${name}-agent-rt-${spec.zone}`,
        {
          vpcId: this.vpc.id,
          routes: zoneEgress === undefined ? [] : [{ cidrBlock: '0.0.0.0/0', vpcEndpointId: zoneEgress.firewallEndpointId }],
          tags: named(`agent-rt-${spec.zone}`),
        },
        child,
      );
      const subnet = this.agentSubnets[i];
      if (subnet !== undefined)
        new aws.ec2.RouteTableAssociation(`${name}-agent-rta-${spec.zone}`, { subnetId: subnet.id, routeTableId: table.id }, child);
      return table;
    });

    this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-endpoints-sg`,
      {
        vpcId: this.vpc.id,
        description: `VPC endpoints of agent ${args.agentName}: HTTPS from the agent security group only`,
        ingress: [],
        egress: [],
        tags: named('endpoints-sg'),
      },
      child,
    );
    const endpoints = createEndpoints(ctx, this.agentSubnets, agentTables, this.endpointSecurityGroup);
    this.endpoints.push(...endpoints.gateway, ...endpoints.interface);

    this.agentSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-agent-sg`,
      {
        vpcId: this.vpc.id,
        description: `Agent ${args.agentName}: no ingress; HTTPS egress to endpoints${withFirewall ? ' and through the firewall' : ' only'}`,
        ingress: [],
        egress: pulumi
          .all([this.endpointSecurityGroup.id, pulumi.all(endpoints.gateway.map((endpoint) => endpoint.prefixListId))])
          .apply(([sg, prefixLists]) =>
            buildAgentEgress(sg, prefixLists, withFirewall).map((rule) => ({ ...rule }) as aws.types.input.ec2.SecurityGroupEgress),
          ),
        revokeRulesOnDelete: true,
        tags: named('agent-sg'),
      },
      child,
    );
    // Endpoints admit HTTPS from the agent's security group only (a separate rule: the groups reference each other).
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-endpoints-from-agent`,
      {
        securityGroupId: this.endpointSecurityGroup.id,
        referencedSecurityGroupId: this.agentSecurityGroup.id,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        description: 'HTTPS from the agent security group',
        tags: named('endpoints-from-agent'),
      },
      child,
    );
    const flow = createFlowLogs(ctx, key);
    this.flowLogGroup = flow.group;
    this.flowLog = flow.flowLog;

    this.subnetIds = pulumi.all(this.agentSubnets.map((subnet) => subnet.id));
    this.securityGroupIds = pulumi.all([this.agentSecurityGroup.id]);
    this.registerOutputs({
      vpcId: this.vpc.id,
      subnetIds: this.subnetIds,
      securityGroupIds: this.securityGroupIds,
      firewallArn: this.firewall?.arn,
    });
  }
}
