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
import { accountRootArn, agentTags, argError, arn, assertAction, assertAgentName, assertArn, assertOneOf, assertScope, type AwsScope, physicalName, toPolicyDocument } from './builders/common.js';
import { resolveRetention } from './builders/audit.js';
import { buildKeyPolicy, logsKeyUser } from './builders/kms.js';
import {
  allowlistCapacity,
  buildAgentEgress,
  buildAllowlistRuleGroup,
  buildAllowlistTargets,
  buildFirewallPolicy,
  buildSubnetLayout,
  endpointServiceName,
  endpointServices,
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
  if (args.egress === 'none' && (args.allowedHosts ?? []).length > 0) throw argError(COMPONENT, 'allowedHosts', "be empty when egress is 'none'", args.allowedHosts);
  try {
    buildAllowlistTargets(args.allowedHosts ?? []);
  } catch (error) {
    throw argError(COMPONENT, 'allowedHosts', 'list exact DNS host names', (error as Error).message);
  }
  (args.actions ?? []).forEach((action, i) => assertAction(COMPONENT, `actions[${i}]`, action));
  const zones = args.availabilityZones ?? [];
  zones.forEach((zone, i) => {
    if (typeof zone !== 'string' || !zone.startsWith(args.scope.region)) throw argError(COMPONENT, `availabilityZones[${i}]`, `be a zone of ${args.scope.region}`, zone);
  });
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
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
    super(NetworkBoundary.__pulumiType, name, {}, opts);
    validateNetworkBoundaryArgs(args);
    const { scope } = args;
    const child = { parent: this };
    const withFirewall = args.egress === 'firewall';
    const zones = args.availabilityZones ?? [`${scope.region}a`, `${scope.region}b`];
    const layout = buildSubnetLayout(args.cidrBlock ?? '10.64.0.0/16', zones.length, withFirewall);
    const tags = agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier });
    const named = (role: string): Record<string, string> => ({ ...tags, Name: `agentfence-${args.agentName}-${role}` });
    const flowGroupName = `/agentfence/${args.agentName}/network/flow-logs`;
    const firewallGroupName = `/agentfence/${args.agentName}/network/firewall`;
    const retention = resolveRetention(args.flowLogRetentionDays ?? 365, 'low');

    this.vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: args.cidrBlock ?? '10.64.0.0/16', enableDnsHostnames: true, enableDnsSupport: true, tags: named('vpc') }, child);
    // The default security group allows all traffic between its members: strip every rule from it.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: this.vpc.id, ingress: [], egress: [], tags: named('default-deny') }, child);

    zones.forEach((zone, i) => {
      this.agentSubnets.push(
        new aws.ec2.Subnet(`${name}-agent-${zone}`, { vpcId: this.vpc.id, cidrBlock: layout.agent[i]!, availabilityZone: zone, mapPublicIpOnLaunch: false, tags: named(`agent-${zone}`) }, child),
      );
    });

    // ---- egress path (firewall mode): agent subnet -> firewall endpoint -> NAT -> internet gateway ----
    let firewallEndpointIds: pulumi.Output<string>[] = [];
    const networkKey = new aws.kms.Key(
      `${name}-logs-key`,
      {
        description: `Encrypts network logs of agent ${args.agentName}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          buildKeyPolicy(
            scope,
            [logsKeyUser(scope, [arn(scope, 'logs', `log-group:${flowGroupName}`), arn(scope, 'logs', `log-group:${firewallGroupName}`)])],
            args.keyAdmins ?? [accountRootArn(scope)],
          ),
        ),
        tags,
      },
      child,
    );
    if (withFirewall) {
      const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: named('igw') }, child);
      const firewallSubnets = zones.map(
        (zone, i) => new aws.ec2.Subnet(`${name}-firewall-${zone}`, { vpcId: this.vpc.id, cidrBlock: layout.firewall[i]!, availabilityZone: zone, mapPublicIpOnLaunch: false, tags: named(`firewall-${zone}`) }, child),
      );
      const publicSubnets = zones.map(
        (zone, i) => new aws.ec2.Subnet(`${name}-nat-${zone}`, { vpcId: this.vpc.id, cidrBlock: layout.public[i]!, availabilityZone: zone, mapPublicIpOnLaunch: false, tags: named(`nat-${zone}`) }, child),
      );
      const targets = buildAllowlistTargets(args.allowedHosts ?? []);
      const groups: aws.networkfirewall.RuleGroup[] = [];
      if (targets.length > 0) {
        groups.push(
          new aws.networkfirewall.RuleGroup(
            `${name}-allowlist`,
            {
              name: physicalName(['agentfence', args.agentName, 'allowlist'], 128),
              description: `Domains agent ${args.agentName} may reach: the hosts of its signed API descriptors.`,
              type: 'STATEFUL',
              capacity: allowlistCapacity(targets.length),
              ruleGroup: buildAllowlistRuleGroup(targets),
              encryptionConfiguration: { type: 'CUSTOMER_KMS', keyId: networkKey.arn },
              tags,
            },
            child,
          ),
        );
      }
      const policy = new aws.networkfirewall.FirewallPolicy(
        `${name}-firewall-policy`,
        {
          name: physicalName(['agentfence', args.agentName, 'egress'], 128),
          description: `Egress policy of agent ${args.agentName}: allowlisted domains pass, every other established flow is dropped.`,
          firewallPolicy: pulumi.all(groups.map((group) => group.arn)).apply((arns) => buildFirewallPolicy(arns)),
          encryptionConfiguration: { type: 'CUSTOMER_KMS', keyId: networkKey.arn },
          tags,
        },
        child,
      );
      this.firewall = new aws.networkfirewall.Firewall(
        `${name}-firewall`,
        {
          name: physicalName(['agentfence', args.agentName], 128),
          vpcId: this.vpc.id,
          firewallPolicyArn: policy.arn,
          subnetMappings: firewallSubnets.map((subnet) => ({ subnetId: subnet.id })),
          deleteProtection: true,
          subnetChangeProtection: true,
          firewallPolicyChangeProtection: true,
          encryptionConfiguration: { type: 'CUSTOMER_KMS', keyId: networkKey.arn },
          tags,
        },
        child,
      );
      const firewall = this.firewall;
      firewallEndpointIds = firewallSubnets.map((subnet) =>
        pulumi.all([firewall.firewallStatuses, subnet.id]).apply(([statuses, subnetId]) => {
          const attachment = (statuses ?? []).flatMap((status) => status.syncStates ?? []).flatMap((state) => state.attachments ?? []).find((a) => a.subnetId === subnetId);
          if (attachment?.endpointId === undefined) throw new Error(`NetworkBoundary: no firewall endpoint in subnet ${subnetId}`);
          return attachment.endpointId;
        }),
      );
      const firewallLogGroup = new aws.cloudwatch.LogGroup(
        `${name}-firewall-logs`,
        { name: firewallGroupName, retentionInDays: retention, kmsKeyId: networkKey.arn, tags },
        child,
      );
      new aws.networkfirewall.LoggingConfiguration(
        `${name}-firewall-logging`,
        {
          firewallArn: this.firewall.arn,
          loggingConfiguration: {
            logDestinationConfigs: [{ logDestination: { logGroup: firewallLogGroup.name }, logDestinationType: 'CloudWatchLogs', logType: 'ALERT' }],
          },
        },
        child,
      );
      zones.forEach((zone, i) => {
        const eip = new aws.ec2.Eip(`${name}-nat-ip-${zone}`, { domain: 'vpc', tags: named(`nat-ip-${zone}`) }, { parent: this, dependsOn: [igw] });
        const nat = new aws.ec2.NatGateway(`${name}-nat-${zone}`, { subnetId: publicSubnets[i]!.id, allocationId: eip.id, tags: named(`nat-${zone}`) }, child);
        // NAT subnet: out to the internet gateway; traffic back to the agent subnet returns through the firewall (symmetric).
        const publicRoutes = new aws.ec2.RouteTable(
          `${name}-nat-rt-${zone}`,
          {
            vpcId: this.vpc.id,
            routes: [
              { cidrBlock: '0.0.0.0/0', gatewayId: igw.id },
              { cidrBlock: layout.agent[i]!, vpcEndpointId: firewallEndpointIds[i]! },
            ],
            tags: named(`nat-rt-${zone}`),
          },
          child,
        );
        new aws.ec2.RouteTableAssociation(`${name}-nat-rta-${zone}`, { subnetId: publicSubnets[i]!.id, routeTableId: publicRoutes.id }, child);
        const firewallRoutes = new aws.ec2.RouteTable(
          `${name}-firewall-rt-${zone}`,
          { vpcId: this.vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }], tags: named(`firewall-rt-${zone}`) },
          child,
        );
        new aws.ec2.RouteTableAssociation(`${name}-firewall-rta-${zone}`, { subnetId: firewallSubnets[i]!.id, routeTableId: firewallRoutes.id }, child);
      });
    }

    // Agent subnets: the only default route is the firewall endpoint; with egress none, no default route at all.
    const agentRouteTables = zones.map((zone, i) => {
      const table = new aws.ec2.RouteTable(
        `${name}-agent-rt-${zone}`,
        { vpcId: this.vpc.id, routes: withFirewall ? [{ cidrBlock: '0.0.0.0/0', vpcEndpointId: firewallEndpointIds[i]! }] : [], tags: named(`agent-rt-${zone}`) },
        child,
      );
      new aws.ec2.RouteTableAssociation(`${name}-agent-rta-${zone}`, { subnetId: this.agentSubnets[i]!.id, routeTableId: table.id }, child);
      return table;
    });

    // ---- AWS service endpoints ----
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
    const services = endpointServices(args.actions ?? [], args.runtime);
    const gatewayEndpoints = services.gateway.map(
      (service) =>
        new aws.ec2.VpcEndpoint(
          `${name}-endpoint-${service}`,
          { vpcId: this.vpc.id, serviceName: endpointServiceName(scope.region, service), vpcEndpointType: 'Gateway', routeTableIds: agentRouteTables.map((table) => table.id), policy: endpointPolicy(scope.account), tags: named(`endpoint-${service}`) },
          child,
        ),
    );
    const interfaceEndpoints = services.interface.map(
      (service) =>
        new aws.ec2.VpcEndpoint(
          `${name}-endpoint-${service}`,
          {
            vpcId: this.vpc.id,
            serviceName: endpointServiceName(scope.region, service),
            vpcEndpointType: 'Interface',
            privateDnsEnabled: true,
            subnetIds: this.agentSubnets.map((subnet) => subnet.id),
            securityGroupIds: [this.endpointSecurityGroup.id],
            policy: endpointPolicy(scope.account),
            tags: named(`endpoint-${service}`),
          },
          child,
        ),
    );
    this.endpoints.push(...gatewayEndpoints, ...interfaceEndpoints);

    this.agentSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-agent-sg`,
      {
        vpcId: this.vpc.id,
        description: `Agent ${args.agentName}: no ingress; HTTPS egress to endpoints${withFirewall ? ' and through the firewall' : ' only'}`,
        ingress: [],
        egress: pulumi
          .all([this.endpointSecurityGroup.id, pulumi.all(gatewayEndpoints.map((endpoint) => endpoint.prefixListId))])
          .apply(([sg, prefixLists]) => buildAgentEgress(sg, prefixLists, withFirewall).map((rule) => ({ ...rule }) as aws.types.input.ec2.SecurityGroupEgress)),
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

    // ---- flow logs ----
    this.flowLogGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { name: flowGroupName, retentionInDays: retention, kmsKeyId: networkKey.arn, tags }, child);
    const flowGroupArn = arn(scope, 'logs', `log-group:${flowGroupName}`);
    const flowDelivery = toPolicyDocument([
      { Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], Resource: [`${flowGroupArn}:log-stream:*`] },
    ]);
    const flowRole = createBoundedRole(this, `${name}-flow-logs-role`, {
      roleName: physicalName(['agentfence', args.agentName, 'flow-logs'], 64),
      description: `Delivers VPC flow logs of agent ${args.agentName}`,
      assumeRolePolicy: toPolicyDocument([
        {
          Sid: 'AssumeByFlowLogsOnly',
          Effect: 'Allow',
          Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
          Action: ['sts:AssumeRole'],
          Condition: { StringEquals: { 'aws:SourceAccount': scope.account }, ArnLike: { 'aws:SourceArn': arn(scope, 'ec2', 'vpc-flow-log/*') } },
        },
      ]),
      boundary: flowDelivery,
      tags,
    }).role;
    const flowPolicy = new aws.iam.RolePolicy(
      `${name}-flow-logs-policy`,
      {
        name: 'agentfence-flow-logs',
        role: flowRole.name,
        policy: JSON.stringify(flowDelivery),
      },
      child,
    );
    this.flowLog = new aws.ec2.FlowLog(
      `${name}-flow-log`,
      {
        vpcId: this.vpc.id,
        trafficType: 'ALL',
        logDestinationType: 'cloud-watch-logs',
        logDestination: this.flowLogGroup.arn,
        iamRoleArn: flowRole.arn,
        maxAggregationInterval: 60,
        tags: named('flow-log'),
      },
      { parent: this, dependsOn: [flowPolicy] },
    );

    this.subnetIds = pulumi.all(this.agentSubnets.map((subnet) => subnet.id));
    this.securityGroupIds = pulumi.all([this.agentSecurityGroup.id]);
    this.registerOutputs({ vpcId: this.vpc.id, subnetIds: this.subnetIds, securityGroupIds: this.securityGroupIds, firewallArn: this.firewall?.arn });
  }
}

/** An endpoint policy instead of AWS's default full access: only principals of the agent's own account may use the endpoint. */
function endpointPolicy(account: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'OwnAccountPrincipalsOnly', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': account } } }],
  });
}
