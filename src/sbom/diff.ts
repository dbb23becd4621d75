/**
 * Compares two CycloneDX documents (ours or anyone's) for a compliance reviewer: added, removed
 * and changed components and services, matched on identity (purl without version, else type +
 * group + name) so that a new version reads as a change, not a swap; plus flags by severity for
 * what a reviewer must look at: new or changed models, plugin versions, signers and source
 * repositories, API endpoints and trust-boundary crossings, data classifications sent to third
 * parties, and verification status changes.
 */
import { purlIdentity } from './purl.js';

import { arr, type Json, obj, str } from './json.js';

/** How urgently a reviewer must look at a flag. */
export type FlagSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** Severities from most to least urgent. */
export const SEVERITIES: readonly FlagSeverity[] = Object.freeze(['critical', 'high', 'medium', 'low', 'info']);

/** What a compared element is, as far as a reviewer cares. */
export type EntityKind = 'agent' | 'model' | 'plugin' | 'data' | 'component' | 'service';

/** A component or service reduced to what the diff compares. */
export interface Entity {
  readonly key: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly ref?: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** One field of one element, before and after (absent = not present). */
export interface FieldChange {
  readonly field: string;
  readonly old?: string;
  readonly new?: string;
}

/** An element present in both documents whose compared fields differ. */
export interface ChangedEntity {
  readonly key: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly changes: readonly FieldChange[];
}

/** Something a compliance reviewer must look at. */
export interface DiffFlag {
  readonly severity: FlagSeverity;
  /** Stable SCREAMING_SNAKE code, e.g. `MODEL_DIGEST_CHANGED`. */
  readonly code: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly message: string;
}

/** The result of `sbom diff` (`--format json` prints it as is). */
export interface SbomDiff {
  readonly schemaVersion: 'agentfence.sbom-diff/v1';
  readonly old: { readonly specVersion: string; readonly serialNumber?: string; readonly subject?: string };
  readonly new: { readonly specVersion: string; readonly serialNumber?: string; readonly subject?: string };
  readonly added: readonly Entity[];
  readonly removed: readonly Entity[];
  readonly changed: readonly ChangedEntity[];
  readonly flags: readonly DiffFlag[];
  readonly summary: { readonly added: number; readonly removed: number; readonly changed: number } & Readonly<Record<FlagSeverity, number>>;
}

function sortedJoin(values: Iterable<string>): string {
  return [...new Set(values)].sort().join(', ');
}

function props(node: Json): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of arr(node['properties'])) {
    const name = str(p['name']);
    const value = str(p['value']);
    if (name === undefined || value === undefined) continue;
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return map;
}

/** Fields every entity shares: verification evidence recorded as agentfence properties. */
function verificationFields(node: Json, fields: Record<string, string>): void {
  const p = props(node);
  const pick = (name: string, field: string): void => {
    const values = p.get(`agentfence:verification:${name}`);
    if (values !== undefined) fields[field] = sortedJoin(values);
  };
  pick('status', 'verification');
  pick('signer', 'signer');
  pick('issuer', 'issuer');
  pick('source-repository', 'sourceRepository');
}

function componentKind(c: Json): EntityKind {
  const type = str(c['type']);
  if (type === 'machine-learning-model') return 'model';
  if (type === 'data') return 'data';
  if (type === 'library' || type === 'framework' || str(c['purl'])?.startsWith('pkg:npm/') === true) return 'plugin';
  return 'component';
}

function toComponent(c: Json, parentKey?: string): Entity {
  const group = str(c['group']);
  const name = `${group === undefined || group === '' ? '' : `${group}/`}${str(c['name']) ?? '?'}`;
  const purl = str(c['purl']);
  const kind = componentKind(c);
  // identity without version: a model's generic purl carries its checksum, so models match on name
  const identity = purl !== undefined && kind !== 'model' ? purlIdentity(purl) : `${str(c['type']) ?? 'component'}:${name}`;
  const key = parentKey === undefined ? identity : `${parentKey}>${identity}`;
  const fields: Record<string, string> = {};
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields[field] = value;
  };
  set('type', str(c['type']));
  set('version', str(c['version']));
  set('purl', purl);
  set('hashes', sortedJoin(arr(c['hashes']).map((h) => `${str(h['alg']) ?? '?'}:${str(h['content']) ?? '?'}`)));
  set('supplier', str(obj(c['supplier'])?.['name']));
  set(
    'licenses',
    sortedJoin(
      arr(c['licenses']).map((l) => str(obj(l['license'])?.['id']) ?? str(obj(l['license'])?.['name']) ?? str(l['expression']) ?? '?'),
    ),
  );
  set('vcs', sortedJoin(arr(c['externalReferences']).filter((e) => e['type'] === 'vcs').map((e) => str(e['url']) ?? '?')));
  set(
    'classification',
    sortedJoin(arr(c['data']).map((d) => str(d['classification'])).filter((v): v is string => v !== undefined)) ||
      props(c).get('agentfence:datastore:classification')?.join(', '),
  );
  const files = arr(c['components']).filter((f) => f['type'] === 'file');
  if (kind === 'model' && files.length > 0) {
    set('files', sortedJoin(files.map((f) => `${str(f['name']) ?? '?'}=${arr(f['hashes']).map((h) => str(h['content'])).join('/')}`)));
  }
  verificationFields(c, fields);
  const ref = str(c['bom-ref']);
  return { key, kind, name, ...(ref === undefined ? {} : { ref }), fields };
}

