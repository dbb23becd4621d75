/**
 * Network rules: agent security groups take no ingress and reach the internet only through the
 * firewall; the firewall drops by default and allowlists only verified API hosts; AgentCore
 * runtimes run in a VPC; gateways authorise callers and enforce their policy engine.
 */
import { companions, label, secretViolation, showList, unknownViolation, violation } from './stack.js';
import type { PlannedResource, ResourceRule, StackRule, Violation } from './types.js';
import { getPath, isRecord, isSecret, isUnknown, show } from './values.js';

const ASI02 = 'ASI02 Tool Misuse & Exploitation';
const LLM02 = 'LLM02:2025 Sensitive Information Disclosure';
const SG = 'aws:ec2/securityGroup:SecurityGroup';
/** The VPC's default group: managed in place, with inline rules like any other group. */
const DEFAULT_SG = 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
const SG_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
const INGRESS = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
const EGRESS = 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule';
/** A CIDR that covers every address: any /0 (`0.0.0.0/0`, `::/0`, or a non-canonical `10.0.0.0/0`). */
function isOpen(cidr: unknown): cidr is string {
  return typeof cidr === 'string' && /\/0+$/.test(cidr.trim());
}

interface NetRule {
  readonly resource: PlannedResource;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
  readonly cidrs: readonly unknown[];
  readonly hasSource: boolean;
}

/** Every ingress/egress rule in the stack, from inline blocks and from separate rule resources. */
function collectNetRules(resources: readonly PlannedResource[]): NetRule[] {
  const out: NetRule[] = [];
  for (const resource of resources) {
    if (resource.type === SG || resource.type === DEFAULT_SG) {
      for (const direction of ['ingress', 'egress'] as const) {
        const blocks = resource.props[direction];
        if (isUnknown(blocks)) {
          out.push({ resource, direction, protocol: blocks, fromPort: blocks, toPort: blocks, cidrs: [blocks], hasSource: true });
          continue;
        }
        for (const block of Array.isArray(blocks) ? blocks : []) {
          if (isUnknown(block)) {
            out.push({ resource, direction, protocol: block, fromPort: block, toPort: block, cidrs: [block], hasSource: true });
            continue;
          }
          if (!isRecord(block)) continue;
          // An unknown CIDR list is kept as unknown: it may be 0.0.0.0/0.
          const cidrs = [...asArray(block['cidrBlocks']), ...asArray(block['ipv6CidrBlocks'])];
          const hasSource = cidrs.length > 0 || (Array.isArray(block['securityGroups']) && block['securityGroups'].length > 0) || block['self'] === true || (Array.isArray(block['prefixListIds']) && block['prefixListIds'].length > 0);
          out.push({ resource, direction, protocol: block['protocol'], fromPort: block['fromPort'], toPort: block['toPort'], cidrs, hasSource });
        }
      }
    } else if (resource.type === SG_RULE) {
      const type = resource.props['type'];
      const cidrs = [...asArray(resource.props['cidrBlocks']), ...asArray(resource.props['ipv6CidrBlocks'])];
      // A rule whose direction is not known is checked as both.
      const directions = type === 'ingress' ? (['ingress'] as const) : type === 'egress' ? (['egress'] as const) : (['ingress', 'egress'] as const);
      for (const direction of directions) {
        out.push({ resource, direction, protocol: resource.props['protocol'], fromPort: resource.props['fromPort'], toPort: resource.props['toPort'], cidrs, hasSource: true });
      }
    } else if (resource.type === INGRESS || resource.type === EGRESS) {
      const cidrs = [resource.props['cidrIpv4'], resource.props['cidrIpv6']].filter((c) => c !== undefined);
      out.push({ resource, direction: resource.type === INGRESS ? 'ingress' : 'egress', protocol: resource.props['ipProtocol'], fromPort: resource.props['fromPort'], toPort: resource.props['toPort'], cidrs, hasSource: true });
    }
  }
  return out;
}

function asArray(value: unknown): unknown[] {
  if (isUnknown(value)) return [value];
  return Array.isArray(value) ? value : [];
}

type IngressConfig = { agentGroupPattern: string };

