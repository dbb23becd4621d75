/**
 * The stack's network as a graph: VPCs and their address ranges, subnets, the route table each
 * subnet uses (explicit association, else its VPC's main table), the routes of each table and where
 * they lead (internet, NAT, egress-only and transit gateways, peering, the Network Firewall endpoint,
 * other endpoints and interfaces), the managed prefix lists, and the agent's runtimes with the
 * subnets and security groups they are attached to. Pure: built from the planned resources only.
 */
import { present } from '../../invariant.js';
import type { PlannedResource, StackView } from '../types.js';
import { getPath, readValue } from '../values.js';
import { parseCidr, union, type Range } from './cidr.js';
import { firewallEndpoints, refIndex, type Ref } from './refs.js';
import { GROUP_TYPES } from './security-groups.js';

export const VPC = 'aws:ec2/vpc:Vpc';
export const SUBNET = 'aws:ec2/subnet:Subnet';
export const ROUTE_TABLE = 'aws:ec2/routeTable:RouteTable';
export const DEFAULT_ROUTE_TABLE = 'aws:ec2/defaultRouteTable:DefaultRouteTable';
export const ROUTE = 'aws:ec2/route:Route';
export const ASSOCIATION = 'aws:ec2/routeTableAssociation:RouteTableAssociation';
export const MAIN_ASSOCIATION = 'aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation';
export const FIREWALL = 'aws:networkfirewall/firewall:Firewall';
export const VPC_ENDPOINT = 'aws:ec2/vpcEndpoint:VpcEndpoint';
export const PREFIX_LIST = 'aws:ec2/managedPrefixList:ManagedPrefixList';
export const PREFIX_LIST_ENTRY = 'aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry';
const CIDR_ASSOCIATION = 'aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation';
const IPV6_ASSOCIATION = 'aws:ec2/vpcIpv6CidrBlockAssociation:VpcIpv6CidrBlockAssociation';
const TABLES = [ROUTE_TABLE, DEFAULT_ROUTE_TABLE] as const;

/** Where a route sends traffic. */
export type RouteTarget =
  | { readonly kind: 'firewall'; readonly firewall: PlannedResource; readonly id: string }
  | { readonly kind: 'gateway-endpoint'; readonly endpoint: PlannedResource; readonly id: string }
  | {
      readonly kind:
        | 'internet-gateway'
        | 'nat-gateway'
        | 'egress-only-gateway'
        | 'transit-gateway'
        | 'peering'
        | 'vpc-endpoint'
        | 'network-interface'
        | 'other';
      readonly field: string;
      readonly ref: Ref;
    }
  | { readonly kind: 'unknown'; readonly field: string };

/** Where a route's destination lies. */
export type RouteDestination =
  | { readonly kind: 'ranges'; readonly text: string; readonly ranges: readonly Range[] }
  | { readonly kind: 'unresolved'; readonly text: string; readonly why: string }
  | { readonly kind: 'unknown'; readonly field: string };

/** One route of a table (inline or a separate `aws:ec2/route:Route`). */
export interface RouteEdge {
  readonly source: PlannedResource;
  readonly destination: RouteDestination;
  readonly target: RouteTarget;
}

/** The route table a subnet uses, as far as the plan tells. */
export type SubnetTable =
  | { readonly kind: 'table'; readonly table: PlannedResource; readonly how: 'associated' | 'main' }
  | { readonly kind: 'implicit-main'; readonly vpc: Ref }
  | { readonly kind: 'unknown'; readonly why: string };

/** A compute resource of the agent and what it is attached to. */
export interface RuntimeNode {
  readonly resource: PlannedResource;
  readonly subnets: readonly Ref[];
  readonly groups: readonly Ref[];
}

const TARGET_FIELDS: readonly [string, Exclude<RouteTarget['kind'], 'firewall' | 'gateway-endpoint' | 'unknown'>][] = [
  ['gatewayId', 'internet-gateway'],
  ['natGatewayId', 'nat-gateway'],
  ['egressOnlyGatewayId', 'egress-only-gateway'],
  ['transitGatewayId', 'transit-gateway'],
  ['vpcPeeringConnectionId', 'peering'],
  ['vpcEndpointId', 'vpc-endpoint'],
  ['networkInterfaceId', 'network-interface'],
  ['instanceId', 'network-interface'],
  ['carrierGatewayId', 'other'],
  ['localGatewayId', 'other'],
  ['coreNetworkArn', 'other'],
];

