/**
 * Network rules: agent security groups take no ingress and reach the internet only through the
 * firewall; the firewall drops by default and allowlists only verified API hosts; AgentCore
 * runtimes run in a VPC; gateways authorise callers and enforce their policy engine.
 */
import { agentFacts, AGENT_FACT_SCHEMA, arnAccount } from './graph/agent.js';
import { coversInternet, INTERNET, intersect, parseCidr, showRange, subtract, union, type Family, type Range } from './graph/cidr.js';
import {
  agentGroups,
  agentSubnets,
  networkGraph,
  type NetworkGraph,
  type RouteEdge,
  type RouteTarget,
  VPC_ENDPOINT,
} from './graph/network.js';
import { endpointPolicies } from './graph/endpoints.js';
import { firstResource, refIndex, showRef, type Ref } from './graph/refs.js';
import { groupRules, isTlsOnly, SECURITY_GROUP, type GroupRule, type Peer } from './graph/security-groups.js';
import { parsePolicyDocument, allows, strings, type PolicyStatement } from './policy-document.js';
import { label, secretViolation, showList, unknownViolation, violation } from './violations.js';
import type { PlannedResource, ResourceRule, StackRule, StackView, Violation } from './types.js';
import { getPath, isRecord, isUnknown, readValue, show } from './values.js';

const ASI02 = 'ASI02 Tool Misuse & Exploitation';
const LLM02 = 'LLM02:2025 Sensitive Information Disclosure';
const SG = SECURITY_GROUP;
const FIREWALL = 'aws:networkfirewall/firewall:Firewall';
const FIREWALL_POLICY = 'aws:networkfirewall/firewallPolicy:FirewallPolicy';
const RULE_GROUP = 'aws:networkfirewall/ruleGroup:RuleGroup';

/** The ranges of a rule's CIDR peers (malformed blocks left out: reported where they matter). */
function cidrRanges(peers: readonly Peer[]): Range[] {
  return peers.flatMap((peer) => (peer.kind === 'cidr' && peer.range !== undefined ? [peer.range] : []));
}

/** Whether one rule's CIDR peers alone reach the whole internet of a family. */
function openFamilies(peers: readonly Peer[]): Family[] {
  const ranges = cidrRanges(peers);
  return ([4, 6] as const).filter((family) => coversInternet(ranges, family));
}

/** The CIDR texts of a rule that reach the internet (for messages). */
function publicTexts(peers: readonly Peer[]): string[] {
  return peers.flatMap((peer) =>
    peer.kind === 'cidr' && peer.range !== undefined && intersect([peer.range], INTERNET).length > 0 ? [peer.text] : [],
  );
}

function ports(rule: GroupRule): string {
  return `ports ${show(rule.fromPort)}-${show(rule.toPort)}`;
}

/** The first unknown or secret peer of a rule, as a violation. */
function unreadablePeer(rule: GroupRule, what: string): Violation | undefined {
  if (rule.peers.some((p) => p.kind === 'unknown')) return unknownViolation(rule.source, what);
  if (rule.peers.some((p) => p.kind === 'secret')) return secretViolation(rule.source, what);
  return undefined;
}

/** Groups joined by the union of their rules' ranges: rules that are not open one by one may be together. */
function openTogether(rules: readonly GroupRule[]): Map<PlannedResource, { rules: GroupRule[]; families: Family[] }> {
  const byGroup = new Map<PlannedResource, GroupRule[]>();
  for (const rule of rules) {
    if (rule.group.kind !== 'resolved') continue;
    for (const group of rule.group.resources) byGroup.set(group, [...(byGroup.get(group) ?? []), rule]);
  }
  const out = new Map<PlannedResource, { rules: GroupRule[]; families: Family[] }>();
  for (const [group, list] of byGroup) {
    const ranges = union(list.flatMap((rule) => cidrRanges(rule.peers)));
    const families = ([4, 6] as const).filter((family) => coversInternet(ranges, family));
    if (families.length > 0) out.set(group, { rules: list, families });
  }
  return out;
}

type IngressConfig = { agentGroupPattern: string };