function nameTag(resource: PlannedResource): string | undefined {
  const tags = resource.props['tags'];
  const name = isRecord(tags) ? tags['Name'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** Agents are callers, never servers: no ingress from the internet anywhere, none at all to an agent. */
export const securityGroupNoIngress: StackRule<IngressConfig> = {
  kind: 'stack',
  id: 'security-group-no-ingress',
  title: 'No ingress to agents, none from the internet',
  description:
    'Checks whether any security group admits ingress from 0.0.0.0/0 or ::/0, and whether an agent security group (name or Name tag matching agentGroupPattern) admits any ingress at all.',
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
    const agentGroup = new RegExp(config.agentGroupPattern);
    const isAgentGroup = (r: PlannedResource) => r.type === SG && (agentGroup.test(r.name) || agentGroup.test(nameTag(r) ?? ''));
    // Separate rule resources that add ingress to an agent group (by securityGroupId).
    const onAgentGroup = new Map<PlannedResource, PlannedResource>();
    for (const group of stack.ofType(SG).filter(isAgentGroup)) {
      for (const rule of companions(stack, group, [SG_RULE, INGRESS], 'securityGroupId')) onAgentGroup.set(rule, group);
    }
    const out: Violation[] = [];
    for (const rule of collectNetRules(stack.ofType(SG, DEFAULT_SG, SG_RULE, INGRESS))) {
      if (rule.direction !== 'ingress') continue;
      const ports = `ports ${show(rule.fromPort)}-${show(rule.toPort)}`;
      if (isAgentGroup(rule.resource)) {
        out.push(violation(rule.resource, `${label(rule.resource)} is an agent security group and must have no ingress (got an ingress rule on ${ports})`));
        continue;
      }
      const group = onAgentGroup.get(rule.resource);
      if (group !== undefined) {
        out.push(violation(rule.resource, `${label(rule.resource)} adds ingress to agent ${label(group)}, which must have no ingress (got an ingress rule on ${ports})`));
        continue;
      }
      if (rule.cidrs.some(isUnknown)) {
        out.push(unknownViolation(rule.resource, 'ingress source'));
        continue;
      }
      if (rule.cidrs.some(isSecret)) {
        out.push(secretViolation(rule.resource, 'ingress source'));
        continue;
      }
      const open = rule.cidrs.filter(isOpen);
      if (open.length > 0) out.push(violation(rule.resource, `${label(rule.resource)} must not admit ingress from the internet (got ${showList(open)} on ${ports})`));
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
    'Checks whether any security group allows egress to 0.0.0.0/0 or ::/0; only TCP 443 is tolerated, and only when the stack routes egress through an AWS Network Firewall.',
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
    const hasFirewall = stack.ofType('aws:networkfirewall/firewall:Firewall').length > 0;
    const out: Violation[] = [];
    for (const rule of collectNetRules(stack.ofType(SG, DEFAULT_SG, SG_RULE, EGRESS))) {
      if (rule.direction !== 'egress') continue;
      if (rule.cidrs.some(isUnknown)) {
        out.push(unknownViolation(rule.resource, 'egress destination'));
        continue;
      }
      if (rule.cidrs.some(isSecret)) {
        out.push(secretViolation(rule.resource, 'egress destination'));
        continue;
      }
      const open = rule.cidrs.filter(isOpen);
      if (open.length === 0) continue;
      // The protocol may be given by name or by IANA number ("6" is TCP).
      const tls = ['tcp', '6'].includes(String(rule.protocol).toLowerCase()) && rule.fromPort === 443 && rule.toPort === 443;
      if (tls && config.allowTlsEgressThroughFirewall && hasFirewall) continue;
      const why = tls ? 'and the stack has no Network Firewall' : `protocol ${show(rule.protocol)} ports ${show(rule.fromPort)}-${show(rule.toPort)}`;
      out.push(violation(rule.resource, `${label(rule.resource)} must not allow open egress except TLS through the firewall (got ${showList(open)} ${why})`));
    }
    return out;
  },
};

/** The firewall's answer to anything not allowlisted must be drop. */
export const firewallDefaultDrop: ResourceRule = {
  kind: 'resource',
  id: 'network-firewall-default-drop',
  title: 'Firewall drops by default',
  description: 'Checks whether a Network Firewall policy forwards stateless traffic to the stateful engine (or drops it) and drops by default in the stateful engine (aws:drop_strict or aws:drop_established).',
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
      else if (!Array.isArray(stateless) || stateless.length === 0 || stateless.some((a) => a !== 'aws:forward_to_sfe' && a !== 'aws:drop')) {
        out.push(violation(resource, `${label(resource)} ${key} must be aws:forward_to_sfe or aws:drop (got ${show(stateless)})`));
      }
    }
    if (isUnknown(stateful)) out.push(unknownViolation(resource, 'statefulDefaultActions'));
    else if (!Array.isArray(stateful) || !stateful.some((a) => a === 'aws:drop_strict' || a === 'aws:drop_established')) {
      out.push(violation(resource, `${label(resource)} statefulDefaultActions must include aws:drop_strict or aws:drop_established (got ${show(stateful)})`));
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
  const got = (what: string) => violation(resource, `${label(resource)} must let traffic through only by a domain ALLOWLIST of verified API hosts (got ${what})`);
  for (const [where, text] of [['rules', resource.props['rules']], ['rulesString', getPath(source, 'rulesString')]] as const) {
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
      return Array.isArray(list) ? list : [list];
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
    if (kind !== 'ALLOWLIST') return [violation(resource, `${label(resource)} must be an ALLOWLIST (got generatedRulesType ${show(kind)})`)];
    if (isUnknown(targets) || (Array.isArray(targets) && targets.some(isUnknown))) return [unknownViolation(resource, 'targets')];
    let allowed = config.allowedDomains;
    if (allowed === undefined) {
      const loaded = context.verification(config.agent);
      if (!loaded.ok) return [violation(resource, `${label(resource)} allowlist must be checked against verified API hosts (got ${loaded.problem})`)];
      // another agent's verified hosts say nothing about this agent's APIs
      if (config.agent !== undefined && loaded.report.agent !== config.agent) {
        return [violation(resource, `${label(resource)} allowlist must be checked against the verified API hosts of agent ${show(config.agent)} (got a report for ${show(loaded.report.agent)})`)];
      }
      allowed = [...loaded.report.verifiedHosts];
    }
    const outside = (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string' && !domainAllowed(t, allowed));
    return outside.length === 0 ? [] : [violation(resource, `${label(resource)} allowlist must contain only verified API hosts (got unverified ${showList(outside)})`)];
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
    return type === 'CUSTOM_JWT' || type === 'AWS_IAM' ? [] : [violation(resource, `${label(resource)} authorizerType must be CUSTOM_JWT or AWS_IAM (got ${show(type)})`)];
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

export const networkRules = [
  securityGroupNoIngress,
  securityGroupNoOpenEgress,
  firewallDefaultDrop,
  firewallAllowlistVerified,
  agentcoreRuntimeInVpc,
  agentcoreGatewayAuthorizer,
  agentcoreGatewayPolicyEnforced,
] as const;