/** The resource types a route target field names (to follow an unknown one through its dependencies). */
const TARGET_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  gatewayId: ['aws:ec2/internetGateway:InternetGateway', 'aws:ec2/vpnGateway:VpnGateway'],
  natGatewayId: ['aws:ec2/natGateway:NatGateway'],
  egressOnlyGatewayId: ['aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway'],
  transitGatewayId: ['aws:ec2transitgateway/transitGateway:TransitGateway'],
  vpcPeeringConnectionId: ['aws:ec2/vpcPeeringConnection:VpcPeeringConnection'],
  vpcEndpointId: [FIREWALL, VPC_ENDPOINT],
  networkInterfaceId: ['aws:ec2/networkInterface:NetworkInterface'],
  instanceId: ['aws:ec2/instance:Instance'],
});

/** How each runtime type names its subnets and security groups (plain paths; EKS node groups also inherit groups). */
const RUNTIMES: Readonly<
  Record<string, { readonly subnets: string; readonly groups?: string; readonly when?: (r: PlannedResource) => boolean }>
> = Object.freeze({
  'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime': {
    subnets: 'networkConfiguration.networkModeConfig.subnets',
    groups: 'networkConfiguration.networkModeConfig.securityGroups',
  },
  'aws:ecs/service:Service': { subnets: 'networkConfiguration.subnets', groups: 'networkConfiguration.securityGroups' },
  'aws:lambda/function:Function': { subnets: 'vpcConfig.subnetIds', groups: 'vpcConfig.securityGroupIds' },
  'aws:eks/cluster:Cluster': { subnets: 'vpcConfig.subnetIds', groups: 'vpcConfig.securityGroupIds' },
  'aws:eks/nodeGroup:NodeGroup': { subnets: 'subnetIds' },
});

/** The stack's network graph. */
export interface NetworkGraph {
  /** The address ranges of a VPC (primary and associated blocks, IPv4 and IPv6). */
  vpcRanges(vpc: PlannedResource): readonly Range[];
  /** The VPC of a subnet, group or endpoint (its `vpcId`). */
  vpcOf(resource: PlannedResource): Ref;
  /** The ranges of a subnet. */
  subnetRanges(subnet: PlannedResource): readonly Range[];
  /** The table a subnet uses. */
  tableOf(subnet: PlannedResource): SubnetTable;
  /** Every route of a table. */
  routesOf(table: PlannedResource): readonly RouteEdge[];
  /** The agent's runtimes (AgentCore in VPC mode, ECS services, Lambda functions and EKS clusters/node groups with VPC config). */
  readonly runtimes: readonly RuntimeNode[];
  /** Firewalls in a VPC (any VPC when the firewall's VPC does not resolve). */
  firewallsIn(vpc: PlannedResource | undefined): readonly PlannedResource[];
  /** The ranges of a prefix list defined in the stack, or why it cannot be read. */
  prefixList(
    id: string,
  ):
    | { readonly kind: 'ranges'; readonly ranges: readonly Range[]; readonly list: PlannedResource }
    | { readonly kind: 'gateway-endpoint'; readonly endpoint: PlannedResource }
    | { readonly kind: 'undefined' };
}

const cache = new WeakMap<StackView, NetworkGraph>();