function nameTag(resource: PlannedResource): string | undefined {
  const tags = resource.props['tags'];
  const name = isRecord(tags) ? tags['Name'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The agent's groups: attached to its runtimes, and (for stacks without runtimes) named like one. */
function agentGroupSet(stack: StackView, graph: NetworkGraph, pattern: string): Set<PlannedResource> {
  const named = new RegExp(pattern);
  const groups = new Set(agentGroups(graph).groups);
  for (const group of stack.ofType(SG)) if (named.test(group.name) || named.test(nameTag(group) ?? '')) groups.add(group);
  return groups;
}

/** Agents are callers, never servers: no ingress from the internet anywhere, none at all to an agent. */
export const securityGroupNoIngress: StackRule<IngressConfig> = {
  kind: 'stack',
  id: 'security-group-no-ingress',
  title: 'No ingress to agents, none from the internet',
  description:
    "Checks whether any security group admits ingress from the whole internet (one rule or several together, IPv4 or IPv6), and whether a group attached to the agent's runtimes (AgentCore, ECS, Lambda, EKS; or named like agentGroupPattern) admits any ingress at all.",
  severity: 'high',
  pillar: 'network',
  owasp: [ASI02, 'ASI07 Insecure Inter-Agent Communication'],
  checkov: 'CKV_AWS_24',
  defaultEnforcement: 'mandatory',
  remediation: 'Remove ingress rules from the agent security group; VPC endpoints admit only the agent subnets.',
  configSchema: {
    type: 'object',
    properties: { agentGroupPattern: { type: 'string', minLength: 1, default: '(^|-)agent-sg$' } },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    const graph = networkGraph(stack);
    const agent = agentGroupSet(stack, graph, config.agentGroupPattern);
    const out: Violation[] = [];
    // a runtime attached to a group the stack does not define cannot be shown to take no ingress
    for (const { runtime, ref } of agentGroups(graph).unresolved) {
      if (ref.kind === 'unknown') out.push(unknownViolation(runtime, 'security groups'));
      else
        out.push(
          violation(
            runtime,
            `${label(runtime)} must run in security groups defined in the stack, so their ingress can be checked (got ${showRef(ref)})`,
          ),
        );
    }
    const rest: GroupRule[] = [];
    for (const rule of groupRules(stack)) {
      if (rule.direction !== 'ingress') continue;
      const group = rule.group.kind === 'resolved' ? rule.group.resources.find((g) => agent.has(g)) : undefined;
      if (group !== undefined) {
        out.push(
          group === rule.source
            ? violation(
                rule.source,
                `${label(rule.source)} is an agent security group and must have no ingress (got an ingress rule on ${ports(rule)})`,
              )
            : violation(
                rule.source,
                `${label(rule.source)} adds ingress to agent ${label(group)}, which must have no ingress (got an ingress rule on ${ports(rule)})`,
              ),
        );
        continue;
      }
      const unreadable = unreadablePeer(rule, 'ingress source');
      if (unreadable !== undefined) {
        out.push(unreadable);
        continue;
      }
      if (openFamilies(rule.peers).length > 0) {
        out.push(
          violation(
            rule.source,
            `${label(rule.source)} must not admit ingress from the internet (got ${showList(publicTexts(rule.peers))} on ${ports(rule)})`,
          ),
        );
        continue;
      }
      rest.push(rule);
    }
    for (const [group, { rules }] of openTogether(rest)) {
      const texts = rules.flatMap((rule) => publicTexts(rule.peers));
      out.push(
        violation(group, `${label(group)} must not admit ingress from the internet (got rules that together cover it: ${showList(texts)})`),
      );
    }
    return out;
  },
};

type EgressConfig = { allowTlsEgressThroughFirewall: boolean };

/** Open egress is the exfiltration path; only TLS through the allowlisting firewall is tolerated. */
export const securityGroupNoOpenEgress: StackRule<EgressConfig> = {
  kind: 'stack',
  id: 'security-group-no-open-egress',
  title: 'No open egress except TLS through the firewall',
  description:
    'Checks whether any security group allows egress to the whole internet (one rule or several together, IPv4 or IPv6); only TCP 443 is tolerated, and only when the stack has an AWS Network Firewall (agent-subnet-egress-via-firewall checks the routes lead there).',
  severity: 'critical',
  pillar: 'network',
  owasp: [ASI02, LLM02],
  checkov: 'CKV_AWS_382',
  defaultEnforcement: 'mandatory',
  remediation: 'Restrict egress to TCP 443 towards the firewall and VPC endpoints.',
  configSchema: {
    type: 'object',
    properties: { allowTlsEgressThroughFirewall: { type: 'boolean', default: true } },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    const hasFirewall = stack.ofType(FIREWALL).length > 0;
    const tolerated = (rule: GroupRule) => isTlsOnly(rule) && config.allowTlsEgressThroughFirewall && hasFirewall;
    const out: Violation[] = [];
    const rest: GroupRule[] = [];
    for (const rule of groupRules(stack)) {
      if (rule.direction !== 'egress') continue;
      const unreadable = unreadablePeer(rule, 'egress destination');
      if (unreadable !== undefined) {
        out.push(unreadable);
        continue;
      }
      if (openFamilies(rule.peers).length === 0) {
        if (!tolerated(rule)) rest.push(rule);
        continue;
      }
      if (tolerated(rule)) continue;
      const why = isTlsOnly(rule) ? 'and the stack has no Network Firewall' : `protocol ${show(rule.protocol)} ${ports(rule)}`;
      out.push(
        violation(
          rule.source,
          `${label(rule.source)} must not allow open egress except TLS through the firewall (got ${showList(publicTexts(rule.peers))} ${why})`,
        ),
      );
    }
    for (const [group, { rules }] of openTogether(rest)) {
      const texts = rules.flatMap((rule) => publicTexts(rule.peers));
      out.push(
        violation(
          group,
          `${label(group)} must not allow open egress except TLS through the firewall (got rules that together cover the internet: ${showList(texts)})`,
        ),
      );
    }
    return out;
  },
};

/** The VPC ranges a group's rules may reach without leaving the agent network, or why they are unknown. */
function vpcRangesOf(graph: NetworkGraph, group: PlannedResource): { ranges: readonly Range[]; vpc?: PlannedResource } | { problem: Ref } {
  const ref = graph.vpcOf(group);
  if (ref.kind !== 'resolved') return { problem: ref };
  const vpc = firstResource(ref);
  return { ranges: graph.vpcRanges(vpc), vpc };
}

/** An agent's private egress stays in its VPC: other private networks are reached only through the firewall. */
export const agentEgressWithinVpc: StackRule<IngressConfig> = {
  kind: 'stack',
  id: 'agent-egress-within-vpc',
  title: 'Agent egress stays inside its VPC and endpoints',
  description:
    "Checks whether every private destination (one that reaches no internet address) of the agent's security groups lies inside the agent VPC's own ranges, and whether every prefix list they name is defined in the stack (its entries judged the same way) or is a gateway endpoint of the stack.",
  severity: 'high',
  pillar: 'network',
  owasp: [ASI02, LLM02],
  defaultEnforcement: 'mandatory',
  remediation: "Limit the agent group's egress to the VPC CIDR, the endpoints' security group and the gateway endpoints' prefix lists.",
  configSchema: {
    type: 'object',
    properties: { agentGroupPattern: { type: 'string', minLength: 1, default: '(^|-)agent-sg$' } },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    const graph = networkGraph(stack);
    const agent = agentGroupSet(stack, graph, config.agentGroupPattern);
    const egressOf = new Map<PlannedResource, GroupRule[]>();
    for (const rule of groupRules(stack)) {
      if (rule.direction !== 'egress' || rule.group.kind !== 'resolved') continue;
      for (const group of rule.group.resources) if (agent.has(group)) egressOf.set(group, [...(egressOf.get(group) ?? []), rule]);
    }
    const out: Violation[] = [];
    for (const group of agent) {
      const rules = egressOf.get(group) ?? [];
      if (rules.length === 0) continue;
      const inside = vpcRangesOf(graph, group);
      if ('problem' in inside) {
        if (inside.problem.kind === 'unknown') out.push(unknownViolation(group, 'vpcId'));
        else
          out.push(
            violation(
              group,
              `${label(group)} must sit in a VPC defined in the stack, so its egress can be judged (got vpcId ${showRef(inside.problem)})`,
            ),
          );
        continue;
      }
      const where =
        inside.vpc === undefined ? 'its VPC' : `${label(inside.vpc)} (${inside.ranges.map(showRangeText).join(', ') || 'no known range'})`;
      const judge = (rule: GroupRule, text: string, ranges: readonly Range[]) => {
        // a destination that reaches the internet is the open-egress rule's and the routes' to judge
        if (intersect(ranges, INTERNET).length > 0) return;
        const privateOutside = subtract(ranges, inside.ranges);
        if (privateOutside.length > 0)
          out.push(
            violation(
              rule.source,
              `${label(rule.source)} lets agent ${label(group)} reach ${text} outside ${where} (got private ${privateOutside.map(showRangeText).join(', ')} on ${ports(rule)})`,
            ),
          );
      };
      for (const rule of rules) {
        // prefix lists of gateway endpoints the rule's property depends on (ids a plan may not show on the endpoint)
        const lists = rule.peers.flatMap((peer) =>
          peer.kind === 'prefix-list' && peer.id.kind === 'value' && graph.prefixList(String(peer.id.value)).kind === 'undefined'
            ? [String(peer.id.value)]
            : [],
        );
        const viaEndpoints = new Set(
          refIndex(stack)
            .resolveEach(rule.source, rule.source === group ? 'egress' : 'prefixListId', lists, [VPC_ENDPOINT])
            .flatMap((ref, i) =>
              ref.kind === 'resolved' && ref.resources.every((r) => r.props['vpcEndpointType'] === 'Gateway') ? [lists[i]] : [],
            ),
        );
        for (const peer of rule.peers) {
          if (peer.kind === 'unknown') out.push(unknownViolation(rule.source, 'egress destination'));
          else if (peer.kind === 'secret') out.push(secretViolation(rule.source, 'egress destination'));
          else if (peer.kind === 'cidr') {
            if (peer.range === undefined)
              out.push(violation(rule.source, `${label(rule.source)} egress destination must be a CIDR block (got ${show(peer.text)})`));
            else judge(rule, show(peer.text), [peer.range]);
          } else if (peer.kind === 'prefix-list') {
            if (peer.id.kind === 'unknown') {
              out.push(unknownViolation(rule.source, 'prefix list'));
              continue;
            }
            const id = peer.id.kind === 'value' ? String(peer.id.value) : '[secret]';
            const list = graph.prefixList(id);
            if (list.kind === 'ranges') judge(rule, `prefix list ${show(id)}`, list.ranges);
            else if (list.kind === 'undefined' && !viaEndpoints.has(id))
              out.push(
                violation(
                  rule.source,
                  `${label(rule.source)} lets agent ${label(group)} reach prefix list ${show(id)}, which must be defined in the stack or be a gateway endpoint's (got an unknown list: its ranges cannot be checked)`,
                ),
              );
          }
        }
      }
    }
    return out;
  },
};

function showRangeText(range: Range): string {
  return showRange(range);
}

type RouteConfig = { allowedPrivateDestinations: string[] };

/** How a message names a route's target. */
function showTarget(target: RouteTarget): string {
  switch (target.kind) {
    case 'firewall':
      return `${label(target.firewall)} endpoint ${show(target.id)}`;
    case 'gateway-endpoint':
      return label(target.endpoint);
    case 'unknown':
      return `a target unknown until deploy (${target.field})`;
    default: {
      // a target the stack defines is named by its resource and id; any other by its kind and id
      if (target.ref.kind === 'resolved') return `${label(firstResource(target.ref))} (${target.ref.value})`;
      return `${target.kind.replace(/-/g, ' ')} ${showRef(target.ref)}`;
    }
  }
}

/** Route entries split per range with their prefix length, for longest-prefix matching. */
interface Entry {
  readonly route: RouteEdge;
  readonly text: string;
  readonly range: Range;
  readonly size: bigint;
}

/** The addresses each entry actually carries: its range minus those of more specific routes. */
function effective(entries: readonly Entry[], entry: Entry): Range[] {
  const longer = entries
    .filter((other) => other.range.family === entry.range.family && other.size < entry.size)
    .map((other) => other.range);
  return subtract([entry.range], longer);
}

/** Every agent subnet reaches the internet only through the Network Firewall endpoint. */
export const agentSubnetEgressViaFirewall: StackRule<RouteConfig> = {
  kind: 'stack',
  id: 'agent-subnet-egress-via-firewall',
  title: 'Agent subnets reach the internet only through the firewall',
  description:
    "Checks whether every subnet of the agent's runtimes (AgentCore VPC mode, ECS services, Lambda functions, EKS clusters and node groups) uses a route table in the stack whose routes carry every internet address (IPv4 and IPv6, longest prefix first) to a Network Firewall endpoint, and no private range outside the VPC to any other target.",
  severity: 'critical',
  pillar: 'network',
  owasp: [ASI02, LLM02],
  defaultEnforcement: 'mandatory',
  remediation:
    "Route the agent subnets' 0.0.0.0/0 (and ::/0) to the firewall endpoint of their zone; remove routes to internet, NAT, egress-only and transit gateways and peerings.",
  configSchema: {
    type: 'object',
    properties: { allowedPrivateDestinations: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] } },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    const graph = networkGraph(stack);
    const allowed = config.allowedPrivateDestinations.flatMap((text) => {
      const range = parseCidr(text);
      return range === undefined ? [] : [range];
    });
    const out: Violation[] = [];
    const { subnets, unresolved } = agentSubnets(graph);
    for (const { runtime, ref } of unresolved) {
      if (ref.kind === 'unknown') out.push(unknownViolation(runtime, 'subnets'));
      else
        out.push(
          violation(
            runtime,
            `${label(runtime)} must run in subnets defined in the stack, so their routes can be checked (got ${showRef(ref)})`,
          ),
        );
    }
    for (const subnet of subnets) {
      const vpcRef = graph.vpcOf(subnet);
      const vpc = vpcRef.kind === 'resolved' ? vpcRef.resources[0] : undefined;
      const firewalls = graph.firewallsIn(vpc);
      const bypassing =
        firewalls.length > 0
          ? `bypassing ${firewalls.map(label).join(', ')}`
          : `and ${vpc === undefined ? 'its VPC' : label(vpc)} has no Network Firewall`;
      const table = graph.tableOf(subnet);
      if (table.kind === 'unknown') {
        out.push(
          table.why.includes('unknown')
            ? unknownViolation(subnet, 'route table')
            : violation(subnet, `${label(subnet)} must use a route table defined in the stack (got ${table.why})`),
        );
        continue;
      }
      if (table.kind === 'implicit-main') {
        // AWS creates a VPC's main table with the local route only; a VPC outside the stack may have anything
        if (vpc === undefined)
          out.push(
            vpcRef.kind === 'unknown'
              ? unknownViolation(subnet, 'vpcId')
              : violation(
                  subnet,
                  `${label(subnet)} must use a route table defined in the stack (got the main table of VPC ${showRef(vpcRef)}, which the stack does not define)`,
                ),
          );
        continue;
      }
      const vpcRanges = vpc === undefined ? [] : graph.vpcRanges(vpc);
      const entries: Entry[] = [];
      for (const route of graph.routesOf(table.table)) {
        if (route.destination.kind === 'unknown') {
          out.push(unknownViolation(route.source, `route destination (${route.destination.field})`));
          continue;
        }
        if (route.target.kind === 'unknown') {
          out.push(unknownViolation(route.source, `route target (${route.target.field})`));
          continue;
        }
        if (route.destination.kind === 'unresolved') {
          if (route.target.kind !== 'firewall' && route.target.kind !== 'gateway-endpoint') {
            out.push(
              violation(
                route.source,
                `${label(subnet)} routes ${route.destination.text} to ${showTarget(route.target)}: the destination ${route.destination.why}, so it cannot be shown not to bypass the firewall`,
              ),
            );
          }
          continue;
        }
        for (const range of route.destination.ranges)
          entries.push({ route, text: route.destination.text, range, size: range.hi - range.lo + 1n });
      }
      for (const entry of entries) {
        const { target } = entry.route;
        if (target.kind === 'firewall' || target.kind === 'gateway-endpoint') continue;
        const carried = effective(entries, entry);
        const internet = intersect(carried, INTERNET);
        const how = `${label(subnet)} (route table ${JSON.stringify(table.table.name)}) routes ${entry.text} to ${showTarget(target)}`;
        if (internet.length > 0) {
          out.push(violation(entry.route.source, `${how}, ${bypassing}`));
          continue;
        }
        const privateOutside = subtract(subtract(carried, vpcRanges), allowed);
        if (privateOutside.length > 0)
          out.push(
            violation(
              entry.route.source,
              `${how}, out of ${vpc === undefined ? 'its VPC' : label(vpc)} without passing a firewall (got private ${privateOutside.map(showRangeText).join(', ')})`,
            ),
          );
      }
    }
    return out;
  },
};