function toService(s: Json): Entity {
  const group = str(s['group']);
  const name = `${group === undefined || group === '' ? '' : `${group}/`}${str(s['name']) ?? '?'}`;
  const fields: Record<string, string> = {};
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields[field] = value;
  };
  set('version', str(s['version']));
  set('provider', str(obj(s['provider'])?.['name']));
  set('endpoints', sortedJoin(Array.isArray(s['endpoints']) ? (s['endpoints'] as unknown[]).filter((e): e is string => typeof e === 'string') : []));
  if (typeof s['authenticated'] === 'boolean') fields['authenticated'] = String(s['authenticated']);
  if (typeof s['x-trust-boundary'] === 'boolean') fields['trustBoundary'] = String(s['x-trust-boundary']);
  set('trustZone', str(s['trustZone']));
  set(
    'dataFlows',
    sortedJoin(arr(s['data']).map((d) => `${str(d['flow']) ?? '?'}:${str(d['classification']) ?? '?'}`)),
  );
  verificationFields(s, fields);
  const ref = str(s['bom-ref']);
  return { key: `service:${name}`, kind: 'service', name, ...(ref === undefined ? {} : { ref }), fields };
}

/** The subject (metadata.component): for agentfence SBOMs, the agent's risk, autonomy, egress and tool grants. */
function toAgent(c: Json): Entity {
  const p = props(c);
  const fields: Record<string, string> = {};
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields[field] = value;
  };
  set('type', str(c['type']));
  set('riskTier', p.get('agentfence:risk-tier')?.join(', '));
  set('autonomy', p.get('agentfence:autonomy')?.join(', '));
  set('egress', p.get('agentfence:network:egress')?.join(', '));
  set('paused', p.get('agentfence:paused')?.join(', '));
  set('owner', p.get('agentfence:owner:team')?.join(', '));
  const tools = [...p.entries()].filter(([name]) => name.startsWith('agentfence:tool:')).map(([name, values]) => `${name.slice('agentfence:tool:'.length)}: ${values.join(' ')}`);
  set('tools', tools.sort().join(' | '));
  const name = str(c['name']) ?? '?';
  const ref = str(c['bom-ref']);
  return { key: `subject:${name}`, kind: 'agent', name, ...(ref === undefined ? {} : { ref }), fields };
}

/** Flattens a document into entities keyed by identity; duplicate keys get a `#n` suffix. */
export function toEntities(doc: Json): Map<string, Entity> {
  const entities = new Map<string, Entity>();
  const add = (entity: Entity): void => {
    let key = entity.key;
    for (let n = 2; entities.has(key); n++) key = `${entity.key}#${n}`;
    entities.set(key, key === entity.key ? entity : { ...entity, key });
  };
  const visitComponent = (c: Json, parentKey?: string): void => {
    const entity = toComponent(c, parentKey);
    add(entity);
    // model files are compared as the model's `files` field; other nested components stand alone
    if (entity.kind !== 'model') for (const child of arr(c['components'])) visitComponent(child, entity.key);
  };
  const visitService = (s: Json): void => {
    add(toService(s));
    for (const child of arr(s['services'])) visitService(child);
  };
  const subject = obj(obj(doc['metadata'])?.['component']);
  if (subject !== undefined) add(toAgent(subject));
  arr(doc['components']).forEach((c) => visitComponent(c));
  arr(doc['services']).forEach(visitService);
  return entities;
}

const CLASSIFICATION_SEVERITY: Readonly<Record<string, FlagSeverity>> = Object.freeze({
  restricted: 'critical',
  confidential: 'high',
  internal: 'medium',
  public: 'low',
});

