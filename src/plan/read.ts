/**
 * Reading planned or deployed resources from JSON: `pulumi preview --json` (PreviewDigest, also
 * what `agentfence plan` emits) and `pulumi stack export` (UntypedDeployment version 3). Anything
 * else is bad input with a message saying what was expected.
 */
import { InputError } from '../errors.js';
import type { PlannedResource } from '../rules/types.js';
import { isRecord, isSecret, isUnknown, SECRET, UNKNOWN } from '../rules/values.js';

/** Which document a file held. */
export type PlanDocumentKind = 'preview' | 'export';

export interface PlanDocument {
  readonly kind: PlanDocumentKind;
  readonly resources: readonly PlannedResource[];
}

/** Step operations whose resource will not exist after the update. */
const GONE = new Set(['delete', 'delete-replaced', 'discard', 'discard-replaced', 'remove-pending-replace', 'read-discard']);

/** Secrets become `[secret]`, typed unknowns the one unknown sentinel; `__defaults` bookkeeping goes. */
function normalise(value: unknown, top = false): unknown {
  if (isSecret(value)) return SECRET;
  if (isUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (top && key === '__defaults') continue;
      out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

function nameOf(urn: string): string {
  const parts = urn.split('::');
  return parts.length >= 4 ? parts.slice(3).join('::') : urn;
}

/** `propertyDependencies` (property -> URNs), kept only where well-formed. */
function dependenciesOf(value: unknown): { dependencies?: Record<string, string[]> } {
  if (!isRecord(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, urns] of Object.entries(value)) {
    if (Array.isArray(urns) && urns.every((urn) => typeof urn === 'string')) out[key] = urns;
  }
  return Object.keys(out).length > 0 ? { dependencies: out } : {};
}

function toResource(state: Record<string, unknown>, where: string, file: string, props: unknown): PlannedResource {
  const urn = state['urn'];
  const type = state['type'];
  if (typeof urn !== 'string' || !urn.startsWith('urn:pulumi:') || typeof type !== 'string' || type === '') {
    throw new InputError(
      'PLAN_INVALID',
      `${file}: ${where} must have a urn ("urn:pulumi:...") and a type (got urn ${JSON.stringify(urn)}, type ${JSON.stringify(type)})`,
    );
  }
  if (props !== undefined && props !== null && !isRecord(props)) {
    throw new InputError(
      'PLAN_INVALID',
      `${file}: ${where} inputs/outputs must be an object (got ${Array.isArray(props) ? 'array' : typeof props})`,
    );
  }
  const parent = state['parent'];
  return {
    urn,
    type,
    name: nameOf(urn),
    props: normalise(props ?? {}, true) as Record<string, unknown>,
    ...(typeof parent === 'string' && parent !== '' ? { parent } : {}),
    ...(typeof state['protect'] === 'boolean' ? { protect: state['protect'] } : {}),
    ...(typeof state['retainOnDelete'] === 'boolean' ? { retainOnDelete: state['retainOnDelete'] } : {}),
    ...dependenciesOf(state['propertyDependencies']),
  };
}

function readPreview(doc: Record<string, unknown>, file: string): PlannedResource[] {
  const steps = doc['steps'];
  if (!Array.isArray(steps))
    throw new InputError('PLAN_INVALID', `${file}: a preview document must have a steps array (got ${typeof steps})`);
  const out: PlannedResource[] = [];
  steps.forEach((step, index) => {
    if (!isRecord(step)) throw new InputError('PLAN_INVALID', `${file}: steps[${index}] must be an object`);
    const op = step['op'];
    if (typeof op !== 'string')
      throw new InputError('PLAN_INVALID', `${file}: steps[${index}].op must be a string (got ${JSON.stringify(op)})`);
    if (GONE.has(op)) return;
    const state = step['newState'];
    if (!isRecord(state)) throw new InputError('PLAN_INVALID', `${file}: steps[${index}] (${op}) must have a newState object`);
    out.push(toResource(state, `steps[${index}].newState`, file, state['inputs']));
  });
  return out;
}

function readExport(doc: Record<string, unknown>, file: string): PlannedResource[] {
  const version = doc['version'];
  if (version !== 3) {
    throw new InputError(
      'PLAN_UNSUPPORTED_VERSION',
      `${file}: a stack export must be deployment version 3 (got version ${JSON.stringify(version)})`,
    );
  }
  const deployment = doc['deployment'];
  if (!isRecord(deployment)) throw new InputError('PLAN_INVALID', `${file}: a stack export must have a deployment object`);
  const resources = deployment['resources'];
  if (resources === undefined || resources === null) return [];
  if (!Array.isArray(resources)) throw new InputError('PLAN_INVALID', `${file}: deployment.resources must be an array`);
  const out: PlannedResource[] = [];
  resources.forEach((resource, index) => {
    if (!isRecord(resource)) throw new InputError('PLAN_INVALID', `${file}: deployment.resources[${index}] must be an object`);
    // Resources pending deletion are on their way out.
    if (resource['delete'] === true) return;
    const inputs = resource['inputs'];
    const outputs = resource['outputs'];
    // Outputs are what is deployed (with provider defaults); inputs fill what outputs lack.
    const props = { ...(isRecord(inputs) ? inputs : {}), ...(isRecord(outputs) ? outputs : {}) };
    out.push(toResource(resource, `deployment.resources[${index}]`, file, props));
  });
  return out;
}

/**
 * Reads a preview (`pulumi preview --json`, `agentfence plan`) or a stack export into resources.
 * `json` is the file's text or its parsed value; `file` names it in messages.
 * @throws InputError PLAN_MALFORMED_JSON, PLAN_INVALID (not a preview/export document), PLAN_UNSUPPORTED_VERSION, PLAN_EMPTY.
 */
export function readPlanDocument(json: unknown, file: string): PlanDocument {
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (error) {
      throw new InputError('PLAN_MALFORMED_JSON', `${file} must be JSON (got: ${(error as Error).message})`, { cause: error });
    }
  }
  if (!isRecord(doc)) {
    throw new InputError(
      'PLAN_INVALID',
      `${file} must be a \`pulumi preview --json\` or \`pulumi stack export\` document (got ${Array.isArray(doc) ? 'an array' : typeof doc})`,
    );
  }
  let document: PlanDocument;
  if ('steps' in doc) document = { kind: 'preview', resources: readPreview(doc, file) };
  else if ('deployment' in doc || 'version' in doc) document = { kind: 'export', resources: readExport(doc, file) };
  else {
    throw new InputError(
      'PLAN_INVALID',
      `${file} must be a \`pulumi preview --json\` document (with steps) or a \`pulumi stack export\` document (with version and deployment) (got keys ${Object.keys(doc).slice(0, 5).join(', ') || 'none'})`,
    );
  }
  if (document.resources.length === 0) {
    throw new InputError('PLAN_EMPTY', `${file} must contain at least one resource to check (got none)`);
  }
  return document;
}