/** The firewall's answer to anything not allowlisted must be drop. */
export const firewallDefaultDrop: ResourceRule = {
  kind: 'resource',
  id: 'network-firewall-default-drop',
  title: 'Firewall drops by default',
  description:
    'Checks whether a Network Firewall policy forwards stateless traffic to the stateful engine (or drops it), drops by default in the stateful engine (aws:drop_strict or aws:drop_established, not only an alert) and uses STRICT_ORDER, without which the stateful default actions do not apply.',
  severity: 'critical',
  pillar: 'network',
  owasp: [ASI02, LLM02],
  defaultEnforcement: 'mandatory',
  remediation: 'Set statelessDefaultActions ["aws:forward_to_sfe"] and statefulDefaultActions ["aws:drop_strict"] with STRICT_ORDER.',
  types: ['aws:networkfirewall/firewallPolicy:FirewallPolicy'],
  evaluate(resource) {
    const policy = resource.props['firewallPolicy'];
    if (isUnknown(policy)) return [unknownViolation(resource, 'firewallPolicy')];
    const out: Violation[] = [];
    const stateful = getPath(policy, 'statefulDefaultActions');
    // Packets and fragments alike: an aws:pass default lets them by the stateful engine unchecked.
    for (const key of ['statelessDefaultActions', 'statelessFragmentDefaultActions'] as const) {
      const stateless = getPath(policy, key);
      if (isUnknown(stateless)) out.push(unknownViolation(resource, key));
      else if (
        !Array.isArray(stateless) ||
        stateless.length === 0 ||
        stateless.some((a) => a !== 'aws:forward_to_sfe' && a !== 'aws:drop')
      ) {
        out.push(violation(resource, `${label(resource)} ${key} must be aws:forward_to_sfe or aws:drop (got ${show(stateless)})`));
      }
    }
    if (isUnknown(stateful)) out.push(unknownViolation(resource, 'statefulDefaultActions'));
    else if (!Array.isArray(stateful) || !stateful.some((a) => a === 'aws:drop_strict' || a === 'aws:drop_established')) {
      out.push(
        violation(
          resource,
          `${label(resource)} statefulDefaultActions must include aws:drop_strict or aws:drop_established (got ${show(stateful)})`,
        ),
      );
    }
    // stateful default actions apply only under strict rule order; the default order passes what no rule drops
    const order = readValue(policy, 'statefulEngineOptions.ruleOrder');
    if (order.kind === 'unknown') out.push(unknownViolation(resource, 'statefulEngineOptions.ruleOrder'));
    else if (order.kind !== 'value' || order.value !== 'STRICT_ORDER') {
      out.push(
        violation(
          resource,
          `${label(resource)} statefulEngineOptions.ruleOrder must be STRICT_ORDER for its default drop to apply (got ${order.kind === 'value' ? show(order.value) : 'DEFAULT_ACTION_ORDER by default'})`,
        ),
      );
    }
    return out;
  },
};

