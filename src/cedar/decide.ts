/**
 * One decision over a gateway's Cedar, on the engine's stateful path: the schema and, per action,
 * the policies whose scope can match that action are parsed once into the engine's cache (as a
 * gateway keeps them); each call then sends only the request. A policy scoped to
 * `action == <another action>` can never apply to a call of this action (its scope is evaluated
 * first and short-circuits), so leaving it out changes no decision, reason or error; it only spares
 * the engine copying and scoping it on every call.
 */
import { createHash } from 'node:crypto';
import type { AuthorizationAnswer, AuthorizationCall, StatefulAuthorizationCall, TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import { cedarEngine } from './engine.js';
import type { GatewayCedar } from './gateway.js';
import type { GeneratedPolicy } from './policies.js';

/** The engine's ids for a gateway's schema and per-action policy sets. */
interface Prepared {
  readonly schemaName: string;
  /** Per Cedar action id: the preparsed set of the policies whose scope can match it. */
  readonly policySetIds: ReadonlyMap<string, string>;
}

/** The request part of a call, what changes from one call to the next. */
export interface CallParts extends Pick<AuthorizationCall, 'principal' | 'resource' | 'context' | 'entities'> {
  readonly action: TypeAndId;
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

/**
 * The Cedar action id a policy is scoped to with `action ==` (`only` absent for any other scope:
 * `All`, `in`), as the engine parses it; undefined when the engine cannot parse the policy.
 */
function actionScope(policy: GeneratedPolicy): { readonly policy: GeneratedPolicy; readonly only?: string } | undefined {
  const answer = cedarEngine().policyToJson(policy.text);
  if (answer.type !== 'success') return undefined;
  const scope = answer.json.action;
  const entity = scope.op === '==' && 'entity' in scope ? scope.entity : undefined;
  const uid = entity !== undefined && '__entity' in entity ? entity.__entity : entity;
  return uid?.type === 'AgentCore::Action' ? { policy, only: uid.id } : { policy };
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
  const scopes = cedar.policies.map(actionScope);
  const schemaName = digest(cedar.schema);
  let ok = scopes.every((scope) => scope !== undefined);
  ok &&= preparse(schemaName, () => engine.preparseSchema(schemaName, cedar.schema).type === 'success');
  const policySetIds = new Map<string, string>();
  for (const { action } of ok ? cedar.tools : []) {
    const staticPolicies = Object.fromEntries(
      scopes.flatMap((scope) => (scope !== undefined && (scope.only ?? action) === action ? [[scope.policy.id, scope.policy.text]] : [])),
    );
    const id = digest(JSON.stringify(staticPolicies));
    ok &&= preparse(id, () => engine.preparsePolicySet(id, { staticPolicies }).type === 'success');
    policySetIds.set(action, id);
  }
  const result = ok ? { schemaName, policySetIds } : 'unparsable';
  prepared.set(cedar, result);
  return ok ? (result as Prepared) : undefined;
}

/**
 * One decision, the request validated against the schema: over the preparsed schema and the
 * action's preparsed policies (`statefulIsAuthorized`), or, when they do not parse, the one-shot
 * call with every policy and the schema, which reports why.
 */
export function decide(cedar: GatewayCedar, call: CallParts): AuthorizationAnswer {
  const engine = cedarEngine();
  const ids = prepare(cedar);
  const policySetId = ids?.policySetIds.get(call.action.id);
  if (ids !== undefined && policySetId !== undefined) {
    stateful ??= new Proxy(engine.statefulIsAuthorized, {});
    return stateful({ ...call, preparsedPolicySetId: policySetId, preparsedSchemaName: ids.schemaName, validateRequest: true });
  }
  return engine.isAuthorized({
    ...call,
    schema: cedar.schema,
    validateRequest: true,
    policies: { staticPolicies: Object.fromEntries(cedar.policies.map((policy) => [policy.id, policy.text])) },
  });
}