/** Builds (once per stack view) the network graph of a stack. */
export function networkGraph(stack: StackView): NetworkGraph {
  const cached = cache.get(stack);
  if (cached !== undefined) return cached;
  const refs = refIndex(stack);
  const rangesOf = (props: Readonly<Record<string, unknown>>, keys: readonly string[]): Range[] =>
    keys.flatMap((key) => {
      const value = readValue(props, key);
      const range = value.kind === 'value' && typeof value.value === 'string' ? parseCidr(value.value) : undefined;
      return range === undefined ? [] : [range];
    });

  const extraRanges = new Map<PlannedResource, Range[]>();
  for (const association of stack.ofType(CIDR_ASSOCIATION, IPV6_ASSOCIATION)) {
    for (const vpc of resolvedOf(refs.prop(association, 'vpcId', [VPC]))) {
      extraRanges.set(vpc, [...(extraRanges.get(vpc) ?? []), ...rangesOf(association.props, ['cidrBlock', 'ipv6CidrBlock'])]);
    }
  }
  const vpcRanges = (vpc: PlannedResource): readonly Range[] =>
    union([...rangesOf(vpc.props, ['cidrBlock', 'ipv6CidrBlock']), ...(extraRanges.get(vpc) ?? [])]);

  const associated = new Map<PlannedResource, Ref[]>();
  for (const association of stack.ofType(ASSOCIATION)) {
    const subnetRef = refs.prop(association, 'subnetId', [SUBNET]);
    for (const subnet of resolvedOf(subnetRef))
      associated.set(subnet, [...(associated.get(subnet) ?? []), refs.prop(association, 'routeTableId', TABLES)]);
  }
  const unknownAssociations = stack.ofType(ASSOCIATION).filter((a) => refs.prop(a, 'subnetId', [SUBNET]).kind === 'unknown');
  const mainTables = new Map<PlannedResource, PlannedResource>();
  for (const main of stack.ofType(MAIN_ASSOCIATION)) {
    const table = resolvedOf(refs.prop(main, 'routeTableId', TABLES))[0];
    for (const vpc of resolvedOf(refs.prop(main, 'vpcId', [VPC]))) if (table !== undefined) mainTables.set(vpc, table);
  }
  const vpcs = stack.ofType(VPC);
  for (const table of stack.ofType(DEFAULT_ROUTE_TABLE)) {
    const owner = vpcs.filter(
      (vpc) => vpc.props['defaultRouteTableId'] !== undefined && vpc.props['defaultRouteTableId'] === table.props['defaultRouteTableId'],
    );
    const vpc = owner[0] ?? (vpcs.length === 1 ? vpcs[0] : undefined);
    if (vpc !== undefined && !mainTables.has(vpc)) mainTables.set(vpc, table);
  }

  const separateRoutes = new Map<PlannedResource, PlannedResource[]>();
  for (const route of stack.ofType(ROUTE)) {
    for (const table of resolvedOf(refs.prop(route, 'routeTableId', TABLES)))
      separateRoutes.set(table, [...(separateRoutes.get(table) ?? []), route]);
  }

  const prefixEntries = new Map<PlannedResource, Range[]>();
  for (const entry of stack.ofType(PREFIX_LIST_ENTRY)) {
    for (const list of resolvedOf(refs.prop(entry, 'prefixListId', [PREFIX_LIST])))
      prefixEntries.set(list, [...(prefixEntries.get(list) ?? []), ...rangesOf(entry.props, ['cidr'])]);
  }
  const prefixList: NetworkGraph['prefixList'] = (id) => {
    const ref = refs.resolve(id, [PREFIX_LIST, VPC_ENDPOINT]);
    const list = resolvedOf(ref).find((r) => r.type === PREFIX_LIST);
    if (list !== undefined) {
      const inline = readValue(list.props, 'entries');
      const entries = inline.kind === 'value' && Array.isArray(inline.value) ? inline.value : [];
      const ranges = entries.flatMap((entry) => rangesOf({ cidr: getPath(entry, 'cidr') }, ['cidr']));
      return { kind: 'ranges', ranges: union([...ranges, ...(prefixEntries.get(list) ?? [])]), list };
    }
    const endpoint = resolvedOf(ref).find((r) => r.type === VPC_ENDPOINT && r.props['prefixListId'] === id);
    return endpoint !== undefined ? { kind: 'gateway-endpoint', endpoint } : { kind: 'undefined' };
  };

  const destinationOf = (props: Readonly<Record<string, unknown>>, keys: readonly [string, string, string]): RouteDestination => {
    const [v4, v6, list] = keys;
    for (const key of [v4, v6]) {
      const value = readValue(props, key);
      if (value.kind === 'unknown' || value.kind === 'secret') return { kind: 'unknown', field: key };
      if (value.kind === 'value' && value.value !== '') {
        const range = typeof value.value === 'string' ? parseCidr(value.value) : undefined;
        return range === undefined
          ? { kind: 'unresolved', text: String(value.value), why: 'is not a CIDR block' }
          : { kind: 'ranges', text: value.value as string, ranges: [range] };
      }
    }
    const value = readValue(props, list);
    if (value.kind === 'unknown' || value.kind === 'secret') return { kind: 'unknown', field: list };
    if (value.kind === 'value' && typeof value.value === 'string' && value.value !== '') {
      const resolvedList = prefixList(value.value);
      if (resolvedList.kind === 'ranges')
        return { kind: 'ranges', text: `prefix list ${JSON.stringify(value.value)}`, ranges: resolvedList.ranges };
      return {
        kind: 'unresolved',
        text: `prefix list ${JSON.stringify(value.value)}`,
        why: resolvedList.kind === 'gateway-endpoint' ? 'is an AWS service prefix list' : 'is not defined in the stack',
      };
    }
    return { kind: 'unresolved', text: 'no destination', why: 'has no destination' };
  };

  const targetOf = (props: Readonly<Record<string, unknown>>, owner: PlannedResource, root: string): RouteTarget => {
    for (const [field, kind] of TARGET_FIELDS) {
      const value = readValue(props, field);
      if (value.kind === 'absent' || (value.kind === 'value' && value.value === '')) continue;
      if (value.kind === 'secret') return { kind: 'unknown', field };
      // a value unknown before deploy, or an id the plan does not show, is followed through the
      // route property's recorded dependencies
      let ref: Ref = value.kind === 'value' ? refs.resolve(value.value) : { kind: 'unknown' };
      if (ref.kind !== 'resolved') {
        const dependency = refs.dependency(owner, root === '' ? field : root, TARGET_TYPES[field] ?? []);
        if (dependency.kind === 'resolved') ref = { ...dependency, value: value.kind === 'value' ? String(value.value) : dependency.value };
      }
      if (ref.kind === 'unknown') return { kind: 'unknown', field };
      if (field === 'vpcEndpointId' && ref.kind === 'resolved') {
        const id = ref.value;
        const firewall = ref.resources.find(
          (r) => r.type === FIREWALL && (firewallEndpoints(r).includes(id) || firewallEndpoints(r).length === 0),
        );
        if (firewall !== undefined) return { kind: 'firewall', firewall, id };
        const endpoint = ref.resources.find((r) => r.type === VPC_ENDPOINT && r.props['vpcEndpointType'] === 'Gateway');
        if (endpoint !== undefined) return { kind: 'gateway-endpoint', endpoint, id };
      }
      // `gatewayId` also takes a virtual private gateway or a gateway endpoint: named by what it resolves to
      const actual =
        field === 'gatewayId' && ref.kind === 'resolved' && !ref.resources.some((r) => r.type === 'aws:ec2/internetGateway:InternetGateway')
          ? 'other'
          : kind;
      return { kind: actual, field, ref };
    }
    return { kind: 'unknown', field: 'target' };
  };

  const routes = new Map<PlannedResource, RouteEdge[]>();
  const routesOf = (table: PlannedResource): readonly RouteEdge[] => {
    const known = routes.get(table);
    if (known !== undefined) return known;
    const out: RouteEdge[] = [];
    const inline = readValue(table.props, 'routes');
    if (inline.kind === 'unknown' || inline.kind === 'secret')
      out.push({ source: table, destination: { kind: 'unknown', field: 'routes' }, target: { kind: 'unknown', field: 'routes' } });
    for (const route of inline.kind === 'value' && Array.isArray(inline.value) ? inline.value : []) {
      const props = typeof route === 'object' && route !== null ? (route as Record<string, unknown>) : {};
      out.push({
        source: table,
        destination: destinationOf(props, ['cidrBlock', 'ipv6CidrBlock', 'destinationPrefixListId']),
        target: targetOf(props, table, 'routes'),
      });
    }
    for (const route of separateRoutes.get(table) ?? []) {
      out.push({
        source: route,
        destination: destinationOf(route.props, ['destinationCidrBlock', 'destinationIpv6CidrBlock', 'destinationPrefixListId']),
        target: targetOf(route.props, route, ''),
      });
    }
    routes.set(table, out);
    return out;
  };

  const tableOf = (subnet: PlannedResource): SubnetTable => {
    const explicit = associated.get(subnet) ?? [];
    const table = explicit.flatMap(resolvedOf)[0];
    if (table !== undefined) return { kind: 'table', table, how: 'associated' };
    const pending = explicit.find((ref) => ref.kind !== 'resolved');
    if (pending !== undefined)
      return {
        kind: 'unknown',
        why:
          pending.kind === 'external'
            ? `its route table ${JSON.stringify(pending.value)} is not defined in the stack`
            : 'its route table is unknown until deploy',
      };
    if (unknownAssociations.length > 0) return { kind: 'unknown', why: 'a route table association names a subnet unknown until deploy' };
    const vpc = refs.prop(subnet, 'vpcId', [VPC]);
    const main = resolvedOf(vpc)
      .map((v) => mainTables.get(v))
      .find((t) => t !== undefined);
    return main !== undefined ? { kind: 'table', table: main, how: 'main' } : { kind: 'implicit-main', vpc };
  };

  const runtimes: RuntimeNode[] = [];
  for (const [type, shape] of Object.entries(RUNTIMES)) {
    for (const resource of stack.ofType(type)) {
      if (
        type === 'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime' &&
        resource.props['networkConfiguration'] !== undefined &&
        getPath(resource.props, 'networkConfiguration.networkMode') === 'PUBLIC'
      )
        continue;
      const subnets = refs.propList(resource, shape.subnets, [SUBNET]);
      if (subnets.length === 0) continue;
      const groups = shape.groups === undefined ? [] : [...refs.propList(resource, shape.groups, GROUP_TYPES)];
      if (type === 'aws:eks/nodeGroup:NodeGroup') {
        // nodes carry the cluster's groups and those of their launch template
        for (const cluster of resolvedOf(refs.prop(resource, 'clusterName', ['aws:eks/cluster:Cluster'])))
          groups.push(...refs.propList(cluster, 'vpcConfig.securityGroupIds', GROUP_TYPES));
        for (const template of resolvedOf(refs.prop(resource, 'launchTemplate.id', ['aws:ec2/launchTemplate:LaunchTemplate'])))
          groups.push(...refs.propList(template, 'vpcSecurityGroupIds', GROUP_TYPES));
      }
      runtimes.push({ resource, subnets, groups });
    }
  }

  const firewalls = stack.ofType(FIREWALL);
  const firewallVpc = new Map(firewalls.map((fw) => [fw, refs.prop(fw, 'vpcId', [VPC])] as const));
  const graph: NetworkGraph = {
    vpcRanges,
    vpcOf: (resource) => refs.prop(resource, 'vpcId', [VPC]),
    subnetRanges: (subnet) => rangesOf(subnet.props, ['cidrBlock', 'ipv6CidrBlock']),
    tableOf,
    routesOf,
    runtimes,
    firewallsIn: (vpc) =>
      firewalls.filter((fw) => {
        const ref = present(firewallVpc.get(fw), 'the VPC reference of a firewall');
        return vpc === undefined || ref.kind !== 'resolved' || ref.resources.includes(vpc);
      }),
    prefixList,
  };
  cache.set(stack, graph);
  return graph;
}