type AllowlistConfig = { allowedDomains?: string[]; agent?: string };

/**
 * Rules of a rule group that let traffic through other than by its domain list (Suricata `pass`,
 * stateful PASS, stateless aws:pass): they cannot be checked against the verified hosts.
 */
function passRules(resource: PlannedResource): Violation[] {
  const out: Violation[] = [];
  const source = getPath(resource.props, 'ruleGroup.rulesSource');
  const got = (what: string) =>
    violation(resource, `${label(resource)} must let traffic through only by a domain ALLOWLIST of verified API hosts (got ${what})`);
  for (const [where, text] of [
    ['rules', resource.props['rules']],
    ['rulesString', getPath(source, 'rulesString')],
  ] as const) {
    if (isUnknown(text)) out.push(unknownViolation(resource, where));
    else if (typeof text === 'string' && /^\s*pass\b/im.test(text)) out.push(got(`Suricata pass rules in ${where}`));
  }
  const stateful = getPath(source, 'statefulRules');
  if (isUnknown(stateful)) out.push(unknownViolation(resource, 'statefulRules'));
  else if (Array.isArray(stateful)) {
    const actions = stateful.map((rule) => getPath(rule, 'action'));
    if (actions.some(isUnknown)) out.push(unknownViolation(resource, 'statefulRules action'));
    else if (actions.some((a) => typeof a === 'string' && a.toUpperCase() === 'PASS')) out.push(got('stateful rules with action PASS'));
  }
  const stateless = getPath(source, 'statelessRulesAndCustomActions.statelessRules');
  if (isUnknown(stateless)) out.push(unknownViolation(resource, 'statelessRules'));
  else if (Array.isArray(stateless)) {
    const actions = stateless.flatMap((rule) => {
      const list = getPath(rule, 'ruleDefinition.actions');
      return Array.isArray(list) ? (list as unknown[]) : [list];
    });
    if (actions.some(isUnknown)) out.push(unknownViolation(resource, 'statelessRules actions'));
    else if (actions.includes('aws:pass')) out.push(got('stateless rules with action aws:pass'));
  }
  return out;
}

