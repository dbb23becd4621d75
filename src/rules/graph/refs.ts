/**
 * References between planned resources: a property that names another resource (an id, an ARN, a
 * name) resolved to the resources of the stack it names. A reference is known and resolved, known
 * but naming nothing in the stack (external), unknown until deploy, a secret, or absent. Nothing is
 * matched by position or by name pattern: a reference that cannot be followed says so.
 */
import { present } from '../../invariant.js';
import type { PlannedResource, StackView } from '../types.js';
import { getPath, isRecord, readValue } from '../values.js';

/** What a reference property leads to. */
export type Ref =
  | { readonly kind: 'resolved'; readonly value: string; readonly resources: readonly PlannedResource[] }
  | { readonly kind: 'external'; readonly value: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'secret' }
  | { readonly kind: 'absent' };

/** The first resource a resolved reference names (a resolved reference names at least one). */
export function firstResource(ref: Extract<Ref, { kind: 'resolved' }>): PlannedResource {
  return present(ref.resources[0], 'the resource of a resolved reference');
}

/** Output and input keys by which other resources refer to a resource. */
const IDENTIFYING_KEYS = ['id', 'arn', 'name', 'bucket', 'keyId', 'prefixListId', 'defaultRouteTableId'] as const;

/** The resources of a stack indexed by every identifier they carry. */
export interface RefIndex {
  /** Resolves one value to resources of the given types (any type when none are given). */
  resolve(value: unknown, types?: readonly string[]): Ref;
  /** Resolves a list-valued property (each entry a reference); an unknown list is one unknown entry. */
  resolveList(value: unknown, types?: readonly string[]): readonly Ref[];
  /**
   * Resolves the reference at `path` of a resource's props. A value unknown before deploy is still
   * followed when the resource records what the top-level property depends on (`dependencies`).
   */
  prop(resource: PlannedResource, path: string, types: readonly string[]): Ref;
  /** As {@link RefIndex.prop} for a list of references. */
  propList(resource: PlannedResource, path: string, types: readonly string[]): readonly Ref[];
  /** The resources of `types` a top-level property depends on, as a resolved reference, or unknown. */
  dependency(resource: PlannedResource, property: string, types: readonly string[]): Ref;
  /**
   * Resolves several references held under one top-level property: those that name no resource are
   * bound to the property's dependencies of `types` that no other reference took, when there are
   * enough of them for all (else they stay external).
   */
  resolveEach(resource: PlannedResource, property: string, values: readonly unknown[], types: readonly string[]): readonly Ref[];
}

const cache = new WeakMap<StackView, RefIndex>();