function split(value: string | undefined): Set<string> {
  return new Set(value === undefined || value === '' ? [] : value.split(', '));
}

function flagsForAdded(entity: Entity): DiffFlag[] {
  const flags: DiffFlag[] = [];
  const f = entity.fields;
  switch (entity.kind) {
    case 'model':
      flags.push({ severity: 'high', code: 'MODEL_ADDED', kind: 'model', name: entity.name, message: `new model ${entity.name}${f['hashes'] ? ` (${f['hashes']})` : ''}` });
      break;
    case 'plugin':
      flags.push({
        severity: f['verification'] === undefined || f['verification'] === 'verified' ? 'medium' : 'high',
        code: 'PLUGIN_ADDED',
        kind: 'plugin',
        name: entity.name,
        message: `new plugin ${entity.name}@${f['version'] ?? '?'}${f['verification'] ? ` (verification: ${f['verification']})` : ''}`,
      });
      break;
    case 'service': {
      const crossing = f['trustBoundary'] === 'true';
      flags.push({
        severity: crossing ? 'high' : 'medium',
        code: crossing ? 'TRUST_BOUNDARY_CROSSING_ADDED' : 'SERVICE_ADDED',
        kind: 'service',
        name: entity.name,
        message: `new ${crossing ? 'third-party API across the trust boundary' : 'service'} ${entity.name}${f['endpoints'] ? ` (endpoints: ${f['endpoints']})` : ''}`,
      });
      for (const flow of split(f['dataFlows'])) flags.push(classificationFlag(entity, flow, crossing));
      break;
    }
    case 'data':
      flags.push({ severity: 'medium', code: 'DATA_STORE_ADDED', kind: 'data', name: entity.name, message: `new data store ${entity.name} (${f['classification'] ?? 'unclassified'})` });
      break;
    case 'component':
      flags.push({ severity: 'low', code: 'COMPONENT_ADDED', kind: 'component', name: entity.name, message: `new component ${entity.name}` });
      break;
    case 'agent':
      flags.push({ severity: 'info', code: 'SUBJECT_CHANGED', kind: 'agent', name: entity.name, message: `the documents describe different subjects (now ${entity.name})` });
      break;
    default:
      throw new Error(`unknown entity kind ${String(entity.kind)}`);
  }
  return flags;
}

function classificationFlag(entity: Entity, flow: string, crossing: boolean): DiffFlag {
  const [direction, classification = '?'] = flow.split(':');
  const sent = direction === 'outbound' || direction === 'bi-directional';
  return {
    // own keys only: a document's "constructor" or "__proto__" must not read the prototype's
    severity: sent && crossing ? ((Object.hasOwn(CLASSIFICATION_SEVERITY, classification.toLowerCase()) ? CLASSIFICATION_SEVERITY[classification.toLowerCase()] : undefined) ?? 'high') : 'low',
    code: 'DATA_CLASSIFICATION_ADDED',
    kind: 'service',
    name: entity.name,
    message: `${classification} data now flows ${direction ?? '?'} ${crossing ? 'across the trust boundary ' : ''}to ${entity.name}`,
  };
}

/** What a change rule sees: the element before and after, and the one field that changed. */
interface ChangeContext {
  readonly before: Entity;
  readonly after: Entity;
  readonly change: FieldChange;
  /** `change.old` / `change.new`, or `(none)`. */
  readonly was: string;
  readonly now: string;
}

/** Turns one changed field into the flags a reviewer must see (none, one, or several). */
type ChangeRule = (c: ChangeContext) => readonly Omit<DiffFlag, 'kind' | 'name'>[];

const flag = (severity: FlagSeverity, code: string, message: string): Omit<DiffFlag, 'kind' | 'name'> => ({ severity, code, message });

const modelDigest: ChangeRule = ({ after, change, was, now }) => [
  flag('high', 'MODEL_DIGEST_CHANGED', `model ${after.name} ${change.field === 'files' ? 'files' : 'digest'} changed: ${was} -> ${now}`),
];
const sourceRepository: ChangeRule = ({ after, was, now }) => [flag('high', 'SOURCE_REPOSITORY_CHANGED', `${after.kind} ${after.name} source repository ${was} -> ${now}`)];
const signer: ChangeRule = ({ after, change, was, now }) => [flag('high', 'SIGNER_CHANGED', `${after.kind} ${after.name} ${change.field} ${was} -> ${now}`)];
const verification: ChangeRule = ({ after, change, was, now }) => [
  flag(change.new === 'verified' || change.new === 'allow-listed' ? 'info' : 'high', 'VERIFICATION_STATUS_CHANGED', `${after.kind} ${after.name} verification ${was} -> ${now}`),
];

