/**
 * Pure builders for the network boundary: the subnet layout, the VPC endpoints the agent's AWS calls
 * need, the firewall's domain allowlist and policy, and the security group rules.
 */
import { InputError } from '../../../errors.js';
import { argError } from './args.js';
import { dnsSuffixOf, partitionOf } from './arn.js';
import { type PolicyDocument, serviceOf, type Statement, toPolicyDocument, uniqueSorted } from './policy-document.js';

const COMPONENT = 'NetworkBoundary';

/** Parses `a.b.c.d/p` into a 32-bit base and prefix; errors name the arg. */
export function parseCidr(cidr: string, arg = 'cidrBlock'): { base: number; prefix: number } {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const prefix = Number(match?.[5]);
  if (match === null || octets.some((octet) => octet > 255) || prefix > 32)
    throw argError(COMPONENT, arg, 'be an IPv4 CIDR such as 10.64.0.0/16', cidr);
  const base = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  if (base % 2 ** (32 - prefix) !== 0) throw argError(COMPONENT, arg, 'have no host bits set', cidr);
  return { base, prefix };
}

function formatCidr(base: number, prefix: number): string {
  return `${[24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256).join('.')}/${prefix}`;
}

export interface SubnetLayout {
  /** Private subnets the agent runs in (one per AZ); no route to an internet gateway. */
  readonly agent: readonly string[];
  /** Network Firewall endpoint subnets (one per AZ), only when egress goes through the firewall. */
  readonly firewall: readonly string[];
  /** NAT gateway subnets (one per AZ), only when egress goes through the firewall. */
  readonly public: readonly string[];
}

/**
 * Splits the VPC CIDR (/16 to /22) in quarters: one quarter per AZ for agent subnets (at most 3 AZs),
 * the last quarter carved into /28s for firewall and NAT subnets.
 */
export function buildSubnetLayout(cidr: string, azCount: number, withEgress: boolean): SubnetLayout {
  const { base, prefix } = parseCidr(cidr);
  if (prefix < 16 || prefix > 22) throw argError(COMPONENT, 'cidrBlock', 'have a prefix between /16 and /22', cidr);
  if (!Number.isInteger(azCount) || azCount < 1 || azCount > 3)
    throw argError(COMPONENT, 'availabilityZones', 'list 1 to 3 zones', azCount);
  const quarter = 2 ** (32 - prefix - 2);
  const agent = Array.from({ length: azCount }, (_, i) => formatCidr(base + i * quarter, prefix + 2));
  if (!withEgress) return { agent, firewall: [], public: [] };
  const last = base + 3 * quarter;
  const small = 16;
  return {
    agent,
    firewall: Array.from({ length: azCount }, (_, i) => formatCidr(last + i * small, 28)),
    public: Array.from({ length: azCount }, (_, i) => formatCidr(last + (4 + i) * small, 28)),
  };
}

/** Interface endpoint service names that differ from the IAM prefix. */
const ENDPOINT_SERVICES: Readonly<Record<string, readonly string[]>> = {
  bedrock: ['bedrock-runtime'],
  ecr: ['ecr.api', 'ecr.dkr'],
};

/** Services reached through gateway endpoints (route-table based, no ENI). */
export const GATEWAY_SERVICES: readonly string[] = ['dynamodb', 's3'];

/** Extra AWS services each runtime needs from inside the VPC. */
const RUNTIME_SERVICES: Readonly<Record<string, readonly string[]>> = {
  agentcore: ['bedrock-agentcore'],
  ecs: ['ecr', 's3', 'sts'],
  eks: ['ecr', 's3', 'sts'],
  lambda: [],
};

/** The endpoints the agent needs: its actions' services, its runtime's, and logs + KMS always. */
export function endpointServices(actions: readonly string[], runtime: string): { gateway: string[]; interface: string[] } {
  const services = uniqueSorted([...actions.map(serviceOf), ...(RUNTIME_SERVICES[runtime] ?? []), 'kms', 'logs']);
  const gateway = services.filter((service) => GATEWAY_SERVICES.includes(service));
  const iface = uniqueSorted(
    services
      .filter((service) => !GATEWAY_SERVICES.includes(service) && service !== 'iam')
      .flatMap((service) => ENDPOINT_SERVICES[service] ?? [service]),
  );
  return { gateway, interface: iface };
}

