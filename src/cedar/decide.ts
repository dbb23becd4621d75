/**
 * One decision over a gateway's Cedar, on the engine's stateful path: the schema and, per action,
 * the policies whose scope can match that action are parsed once into the engine's cache (as a
 * gateway keeps them); each call then sends only the request. A policy scoped to
 * `action == <another action>` can never apply to a call of this action (its scope is evaluated
 * first and short-circuits), so leaving it out changes no decision, reason or error; it only spares
 * the engine copying and scoping it on every call.
 *
 * The schema costs the engine about a third of a call (it copies the schema, validates the request
 * and adds every action entity), so a call the caller has checked conforms to the schema
 * (`conformsToInputSchema`, string claims) is decided without it when the action's policies cannot
 * tell the difference: they never name `action` or `resource` or an entity literal in a condition,
 * so the action entities and the (attribute-less) gateway entity the schema path carries are never
 * looked at. Any other call goes through the schema, which is the authority on what it rejects.
 *
 * On that schema-free path the caller's entity carries only the attributes and tags the action's
 * policies name (`principal.id`, `principal.getTag("scope")`): the engine can read an entity's data
 * only through those accessors, so a value no policy names cannot change a decision, a reason or an
 * error message (only an error's help, which lists the names present and is not reported). When a
 * policy computes a tag name (`principal.getTag(context.input.role)`), the entity goes whole.
 */
import { createHash } from 'node:crypto';
import type {
  AuthorizationAnswer,
  CedarValueJson,
  Context,
  EntityJson,
  StatefulAuthorizationCall,
  TypeAndId,
} from '@cedar-policy/cedar-wasm/nodejs';
import { cedarEngine } from './engine.js';
import type { GatewayCedar } from './gateway.js';
import type { GeneratedPolicy } from './policies.js';
import { buildCedarSchema } from './schema.js';

/** One action's preparsed policies. */
interface ActionSet {
  readonly policySetId: string;
  /** Its policies never look at the action or gateway entities, so a conforming call needs no schema. */
  readonly standalone: boolean;
  /** Every attribute and tag name its policies read; undefined when one computes a tag name. */
  readonly reads: ReadonlySet<string> | undefined;
}

/** The engine's ids for a gateway's schema and per-action policy sets. */
interface Prepared {
  readonly schemaName: string;
  /** Per Cedar action id. */
  readonly actions: ReadonlyMap<string, ActionSet>;
}

/** What changes from one call to the next (the resource is always the gateway). */
export interface CallParts {
  /** The caller's entity; its uid is the request's principal. */
  readonly principal: EntityJson & { readonly uid: TypeAndId };
  readonly action: TypeAndId;
  readonly context: Context;
  /** The caller checked that the context and the principal's attributes and tags certainly satisfy the schema. */
  readonly conforms: boolean;
}

const prepared = new WeakMap<GatewayCedar, Prepared | 'unparsable'>();
/** Content digests already parsed into the engine's cache: same text, same id, parsed once per process. */
const parsedIds = new Set<string>();

const digest = (text: string): string => `agentfence-${createHash('sha256').update(text).digest('hex')}`;

/**
 * Through a Proxy on purpose, as in rules/agentcore.ts: Node 20's V8 (11.3) may inline the
 * JS-to-Wasm call into a caller's optimised code and abort the process when that code is
 * deoptimised mid-call; it does not inline through a Proxy. The cost is well under a microsecond.
 */
let stateful: ((call: StatefulAuthorizationCall) => AuthorizationAnswer) | undefined;

/** What the engine's parse of a policy says about where it applies and what it looks at. */
interface Scope {
  readonly policy: GeneratedPolicy;
  /** The Cedar action id of an `action ==` scope; absent for any other scope (`All`, `in`). */
  readonly only?: string;
  /** Whether the policy can look at the action or gateway entities (an `in` action scope, `action`, `resource` or an entity literal in a condition). */
  readonly entityBound: boolean;
  /** The attribute and tag names its conditions read; undefined when one computes a tag name. */
  readonly reads: ReadonlySet<string> | undefined;
}

/** Whether a condition's JSON names `action` or `resource` or holds an entity literal. */
function namesEntities(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(namesEntities);
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record['Var'] === 'action' || record['Var'] === 'resource' || '__entity' in record) return true;
  return Object.values(record).some(namesEntities);
}

/**
 * Adds to `names` every attribute (`.`, `has`) and tag (`getTag`, `hasTag`) name a condition's
 * JSON reads; false as soon as a tag name is computed rather than literal. A record literal whose
 * keys look like these operators only adds names or gives up, which keeps more, never less.
 */
function readNames(node: unknown, names: Set<string>): boolean {
  if (Array.isArray(node)) return node.every((child) => readNames(child, names));
  if (node === null || typeof node !== 'object') return true;
  for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
    const operands = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {};
    if (key === '.' || key === 'has') for (const name of [operands['attr']].flat()) if (typeof name === 'string') names.add(name);
    if (key === 'getTag' || key === 'hasTag') {
      const tag = operands['right'];
      const literal = tag !== null && typeof tag === 'object' ? (tag as Record<string, unknown>)['Value'] : undefined;
      if (typeof literal !== 'string') return false;
      names.add(literal);
    }
    if (!readNames(child, names)) return false;
  }
  return true;
}