/**
 * The flag rules, one per `<kind>.<field>`: a field with no entry is listed as a change but not
 * flagged. Frozen, so a rule cannot be added or replaced at run time.
 */
export const CHANGE_RULES: Readonly<Record<string, ChangeRule>> = Object.freeze({
  'model.hashes': modelDigest,
  'model.files': modelDigest,
  'model.version': ({ after, was, now }) => [flag('medium', 'MODEL_VERSION_CHANGED', `model ${after.name} version ${was} -> ${now}`)],
  'plugin.version': ({ after, was, now }) => [flag('medium', 'PLUGIN_VERSION_CHANGED', `plugin ${after.name} version ${was} -> ${now}`)],
  'plugin.hashes': ({ before, after }) =>
    before.fields['version'] === after.fields['version']
      ? [flag('critical', 'PLUGIN_DIGEST_CHANGED', `plugin ${after.name}@${after.fields['version'] ?? '?'} has a different tarball digest for the same version`)]
      : [],
  'plugin.licenses': ({ after, was, now }) => [flag('medium', 'LICENSE_CHANGED', `plugin ${after.name} licence ${was} -> ${now}`)],
  'plugin.supplier': ({ after, was, now }) => [flag('medium', 'SUPPLIER_CHANGED', `plugin ${after.name} supplier ${was} -> ${now}`)],
  'plugin.sourceRepository': sourceRepository,
  'plugin.vcs': sourceRepository,
  'model.sourceRepository': sourceRepository,
  'model.signer': signer,
  'plugin.signer': signer,
  'service.signer': signer,
  'model.issuer': signer,
  'plugin.issuer': signer,
  'service.issuer': signer,
  'service.endpoints': ({ after, change, was, now }) => {
    const added = [...split(change.new)].filter((e) => !split(change.old).has(e));
    return added.length > 0
      ? [flag('high', 'ENDPOINT_ADDED', `API ${after.name} has new endpoints: ${added.join(', ')}`)]
      : [flag('low', 'ENDPOINT_REMOVED', `API ${after.name} endpoints ${was} -> ${now}`)];
  },
  'service.trustBoundary': ({ after, change, was, now }) => [
    change.new === 'true'
      ? flag('high', 'TRUST_BOUNDARY_CROSSING_ADDED', `API ${after.name} x-trust-boundary ${was} -> ${now}`)
      : flag('medium', 'TRUST_BOUNDARY_CHANGED', `API ${after.name} x-trust-boundary ${was} -> ${now}`),
  ],
  'service.authenticated': ({ after, change, was, now }) => [
    flag(change.new === 'false' ? 'high' : 'info', 'AUTHENTICATION_CHANGED', `API ${after.name} authenticated ${was} -> ${now}`),
  ],
  'service.trustZone': ({ after, was, now }) => [flag('medium', 'TRUST_ZONE_CHANGED', `API ${after.name} trust zone ${was} -> ${now}`)],
  'service.dataFlows': ({ after, change }) => {
    const crossing = after.fields['trustBoundary'] === 'true';
    return [...split(change.new)].filter((f) => !split(change.old).has(f)).map((f) => classificationFlag(after, f, crossing));
  },
  'agent.tools': ({ after, was, now }) => [flag('high', 'AGENT_PERMISSIONS_CHANGED', `agent ${after.name} tool grants changed: ${was} -> ${now}`)],
  'agent.autonomy': ({ after, change, was, now }) => [
    flag(change.new === 'autonomous' ? 'high' : 'medium', 'AGENT_AUTONOMY_CHANGED', `agent ${after.name} autonomy ${was} -> ${now}`),
  ],
  'agent.riskTier': ({ after, was, now }) => [flag('medium', 'AGENT_RISK_TIER_CHANGED', `agent ${after.name} risk tier ${was} -> ${now}`)],
  'agent.egress': ({ after, was, now }) => [flag('high', 'AGENT_EGRESS_CHANGED', `agent ${after.name} network egress ${was} -> ${now}`)],
  'data.classification': ({ after, was, now }) => [flag('medium', 'DATA_CLASSIFICATION_CHANGED', `data store ${after.name} classification ${was} -> ${now}`)],
  'model.verification': verification,
  'plugin.verification': verification,
  'service.verification': verification,
  'component.verification': verification,
});