function domainAllowed(target: string, allowed: readonly string[]): boolean {
  const t = target.toLowerCase();
  return allowed.some((entry) => {
    const a = entry.toLowerCase();
    // A leading dot allows subdomains (Network Firewall syntax); otherwise exact host match.
    return a === t || (a.startsWith('.') && (t.endsWith(a) || t === a.slice(1)));
  });
}

/** Egress goes only where a signed, verified API descriptor says the agent may go. */
export const firewallAllowlistVerified: ResourceRule<AllowlistConfig> = {
  kind: 'resource',
  id: 'network-firewall-allowlist-verified',
  title: 'Firewall allowlist stays within verified APIs',
  description:
    'Checks whether a Network Firewall domain rule group is an ALLOWLIST whose every domain is a host of a verified API descriptor (allowedDomains, or verifiedHosts of the verification report).',
  severity: 'high',
  pillar: 'network',
  owasp: ['ASI04 Agentic Supply Chain Vulnerabilities', LLM02],
  defaultEnforcement: 'mandatory',
  remediation: 'Allow only the hosts of verified API descriptors; run `agentfence verify` after adding an API.',
  configSchema: {
    type: 'object',
    properties: {
      allowedDomains: { type: 'array', items: { type: 'string', minLength: 1 } },
      agent: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  },
  types: ['aws:networkfirewall/ruleGroup:RuleGroup'],
  evaluate(resource, config, context) {
    const passing = passRules(resource);
    if (passing.length > 0) return passing;
    const list = getPath(resource.props, 'ruleGroup.rulesSource.rulesSourceList');
    if (list === undefined) return [];
    if (isUnknown(list)) return [unknownViolation(resource, 'rulesSourceList')];
    const kind = getPath(list, 'generatedRulesType');
    const targets = getPath(list, 'targets');
    if (isUnknown(kind)) return [unknownViolation(resource, 'generatedRulesType')];
    if (kind !== 'ALLOWLIST')
      return [violation(resource, `${label(resource)} must be an ALLOWLIST (got generatedRulesType ${show(kind)})`)];
    if (isUnknown(targets) || (Array.isArray(targets) && targets.some(isUnknown))) return [unknownViolation(resource, 'targets')];
    let allowed = config.allowedDomains;
    if (allowed === undefined) {
      const loaded = context.verification(config.agent);
      if (!loaded.ok)
        return [violation(resource, `${label(resource)} allowlist must be checked against verified API hosts (got ${loaded.problem})`)];
      // another agent's verified hosts say nothing about this agent's APIs
      if (config.agent !== undefined && loaded.report.agent !== config.agent) {
        return [
          violation(
            resource,
            `${label(resource)} allowlist must be checked against the verified API hosts of agent ${show(config.agent)} (got a report for ${show(loaded.report.agent)})`,
          ),
        ];
      }
      allowed = [...loaded.report.verifiedHosts];
    }
    const outside = (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string' && !domainAllowed(t, allowed));
    return outside.length === 0
      ? []
      : [violation(resource, `${label(resource)} allowlist must contain only verified API hosts (got unverified ${showList(outside)})`)];
  },
};

/** A PUBLIC runtime bypasses every VPC control above. */
export const agentcoreRuntimeInVpc: ResourceRule = {
  kind: 'resource',
  id: 'agentcore-runtime-in-vpc',
  title: 'AgentCore runtimes run in a VPC',
  description: 'Checks whether an AgentCore agent runtime uses network mode VPC, not PUBLIC.',
  severity: 'critical',
  pillar: 'network',
  owasp: [ASI02, LLM02],
  defaultEnforcement: 'mandatory',
  remediation: 'Set networkConfiguration.networkMode to VPC with the agent subnets and security group.',
  types: ['aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime'],
  evaluate(resource) {
    const mode = getPath(resource.props, 'networkConfiguration.networkMode');
    if (isUnknown(mode)) return [unknownViolation(resource, 'networkConfiguration.networkMode')];
    return mode === 'VPC' ? [] : [violation(resource, `${label(resource)} must run in network mode VPC (got ${show(mode)})`)];
  },
};

/** An unauthenticated gateway lets anyone drive the agent's tools. */
export const agentcoreGatewayAuthorizer: ResourceRule = {
  kind: 'resource',
  id: 'agentcore-gateway-authorizer',
  title: 'AgentCore gateways authorise callers',
  description: 'Checks whether an AgentCore gateway has an authorizer (CUSTOM_JWT or AWS_IAM), never NONE.',
  severity: 'critical',
  pillar: 'network',
  owasp: [ASI02, 'ASI03 Identity & Privilege Abuse'],
  defaultEnforcement: 'mandatory',
  remediation: 'Set authorizerType to CUSTOM_JWT (with allowed clients/audiences) or AWS_IAM.',
  types: ['aws:bedrock/agentcoreGateway:AgentcoreGateway'],
  evaluate(resource) {
    const type = resource.props['authorizerType'];
    if (isUnknown(type)) return [unknownViolation(resource, 'authorizerType')];
    return type === 'CUSTOM_JWT' || type === 'AWS_IAM'
      ? []
      : [violation(resource, `${label(resource)} authorizerType must be CUSTOM_JWT or AWS_IAM (got ${show(type)})`)];
  },
};

/** A policy engine in LOG_ONLY records tool abuse instead of stopping it. */
export const agentcoreGatewayPolicyEnforced: ResourceRule = {
  kind: 'resource',
  id: 'agentcore-gateway-policy-engine-enforce',
  title: 'AgentCore gateways enforce their policy engine',
  description: 'Checks whether an AgentCore gateway has a policy engine attached in ENFORCE mode.',
  severity: 'high',
  pillar: 'network',
  owasp: [ASI02],
  defaultEnforcement: 'mandatory',
  remediation: 'Set policyEngineConfiguration { arn, mode: "ENFORCE" }.',
  types: ['aws:bedrock/agentcoreGateway:AgentcoreGateway'],
  evaluate(resource) {
    const mode = getPath(resource.props, 'policyEngineConfiguration.mode');
    if (isUnknown(mode)) return [unknownViolation(resource, 'policyEngineConfiguration.mode')];
    return mode === 'ENFORCE' ? [] : [violation(resource, `${label(resource)} policy engine must be in ENFORCE mode (got ${show(mode)})`)];
  },
};

/** The rule group ARNs a firewall policy references, with where. */
function ruleGroupReferences(policy: PlannedResource): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  for (const key of ['statefulRuleGroupReferences', 'statelessRuleGroupReferences'] as const) {
    const list = readValue(policy.props, `firewallPolicy.${key}`);
    if (list.kind === 'unknown') out.push({ where: key, value: getPath(policy.props, `firewallPolicy.${key}`) });
    for (const entry of list.kind === 'value' && Array.isArray(list.value) ? list.value : [])
      out.push({ where: key, value: getPath(entry, 'resourceArn') });
  }
  return out;
}

/** A rule group the stack does not define cannot be shown to pass only verified hosts. */
export const firewallRuleGroupsDefined: StackRule = {
  kind: 'stack',
  id: 'network-firewall-rule-groups-defined',
  title: 'Firewall rule groups are defined in the stack',
  description:
    'Checks whether every stateful and stateless rule group a firewall policy references by ARN, and the policy every firewall uses, is defined in the stack, where the allowlist rules can verify it; a reference to anything else is unverifiable.',
  severity: 'medium',
  pillar: 'network',
  owasp: [ASI02, 'ASI04 Agentic Supply Chain Vulnerabilities'],
  defaultEnforcement: 'advisory',
  remediation: 'Define the rule groups in the stack (or accept the advisory for an AWS-managed threat list you reviewed).',
  evaluateStack(stack) {
    const refs = refIndex(stack);
    const out: Violation[] = [];
    for (const policy of stack.ofType(FIREWALL_POLICY)) {
      const references = ruleGroupReferences(policy);
      const resolvedRefs = refs.resolveEach(
        policy,
        'firewallPolicy',
        references.map((r) => r.value),
        [RULE_GROUP],
      );
      for (const [i, { where }] of references.entries()) {
        const ref = resolvedRefs[i] ?? { kind: 'absent' as const };
        if (ref.kind === 'unknown') out.push(unknownViolation(policy, `${where} resourceArn`));
        else if (ref.kind !== 'resolved')
          out.push(
            violation(
              policy,
              `${label(policy)} ${where} must name rule groups defined in the stack, so their rules can be verified (got ${showRef(ref)}, unverifiable)`,
            ),
          );
      }
    }
    for (const firewall of stack.ofType(FIREWALL)) {
      const ref = refIndex(stack).prop(firewall, 'firewallPolicyArn', [FIREWALL_POLICY]);
      if (ref.kind === 'unknown') out.push(unknownViolation(firewall, 'firewallPolicyArn'));
      else if (ref.kind !== 'resolved')
        out.push(
          violation(
            firewall,
            `firewall ${JSON.stringify(firewall.name)} must use a firewall policy defined in the stack (got ${showRef(ref)}, unverifiable)`,
          ),
        );
    }
    return out;
  },
};

type AgentFactConfig = { account?: string; region?: string; riskTier?: string; alarmEmail?: string; agentRoleArn?: string };
const FACTS_SCHEMA = { type: 'object', properties: { ...AGENT_FACT_SCHEMA }, additionalProperties: false } as const;

/** Without TLS inspection the firewall sees only the SNI host name, never what a high-risk agent sends. */
export const firewallTlsInspection: StackRule<AgentFactConfig> = {
  kind: 'stack',
  id: 'network-firewall-tls-inspection',
  title: 'High-risk agents have TLS inspection',
  description:
    "Checks whether every firewall policy of a high-risk agent (rule config riskTier, else the components' record or the agentfence:risk-tier tag) sets a TLS inspection configuration.",
  severity: 'low',
  pillar: 'network',
  owasp: [LLM02],
  // opt-in: inspection needs a CA the owner provides, so it is a note asked for, not a default finding
  defaultEnforcement: 'disabled',
  remediation: 'Add an aws.networkfirewall.TlsInspectionConfiguration and set firewallPolicy.tlsInspectionConfigurationArn.',
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    if (agentFacts(stack, config).riskTier !== 'high') return [];
    return stack.ofType(FIREWALL_POLICY).flatMap((policy) => {
      const tls = readValue(policy.props, 'firewallPolicy.tlsInspectionConfigurationArn');
      if (tls.kind === 'unknown' || tls.kind === 'value') return [];
      return [
        violation(
          policy,
          `${label(policy)} serves a high-risk agent and should inspect TLS (got no tlsInspectionConfigurationArn: the allowlist sees host names only)`,
        ),
      ];
    });
  },
};