/** The stack's reference index, built once per stack view. */
export function refIndex(stack: StackView): RefIndex {
  const cached = cache.get(stack);
  if (cached !== undefined) return cached;
  const byId = new Map<string, PlannedResource[]>();
  const add = (key: string, resource: PlannedResource): void => {
    const list = byId.get(key);
    if (list === undefined) byId.set(key, [resource]);
    else if (!list.includes(resource)) list.push(resource);
  };
  for (const resource of stack.resources) {
    add(resource.urn, resource);
    for (const key of IDENTIFYING_KEYS) {
      const value = resource.props[key];
      if (typeof value === 'string' && value !== '' && readValue(resource.props, key).kind === 'value') add(value, resource);
    }
    // the firewall's endpoints are its per-zone attachments (a route names one by vpcEndpointId)
    for (const endpoint of firewallEndpoints(resource)) add(endpoint, resource);
  }
  const resolve = (value: unknown, types?: readonly string[]): Ref => {
    const read = readValue({ value }, 'value');
    if (read.kind !== 'value') return read;
    if (typeof read.value !== 'string' || read.value === '') return { kind: 'absent' };
    const text = read.value;
    // `arn:...:log-group:name:*` (CloudTrail's form) names the group itself
    const candidates = byId.get(text) ?? byId.get(text.replace(/:\*$/, '')) ?? [];
    const resources = types === undefined ? candidates : candidates.filter((r) => types.includes(r.type));
    return resources.length > 0 ? { kind: 'resolved', value: text, resources } : { kind: 'external', value: text };
  };
  const resolveList = (value: unknown, types?: readonly string[]): readonly Ref[] => {
    const read = readValue({ value }, 'value');
    if (read.kind === 'absent') return [];
    if (read.kind !== 'value') return [read];
    return (Array.isArray(read.value) ? read.value : [read.value]).map((entry) => resolve(entry, types));
  };
  // an unknown reference resolved through the property's recorded dependencies, when they name it
  const viaDependencies = (resource: PlannedResource, path: string, types: readonly string[]): Ref | undefined => {
    const urns = resource.dependencies?.[path.split('.')[0] ?? ''] ?? [];
    const resources = urns.map((urn) => stack.byUrn(urn)).filter((r): r is PlannedResource => r !== undefined && types.includes(r.type));
    return resources.length > 0 ? { kind: 'resolved', value: resources.map((r) => r.urn).join(','), resources } : undefined;
  };
  const index: RefIndex = {
    resolve,
    resolveList,
    dependency: (resource, property, types) => viaDependencies(resource, property, types) ?? { kind: 'unknown' },
    resolveEach(resource, property, values, types) {
      const refs = values.map((value) => resolve(value, types));
      const taken = new Set(refs.flatMap((ref) => (ref.kind === 'resolved' ? ref.resources : [])));
      const spare = (
        viaDependencies(resource, property, types)?.kind === 'resolved'
          ? (viaDependencies(resource, property, types) as { resources: readonly PlannedResource[] }).resources
          : []
      ).filter((r) => !taken.has(r));
      const pending = refs.filter((ref) => ref.kind === 'unknown' || ref.kind === 'external').length;
      if (pending === 0 || spare.length < pending) return refs;
      return refs.map((ref) =>
        ref.kind === 'unknown' || ref.kind === 'external'
          ? { kind: 'resolved', value: 'value' in ref ? ref.value : spare.map((r) => r.urn).join(','), resources: spare }
          : ref,
      );
    },
    // a value unknown before deploy, or an id the plan does not show on its resource (a mock id, or
    // the id of a resource that already exists), is followed through the property's dependencies
    prop(resource, path, types) {
      const ref = resolve(getPath(resource.props, path), types);
      return ref.kind === 'unknown' || ref.kind === 'external' ? (viaDependencies(resource, path, types) ?? ref) : ref;
    },
    propList(resource, path, types) {
      const refs = resolveList(getPath(resource.props, path), types);
      if (!refs.some((ref) => ref.kind === 'unknown' || ref.kind === 'external')) return refs;
      const known = viaDependencies(resource, path, types);
      return known === undefined ? refs : [...refs.filter((ref) => ref.kind === 'resolved'), known];
    },
  };
  cache.set(stack, index);
  return index;
}

/** The endpoint ids of a Network Firewall, from its sync states (an output known once deployed). */
export function firewallEndpoints(resource: PlannedResource): string[] {
  if (resource.type !== 'aws:networkfirewall/firewall:Firewall') return [];
  const statuses = resource.props['firewallStatuses'];
  const out: string[] = [];
  for (const status of Array.isArray(statuses) ? statuses : []) {
    const states = getPath(status, 'syncStates');
    for (const state of Array.isArray(states) ? states : []) {
      const attachments = getPath(state, 'attachments');
      for (const attachment of Array.isArray(attachments) ? attachments : [attachments]) {
        const id = isRecord(attachment) ? attachment['endpointId'] : undefined;
        if (typeof id === 'string' && id !== '' && readValue(attachment, 'endpointId').kind === 'value') out.push(id);
      }
    }
  }
  return out;
}

/** The resources a reference resolved to, or none. */
export function resolved(ref: Ref): readonly PlannedResource[] {
  return ref.kind === 'resolved' ? ref.resources : [];
}

/** How a message names a reference that did not resolve. */
export function showRef(ref: Ref): string {
  switch (ref.kind) {
    case 'resolved':
    case 'external':
      return JSON.stringify(ref.value);
    case 'unknown':
      return 'a value unknown until deploy';
    case 'secret':
      return '[secret]';
    case 'absent':
      return 'not set';
    default:
      return assertNeverRef(ref);
  }
}

function assertNeverRef(value: never): never {
  throw new Error(`unexpected reference ${JSON.stringify(value)}`);
}
