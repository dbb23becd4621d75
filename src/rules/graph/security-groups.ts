/**
 * Security group rules as the graph sees them: every ingress and egress rule of the stack, from
 * inline blocks and from separate rule resources (`SecurityGroupRule`, `SecurityGroupIngressRule`,
 * `SecurityGroupEgressRule`), bound to the group it belongs to by reference, with its peers read as
 * CIDR ranges, prefix lists, other groups or `self`.
 */
import type { PlannedResource, StackView } from '../types.js';
import { isRecord, readValue, type PlanValue } from '../values.js';
import { parseCidr, type Range } from './cidr.js';
import { refIndex, type Ref } from './refs.js';

export const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
export const DEFAULT_SECURITY_GROUP = 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
export const SECURITY_GROUP_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
export const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
export const EGRESS_RULE = 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule';
export const GROUP_TYPES = [SECURITY_GROUP, DEFAULT_SECURITY_GROUP] as const;

/** Where a rule lets traffic come from or go to. */
export type Peer =
  | { readonly kind: 'cidr'; readonly text: string; readonly range: Range | undefined }
  | { readonly kind: 'prefix-list'; readonly id: PlanValue }
  | { readonly kind: 'group'; readonly ref: Ref }
  | { readonly kind: 'self' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'secret' };

/** One ingress or egress rule. */
export interface GroupRule {
  /** The resource that declares it (the group for inline rules). */
  readonly source: PlannedResource;
  /** The group it belongs to. */
  readonly group: Ref;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
  readonly peers: readonly Peer[];
}

function listPeers(value: unknown, make: (entry: unknown) => Peer): Peer[] {
  const read = readValue({ value }, 'value');
  if (read.kind === 'absent') return [];
  if (read.kind === 'unknown') return [{ kind: 'unknown' }];
  if (read.kind === 'secret') return [{ kind: 'secret' }];
  return (Array.isArray(read.value) ? (read.value as unknown[]) : [read.value]).map((entry) => {
    const one = readValue({ entry }, 'entry');
    if (one.kind === 'unknown') return { kind: 'unknown' };
    if (one.kind === 'secret') return { kind: 'secret' };
    return make(entry);
  });
}

const cidrPeer = (entry: unknown): Peer =>
  typeof entry === 'string'
    ? { kind: 'cidr', text: entry, range: parseCidr(entry) }
    : { kind: 'cidr', text: String(entry), range: undefined };

/** The peers of a rule's properties (inline block or rule resource, both shapes). */
function peersOf(stack: StackView, props: Readonly<Record<string, unknown>>, groupKeys: readonly string[]): Peer[] {
  const refs = refIndex(stack);
  const peers: Peer[] = [];
  for (const key of ['cidrBlocks', 'ipv6CidrBlocks', 'cidrIpv4', 'cidrIpv6']) peers.push(...listPeers(props[key], cidrPeer));
  for (const key of ['prefixListIds', 'prefixListId'])
    peers.push(...listPeers(props[key], (entry) => ({ kind: 'prefix-list', id: readValue({ entry }, 'entry') })));
  for (const key of groupKeys) peers.push(...listPeers(props[key], (entry) => ({ kind: 'group', ref: refs.resolve(entry, GROUP_TYPES) })));
  if (props['self'] === true) peers.push({ kind: 'self' });
  return peers;
}

const cache = new WeakMap<StackView, readonly GroupRule[]>();

/** Every security group rule of the stack, once per stack view. */
export function groupRules(stack: StackView): readonly GroupRule[] {
  const cached = cache.get(stack);
  if (cached !== undefined) return cached;
  const refs = refIndex(stack);
  const out: GroupRule[] = [];
  for (const group of stack.ofType(...GROUP_TYPES)) {
    const self: Ref = { kind: 'resolved', value: group.urn, resources: [group] };
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = readValue(group.props, direction);
      if (blocks.kind === 'unknown' || blocks.kind === 'secret') {
        out.push({
          source: group,
          group: self,
          direction,
          protocol: undefined,
          fromPort: undefined,
          toPort: undefined,
          peers: [{ kind: blocks.kind }],
        });
        continue;
      }
      const list: readonly unknown[] = blocks.kind === 'value' && Array.isArray(blocks.value) ? blocks.value : [];
      for (const block of list) {
        const read = readValue({ block }, 'block');
        if (read.kind === 'unknown' || read.kind === 'secret') {
          out.push({
            source: group,
            group: self,
            direction,
            protocol: undefined,
            fromPort: undefined,
            toPort: undefined,
            peers: [{ kind: read.kind }],
          });
        } else if (isRecord(block)) {
          out.push({
            source: group,
            group: self,
            direction,
            protocol: block['protocol'],
            fromPort: block['fromPort'],
            toPort: block['toPort'],
            peers: peersOf(stack, block, ['securityGroups']),
          });
        }
      }
    }
  }
  for (const rule of stack.ofType(SECURITY_GROUP_RULE)) {
    const type = rule.props['type'];
    // a rule whose direction is not known is checked as both
    const directions =
      type === 'ingress' ? (['ingress'] as const) : type === 'egress' ? (['egress'] as const) : (['ingress', 'egress'] as const);
    for (const direction of directions) {
      out.push({
        source: rule,
        group: refs.prop(rule, 'securityGroupId', GROUP_TYPES),
        direction,
        protocol: rule.props['protocol'],
        fromPort: rule.props['fromPort'],
        toPort: rule.props['toPort'],
        peers: peersOf(stack, rule.props, ['sourceSecurityGroupId']),
      });
    }
  }
  for (const rule of stack.ofType(INGRESS_RULE, EGRESS_RULE)) {
    out.push({
      source: rule,
      group: refs.prop(rule, 'securityGroupId', GROUP_TYPES),
      direction: rule.type === INGRESS_RULE ? 'ingress' : 'egress',
      protocol: rule.props['ipProtocol'],
      fromPort: rule.props['fromPort'],
      toPort: rule.props['toPort'],
      peers: peersOf(stack, rule.props, ['referencedSecurityGroupId']),
    });
  }
  cache.set(stack, out);
  return out;
}

/** Whether a rule is TCP 443 only (the one egress tolerated towards the firewall). */
export function isTlsOnly(rule: GroupRule): boolean {
  return ['tcp', '6'].includes(String(rule.protocol).toLowerCase()) && rule.fromPort === 443 && rule.toPort === 443;
}

/** Whether a rule belongs to the group (by reference). */
export function belongsTo(rule: GroupRule, group: PlannedResource): boolean {
  return rule.group.kind === 'resolved' && rule.group.resources.includes(group);
}