/** Account-level condition keys that pin a statement to one account's resources. */
const RESOURCE_ACCOUNT_KEYS = ['aws:resourceaccount', 's3:resourceaccount'];

/** Why an Allow statement of an endpoint policy reaches beyond the agent's own resources, if it does. */
function beyondOwn(statement: PolicyStatement, account: string, buckets: ReadonlySet<string>): string | undefined {
  if (statement.notResources.length > 0) return 'NotResource';
  const pinned = Object.entries(statement.conditions).some(
    ([operator, block]) =>
      /^StringEquals$/i.test(operator) &&
      isRecord(block) &&
      Object.entries(block).some(
        ([key, value]) => RESOURCE_ACCOUNT_KEYS.includes(key.toLowerCase()) && [value].flat().every((v) => v === account),
      ),
  );
  if (pinned) return undefined;
  const { values, unknown } = strings(statement.resources);
  if (unknown) return 'a Resource unknown until deploy';
  const outside = values.filter((resource) => {
    if (resource === '*') return true;
    const bucket = /^arn:aws[a-z-]*:s3:::([^/*]+)/.exec(resource)?.[1];
    // the region's ECR layer bucket is AWS's own image storage, not a place data can be sent to
    if (bucket !== undefined) return !buckets.has(bucket) && !/^prod-[a-z0-9-]+-starport-layer-bucket$/.test(bucket);
    // an ARN with no account (a foundation model) names an AWS-owned resource nobody else can write to
    if (/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*::/.test(resource)) return false;
    return arnAccount(resource) !== account;
  });
  return outside.length > 0 ? `Resource ${showList(outside)} without an aws:ResourceAccount condition` : undefined;
}

/** An endpoint without a policy lets the agent reach any account's resources through it (exfiltration to an attacker's bucket). */
export const vpcEndpointPolicyScoped: StackRule<AgentFactConfig> = {
  kind: 'stack',
  id: 'vpc-endpoint-policy-scoped',
  title: "VPC endpoints reach only the agent's own resources",
  description:
    "Checks whether every interface and gateway VPC endpoint has a policy, inline or as an attached VpcEndpointPolicy (none means full access), whose Allow statements name only resources of the agent's account (S3: buckets defined in the stack) or pin aws:ResourceAccount to it.",
  severity: 'high',
  pillar: 'network',
  owasp: [LLM02, ASI02],
  checkov: 'CKV_AWS_123',
  defaultEnforcement: 'mandatory',
  remediation:
    "Set the endpoint policy: Allow the actions the agent uses with Condition StringEquals aws:ResourceAccount = the agent's account.",
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const facts = agentFacts(stack, config);
    const buckets = new Set(
      stack
        .ofType('aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2')
        .map((b) => b.props['bucket'])
        .filter((b): b is string => typeof b === 'string'),
    );
    const out: Violation[] = [];
    for (const { endpoint, holders } of endpointPolicies(stack)) {
      const own = typeof endpoint.props['arn'] === 'string' ? arnAccount(endpoint.props['arn']) : undefined;
      const account = facts.account ?? own;
      if (holders.length === 0) {
        out.push(
          violation(
            endpoint,
            `${label(endpoint)} must have a policy limited to the agent's own resources (got no policy: full access to every account's resources)`,
          ),
        );
        continue;
      }
      for (const { resource, policy } of holders) {
        if (policy.kind === 'unknown') {
          out.push(unknownViolation(resource, 'policy'));
          continue;
        }
        if (account === undefined) {
          out.push(
            violation(
              resource,
              `${label(resource)} policy cannot be judged against the agent's account (got no account: set rule config account)`,
            ),
          );
          continue;
        }
        const parsed = parsePolicyDocument(resource.props['policy']);
        if (parsed.kind !== 'document') {
          const got =
            parsed.kind === 'invalid' ? `an invalid document: ${parsed.reason}` : parsed.kind === 'secret' ? 'a secret' : 'no document';
          out.push(violation(resource, `${label(resource)} policy must be a readable policy document (got ${got})`));
          continue;
        }
        for (const statement of parsed.statements.filter(allows)) {
          const why = beyondOwn(statement, account, buckets);
          if (why !== undefined)
            out.push(
              violation(
                resource,
                `${label(resource)} policy must allow only resources of account ${account} (got statement ${show(statement.sid ?? 'without Sid')} with ${why})`,
              ),
            );
        }
      }
    }
    return out;
  },
};

/** Without private DNS the SDK resolves the public service endpoint, and the call leaves by the firewall instead of the endpoint. */
export const vpcEndpointPrivateDns: ResourceRule = {
  kind: 'resource',
  id: 'vpc-endpoint-private-dns',
  title: 'Interface endpoints resolve privately',
  description:
    'Checks whether an interface VPC endpoint has private DNS enabled, so the service name resolves to the endpoint inside the VPC.',
  severity: 'medium',
  pillar: 'network',
  owasp: [LLM02],
  defaultEnforcement: 'mandatory',
  remediation: 'Set privateDnsEnabled: true on the interface endpoint.',
  types: [VPC_ENDPOINT],
  evaluate(resource) {
    const type = readValue(resource.props, 'vpcEndpointType');
    if (type.kind === 'unknown') return [unknownViolation(resource, 'vpcEndpointType')];
    if (type.kind !== 'value' || type.value !== 'Interface') return [];
    const dns = readValue(resource.props, 'privateDnsEnabled');
    if (dns.kind === 'unknown') return [unknownViolation(resource, 'privateDnsEnabled')];
    return dns.kind === 'value' && dns.value === true
      ? []
      : [
          violation(
            resource,
            `${label(resource)} is an interface endpoint and must enable private DNS (got privateDnsEnabled ${dns.kind === 'value' ? show(dns.value) : 'not set'})`,
          ),
        ];
  },
};

export const networkRules = [
  securityGroupNoIngress,
  securityGroupNoOpenEgress,
  agentEgressWithinVpc,
  agentSubnetEgressViaFirewall,
  firewallDefaultDrop,
  firewallRuleGroupsDefined,
  firewallTlsInspection,
  vpcEndpointPolicyScoped,
  vpcEndpointPrivateDns,
  firewallAllowlistVerified,
  agentcoreRuntimeInVpc,
  agentcoreGatewayAuthorizer,
  agentcoreGatewayPolicyEnforced,
] as const;