function flagsForChange(before: Entity, after: Entity, changes: readonly FieldChange[]): DiffFlag[] {
  const flags: DiffFlag[] = [];
  for (const change of changes) {
    const key = `${after.kind}.${change.field}`;
    // own keys only: a field named "constructor" must not find the prototype's
    const rule = Object.hasOwn(CHANGE_RULES, key) ? CHANGE_RULES[key] : undefined;
    if (rule === undefined) continue;
    const context: ChangeContext = { before, after, change, was: change.old ?? '(none)', now: change.new ?? '(none)' };
    // classification flags name their own kind and element; the others are about `after`
    for (const f of rule(context)) flags.push({ kind: after.kind, name: after.name, ...f });
  }
  return flags;
}

/** Diffs two parsed CycloneDX documents. Pure and deterministic (everything sorted). */
export function diffSboms(oldDoc: Json, newDoc: Json): SbomDiff {
  const before = toEntities(oldDoc);
  const after = toEntities(newDoc);
  const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const added = [...after.values()].filter((e) => !before.has(e.key)).sort(byKey);
  const removed = [...before.values()].filter((e) => !after.has(e.key)).sort(byKey);
  const changed: ChangedEntity[] = [];
  const flags: DiffFlag[] = [];
  for (const entity of added) flags.push(...flagsForAdded(entity));
  for (const entity of removed) {
    if (entity.kind === 'agent') continue;
    flags.push({
      severity: entity.kind === 'model' || entity.kind === 'service' ? 'low' : 'info',
      code: `${entity.kind.toUpperCase()}_REMOVED`,
      kind: entity.kind,
      name: entity.name,
      message: `${entity.kind} ${entity.name} removed`,
    });
  }
  for (const [key, next] of [...after.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const previous = before.get(key);
    if (previous === undefined) continue;
    const fields = [...new Set([...Object.keys(previous.fields), ...Object.keys(next.fields)])].sort();
    const changes: FieldChange[] = [];
    for (const field of fields) {
      const old = previous.fields[field];
      const now = next.fields[field];
      if (old !== now) changes.push({ field, ...(old === undefined ? {} : { old }), ...(now === undefined ? {} : { new: now }) });
    }
    if (changes.length === 0) continue;
    changed.push({ key, kind: next.kind, name: next.name, changes });
    flags.push(...flagsForChange(previous, next, changes));
  }
  flags.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, flags.filter((f) => f.severity === s).length])) as Record<FlagSeverity, number>;
  return {
    schemaVersion: 'agentfence.sbom-diff/v1',
    old: describe(oldDoc),
    new: describe(newDoc),
    added,
    removed,
    changed,
    flags,
    summary: { added: added.length, removed: removed.length, changed: changed.length, ...counts },
  };
}

function describe(doc: Json): SbomDiff['old'] {
  const serial = str(doc['serialNumber']);
  const subject = obj(obj(doc['metadata'])?.['component']);
  const name = str(subject?.['name']);
  return {
    specVersion: str(doc['specVersion']) ?? '?',
    ...(serial === undefined ? {} : { serialNumber: serial }),
    ...(name === undefined ? {} : { subject: name }),
  };
}

/** Human-readable rendering of a diff for the terminal or a PR comment. */
export function renderDiffText(diff: SbomDiff): string {
  const lines: string[] = [];
  lines.push(
    `sbom diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.changed} changed; flags: ${SEVERITIES.map((s) => `${diff.summary[s]} ${s}`).join(', ')}`,
  );
  if (diff.flags.length > 0) {
    lines.push('', 'Flags:');
    for (const flag of diff.flags) lines.push(`  [${flag.severity}] ${flag.code}: ${flag.message}`);
  }
  if (diff.added.length > 0) {
    lines.push('', 'Added:');
    for (const e of diff.added) lines.push(`  + ${e.kind} ${e.name}${e.fields['version'] ? `@${e.fields['version']}` : ''}`);
  }
  if (diff.removed.length > 0) {
    lines.push('', 'Removed:');
    for (const e of diff.removed) lines.push(`  - ${e.kind} ${e.name}${e.fields['version'] ? `@${e.fields['version']}` : ''}`);
  }
  if (diff.changed.length > 0) {
    lines.push('', 'Changed:');
    for (const e of diff.changed) {
      lines.push(`  ~ ${e.kind} ${e.name}`);
      for (const c of e.changes) lines.push(`      ${c.field}: ${c.old ?? '(none)'} -> ${c.new ?? '(none)'}`);
    }
  }
  return `${lines.map(escapeControls).join('\n')}\n`;
}

/**
 * Text from the documents is untrusted: control characters (newlines, ESC sequences, carriage
 * returns) and bidi overrides could forge or hide lines on a terminal or in a PR comment.
 */
function escapeControls(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