function resolvedOf(ref: Ref): readonly PlannedResource[] {
  return ref.kind === 'resolved' ? ref.resources : [];
}

/** The agent's subnets: every subnet a runtime is attached to, with the references that did not resolve. */
export function agentSubnets(graph: NetworkGraph): {
  readonly subnets: readonly PlannedResource[];
  readonly unresolved: readonly { runtime: PlannedResource; ref: Ref }[];
} {
  const subnets = new Set<PlannedResource>();
  const unresolved: { runtime: PlannedResource; ref: Ref }[] = [];
  for (const runtime of graph.runtimes) {
    for (const ref of runtime.subnets) {
      if (ref.kind === 'resolved') ref.resources.forEach((s) => subnets.add(s));
      else unresolved.push({ runtime: runtime.resource, ref });
    }
  }
  return { subnets: [...subnets], unresolved };
}

/** The agent's security groups: every group a runtime is attached to. */
export function agentGroups(graph: NetworkGraph): {
  readonly groups: readonly PlannedResource[];
  readonly unresolved: readonly { runtime: PlannedResource; ref: Ref }[];
} {
  const groups = new Set<PlannedResource>();
  const unresolved: { runtime: PlannedResource; ref: Ref }[] = [];
  for (const runtime of graph.runtimes) {
    for (const ref of runtime.groups) {
      if (ref.kind === 'resolved') ref.resources.forEach((g) => groups.add(g));
      else unresolved.push({ runtime: runtime.resource, ref });
    }
  }
  return { groups: [...groups], unresolved };
}