/** The engine's parse of a policy's action scope and conditions; undefined when it cannot parse the policy. */
function scopeOf(policy: GeneratedPolicy): Scope | undefined {
  const answer = cedarEngine().policyToJson(policy.text);
  if (answer.type !== 'success') return undefined;
  const scope = answer.json.action;
  const entity = scope.op === '==' && 'entity' in scope ? scope.entity : undefined;
  const uid = entity !== undefined && '__entity' in entity ? entity.__entity : entity;
  const entityBound = scope.op === 'in' || namesEntities(answer.json.conditions);
  const names = new Set<string>();
  const reads = readNames(answer.json.conditions, names) ? names : undefined;
  return uid?.type === 'AgentCore::Action' ? { policy, only: uid.id, entityBound, reads } : { policy, entityBound, reads };
}

/** The names any of the scopes reads; undefined when one may read any. */
function unionOfReads(scopes: readonly Scope[]): ReadonlySet<string> | undefined {
  const all = new Set<string>();
  for (const { reads } of scopes) {
    if (reads === undefined) return undefined;
    for (const name of reads) all.add(name);
  }
  return all;
}

/** The entries of `values` that `names` holds (data properties, so a claim named `__proto__` stays a claim). */
function pick(values: Record<string, CedarValueJson>, names: ReadonlySet<string>): Record<string, CedarValueJson> {
  const kept: [string, CedarValueJson][] = [];
  for (const name of names) if (Object.hasOwn(values, name)) kept.push([name, values[name] as CedarValueJson]);
  return Object.fromEntries(kept);
}

/** The caller's entity with only the attributes and tags the policies read. */
function projected(entity: EntityJson, reads: ReadonlySet<string> | undefined): EntityJson {
  if (reads === undefined) return entity;
  const attrs = pick(entity.attrs, reads);
  return entity.tags === undefined
    ? { uid: entity.uid, attrs, parents: entity.parents }
    : { uid: entity.uid, attrs, parents: entity.parents, tags: pick(entity.tags, reads) };
}

function preparse(id: string, parse: () => boolean): boolean {
  if (parsedIds.has(id)) return true;
  if (!parse()) return false;
  parsedIds.add(id);
  return true;
}

/**
 * Parses the schema and each action's policy set into the engine's cache the first time the
 * gateway's Cedar is used, under ids derived from their content (two gateways share an id only
 * when their Cedar is identical); a parse failure is remembered and the caller falls back to the
 * one-shot call, which reports why.
 */
function prepare(cedar: GatewayCedar): Prepared | undefined {
  const known = prepared.get(cedar);
  if (known !== undefined) return known === 'unparsable' ? undefined : known;
  const engine = cedarEngine();
  const scopes = cedar.policies.map(scopeOf);
  const schemaName = digest(cedar.schema);
  // The schema-free path relies on the schema being the one the tools' input schemas generate.
  const generated = cedar.schema === buildCedarSchema(cedar.tools, cedar.authorizer);
  let ok = scopes.every((scope) => scope !== undefined);
  ok &&= preparse(schemaName, () => engine.preparseSchema(schemaName, cedar.schema).type === 'success');
  const actions = new Map<string, ActionSet>();
  for (const { action } of ok ? cedar.tools : []) {
    const applying = scopes.flatMap((scope) => (scope !== undefined && (scope.only ?? action) === action ? [scope] : []));
    const staticPolicies = Object.fromEntries(applying.map((scope) => [scope.policy.id, scope.policy.text]));
    const policySetId = digest(JSON.stringify(staticPolicies));
    ok &&= preparse(policySetId, () => engine.preparsePolicySet(policySetId, { staticPolicies }).type === 'success');
    actions.set(action, {
      policySetId,
      standalone: generated && applying.every((scope) => !scope.entityBound),
      reads: unionOfReads(applying),
    });
  }
  const result = ok ? { schemaName, actions } : 'unparsable';
  prepared.set(cedar, result);
  return ok ? (result as Prepared) : undefined;
}

/**
 * One decision: over the action's preparsed policies, without the schema for a conforming call
 * whose policies are standalone, else with the request validated against the preparsed schema;
 * when the Cedar does not parse, the one-shot call with every policy and the schema, which reports why.
 */
export function decide(cedar: GatewayCedar, call: CallParts): AuthorizationAnswer {
  const ids = prepare(cedar);
  const set = ids?.actions.get(call.action.id);
  const resource = { type: 'AgentCore::Gateway', id: cedar.gatewayArn };
  // Each request written out whole: spreading a shared part into it cost more than the rest of the JS.
  if (ids === undefined || set === undefined) {
    return cedarEngine().isAuthorized({
      principal: call.principal.uid,
      action: call.action,
      resource,
      context: call.context,
      entities: [call.principal, { uid: resource, attrs: {}, parents: [] }],
      schema: cedar.schema,
      validateRequest: true,
      policies: { staticPolicies: Object.fromEntries(cedar.policies.map((policy) => [policy.id, policy.text])) },
    });
  }
  stateful ??= new Proxy(cedarEngine().statefulIsAuthorized, {});
  if (call.conforms && set.standalone) {
    return stateful({
      principal: call.principal.uid,
      action: call.action,
      resource,
      context: call.context,
      entities: [projected(call.principal, set.reads)],
      preparsedPolicySetId: set.policySetId,
      validateRequest: false,
    });
  }
  return stateful({
    principal: call.principal.uid,
    action: call.action,
    resource,
    context: call.context,
    entities: [call.principal, { uid: resource, attrs: {}, parents: [] }],
    preparsedPolicySetId: set.policySetId,
    preparsedSchemaName: ids.schemaName,
    validateRequest: true,
  });
}
