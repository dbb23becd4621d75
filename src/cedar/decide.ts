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
 */
import { createHash } from 'node:crypto';
import type { AuthorizationAnswer, Context, EntityJson, StatefulAuthorizationCall, TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import { cedarEngine } from './engine.js';
import type { GatewayCedar } from './gateway.js';
import type { GeneratedPolicy } from './policies.js';
import { buildCedarSchema } from './schema.js';

/** One action's preparsed policies. */
interface ActionSet {
  readonly policySetId: string;
  /** Its policies never look at the action or gateway entities, so a conforming call needs no schema. */
  readonly standalone: boolean;
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
}

/** Whether a condition's JSON names `action` or `resource` or holds an entity literal. */
function namesEntities(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(namesEntities);
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record['Var'] === 'action' || record['Var'] === 'resource' || '__entity' in record) return true;
  return Object.values(record).some(namesEntities);
}

/** The engine's parse of a policy's action scope and conditions; undefined when it cannot parse the policy. */
function scopeOf(policy: GeneratedPolicy): Scope | undefined {
  const answer = cedarEngine().policyToJson(policy.text);
  if (answer.type !== 'success') return undefined;
  const scope = answer.json.action;
  const entity = scope.op === '==' && 'entity' in scope ? scope.entity : undefined;
  const uid = entity !== undefined && '__entity' in entity ? entity.__entity : entity;
  const entityBound = scope.op === 'in' || namesEntities(answer.json.conditions);
  return uid?.type === 'AgentCore::Action' ? { policy, only: uid.id, entityBound } : { policy, entityBound };
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
    actions.set(action, { policySetId, standalone: generated && applying.every((scope) => !scope.entityBound) });
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
  const engine = cedarEngine();
  const ids = prepare(cedar);
  const set = ids?.actions.get(call.action.id);
  const request = { principal: call.principal.uid, action: call.action, context: call.context };
  const resource = { type: 'AgentCore::Gateway', id: cedar.gatewayArn };
  const entities = [call.principal, { uid: resource, attrs: {}, parents: [] }];
  if (ids === undefined || set === undefined) {
    return engine.isAuthorized({
      ...request,
      resource,
      entities,
      schema: cedar.schema,
      validateRequest: true,
      policies: { staticPolicies: Object.fromEntries(cedar.policies.map((policy) => [policy.id, policy.text])) },
    });
  }
  stateful ??= new Proxy(engine.statefulIsAuthorized, {});
  if (call.conforms && set.standalone) {
    return stateful({ ...request, resource, entities: [call.principal], preparsedPolicySetId: set.policySetId, validateRequest: false });
  }
  return stateful({
    ...request,
    resource,
    entities,
    preparsedPolicySetId: set.policySetId,
    preparsedSchemaName: ids.schemaName,
    validateRequest: true,
  });
}