/** `com.amazonaws.<region>.<service>` (or the China prefix). */
export function endpointServiceName(region: string, service: string): string {
  const prefix = dnsSuffixOf(region) === 'amazonaws.com.cn' ? 'cn.com.amazonaws' : 'com.amazonaws';
  return `${prefix}.${region}.${service}`;
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The firewall's domain allowlist: exact host names from the API descriptors, lower-cased, sorted.
 * @throws InputError API_HOST_INVALID for a wildcard, an IP address, a port or anything else that is not a host name.
 */
export function buildAllowlistTargets(hosts: readonly string[]): string[] {
  return uniqueSorted(
    hosts.map((host) => {
      const normal = host.toLowerCase();
      if (!HOST.test(normal))
        throw new InputError(
          'API_HOST_INVALID',
          `API host must be an exact DNS name without wildcard, port or scheme (got ${JSON.stringify(host)})`,
        );
      return normal;
    }),
  );
}

/** The rule group capacity a domain list of this size needs (two target types per domain, with headroom). */
export function allowlistCapacity(targets: number): number {
  return Math.max(100, targets * 4);
}

/** The body of a stateful domain-allowlist rule group. */
export interface AllowlistRuleGroup {
  rulesSource: { rulesSourceList: { generatedRulesType: 'ALLOWLIST'; targetTypes: string[]; targets: string[] } };
  statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' };
}

/** The stateful domain-allowlist rule group body: generated ALLOWLIST rules over TLS SNI and HTTP Host. */
export function buildAllowlistRuleGroup(targets: readonly string[]): AllowlistRuleGroup {
  return {
    rulesSource: { rulesSourceList: { generatedRulesType: 'ALLOWLIST', targetTypes: ['HTTP_HOST', 'TLS_SNI'], targets: [...targets] } },
    statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
  };
}

/** The firewall policy body. */
export interface FirewallPolicySpec {
  statelessDefaultActions: string[];
  statelessFragmentDefaultActions: string[];
  statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' };
  statefulDefaultActions: string[];
  statefulRuleGroupReferences: { resourceArn: string; priority: number }[];
}

/**
 * The firewall policy: every packet goes to the stateful engine, which evaluates the allowlist in
 * strict order and drops (and logs) every established flow that no rule passed.
 */
export function buildFirewallPolicy(ruleGroupArns: readonly string[]): FirewallPolicySpec {
  return {
    statelessDefaultActions: ['aws:forward_to_sfe'],
    statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
    statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
    statefulDefaultActions: ['aws:alert_established', 'aws:drop_established'],
    statefulRuleGroupReferences: ruleGroupArns.map((resourceArn, index) => ({ resourceArn, priority: (index + 1) * 10 })),
  };
}

export interface SecurityGroupRule {
  readonly description: string;
  readonly protocol: 'tcp';
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrBlocks?: readonly string[];
  readonly securityGroups?: readonly string[];
  readonly prefixListIds?: readonly string[];
}

/**
 * The agent's egress: HTTPS to the VPC endpoints' security group and the gateway endpoints' prefix
 * lists, and with a firewall HTTPS to the internet, which the route tables send through the firewall
 * (a transparent hop: security groups see the real destination, so the allowlist is enforced by the
 * firewall's default-drop domain rules, not by a CIDR here).
 */
export function buildAgentEgress(
  endpointSecurityGroupId: string,
  gatewayPrefixLists: readonly string[],
  withFirewall: boolean,
): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [
    {
      description: 'HTTPS to AWS service endpoints in this VPC',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      securityGroups: [endpointSecurityGroupId],
    },
  ];
  if (gatewayPrefixLists.length > 0) {
    rules.push({
      description: 'HTTPS to S3/DynamoDB gateway endpoints',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      prefixListIds: [...gatewayPrefixLists],
    });
  }
  if (withFirewall) {
    rules.push({
      description: 'HTTPS to allow-listed API hosts, routed through the Network Firewall (default drop)',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrBlocks: ['0.0.0.0/0'],
    });
  }
  return rules;
}

/** One availability zone of the boundary: the agent subnet, and with egress the firewall and NAT subnets. */
export interface ZoneSpec {
  readonly zone: string;
  readonly agentCidr: string;
  /** Present when egress goes through the firewall. */
  readonly egress?: { readonly firewallCidr: string; readonly publicCidr: string };
}

/** The per-zone records the boundary is built from: one per zone, each with its own address blocks. */
export function buildZoneSpecs(cidr: string, zones: readonly string[], withEgress: boolean): ZoneSpec[] {
  const layout = buildSubnetLayout(cidr, zones.length, withEgress);
  return zones.map((zone, i) => {
    const agentCidr = layout.agent[i];
    const firewallCidr = layout.firewall[i];
    const publicCidr = layout.public[i];
    if (agentCidr === undefined) throw argError(COMPONENT, 'availabilityZones', 'list 1 to 3 zones', zones);
    return firewallCidr !== undefined && publicCidr !== undefined
      ? { zone, agentCidr, egress: { firewallCidr, publicCidr } }
      : { zone, agentCidr };
  });
}

/** The AWS-owned bucket that holds ECR image layers in a region (pulled through the S3 gateway endpoint). */
export function ecrLayerBucket(region: string): string {
  return `prod-${region}-starport-layer-bucket`;
}

/**
 * An endpoint's policy: any action by a principal of the agent's account on resources of that
 * account (aws:ResourceAccount), so the endpoint cannot carry data to another account's bucket or
 * key. Bedrock also reaches the AWS-owned foundation models of the region; the S3 endpoint of a
 * container runtime also reads the region's ECR layer bucket.
 */
export function buildEndpointPolicy(account: string, region: string, service: string, runtime: string): PolicyDocument {
  const partition = partitionOf(region);
  const statements: Statement[] = [
    {
      Sid: 'AgentAccountResourcesOnly',
      Effect: 'Allow',
      Principal: '*',
      Action: ['*'],
      Resource: ['*'],
      Condition: { StringEquals: { 'aws:PrincipalAccount': account, 'aws:ResourceAccount': account } },
    },
  ];
  if (service === 'bedrock-runtime') {
    statements.push({
      Sid: 'FoundationModelsOfTheRegion',
      Effect: 'Allow',
      Principal: '*',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [`arn:${partition}:bedrock:${region}::foundation-model/*`],
      Condition: { StringEquals: { 'aws:PrincipalAccount': account } },
    });
  }
  if (service === 's3' && (runtime === 'ecs' || runtime === 'eks')) {
    statements.push({
      Sid: 'EcrImageLayers',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject'],
      Resource: [`arn:${partition}:s3:::${ecrLayerBucket(region)}/*`],
      Condition: { StringEquals: { 'aws:PrincipalAccount': account } },
    });
  }
  return toPolicyDocument(statements);
}
