/**
 * Runs the JSON Schemas over a parsed document and turns each ajv error into a located error with a
 * stable code and a "<path> must ... (got ...)" message. The validators are compiled ahead of time
 * (`validators.generated.ts`, draft 2020-12, all errors), so no schema is compiled at run time.
 */
import type { ErrorObject } from 'ajv';
import { errorAt, formatPath, type DocPath, type Source } from './source.js';
import type { LocatedError } from './errors.js';
import { manifestSchema, trustPolicySchema } from './schemas.js';
import * as generated from './validators.generated.js';

/** A precompiled ajv validator: answers validity and leaves its errors on itself. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validators = {
  manifest: { validate: generated.manifest as Validator, schema: manifestSchema as unknown },
  trustPolicy: { validate: generated.trustPolicy as Validator, schema: trustPolicySchema as unknown },
} as const;

/** Schema errors of a manifest document, located. */
export function manifestSchemaErrors(source: Source): LocatedError[] {
  return schemaErrors(source, validators.manifest, ['actions', 'resources']);
}

/** Schema errors of a trust-policy document, located. */
export function trustPolicySchemaErrors(source: Source): LocatedError[] {
  return schemaErrors(source, validators.trustPolicy, []);
}

/**
 * @param wildcardLists array properties whose items, when they hold `*` or `?`, are reported as
 * WILDCARD rather than a plain pattern mismatch.
 */
function schemaErrors(
  source: Source,
  { validate, schema }: { validate: Validator; schema: unknown },
  wildcardLists: readonly string[],
): LocatedError[] {
  if (validate(source.value)) return [];
  const errors = validate.errors ?? [];
  // Branch errors under a failed oneOf are noise: the oneOf error itself says what is wrong.
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`);
  return errors
    .filter((error) => !oneOfPaths.some((prefix) => error.schemaPath.startsWith(prefix)))
    .map((error) => toLocated(source, schema, error, wildcardLists));
}

function toLocated(source: Source, rootSchema: unknown, error: ErrorObject, wildcardLists: readonly string[]): LocatedError {
  const { docPath, data } = toDocPath(source.value, error.instancePath);
  const where = formatPath(docPath) || '(document)';
  // rendered only where a message shows it: the data of an additionalProperties error is the whole mapping
  const got = (): string => describe(data);
  const params = error.params as Record<string, unknown>;
  // The schema holding the failed keyword, found by its schema path (e.g. #/$defs/authority/oneOf).
  const keywordPath = error.schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const parentSchema = (walk(rootSchema, keywordPath.slice(0, -1)) ?? {}) as Record<string, unknown>;
  const keywordSchema = walk(rootSchema, keywordPath);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return errorAt(source, [...docPath, missing], 'SCHEMA_REQUIRED', `${formatPath([...docPath, missing])} is required`);
    }
    case 'dependentRequired': {
      const missing = String(params['missingProperty']);
      const present = String(params['property']);
      // Located at the field that demands it, named by the field that is missing.
      const at = errorAt(source, [...docPath, present], 'SCHEMA_REQUIRED', '', 'key');
      const missingPath = formatPath([...docPath, missing]);
      return { ...at, path: missingPath, message: `${missingPath} is required when ${present} is set` };
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(parentSchema['properties'] ?? {}).join(', ');
      return errorAt(
        source,
        [...docPath, key],
        'SCHEMA_UNKNOWN_FIELD',
        `${formatPath([...docPath, key])} is not a known field (expected one of ${allowed})`,
        'key',
      );
    }
    case 'pattern': {
      const shape = typeof parentSchema['description'] === 'string' ? parentSchema['description'] : `/${String(params['pattern'])}/`;
      const parentKey = docPath[docPath.length - 2];
      if (typeof data === 'string' && /[*?]/.test(data) && typeof parentKey === 'string' && wildcardLists.includes(parentKey)) {
        return errorAt(source, docPath, 'WILDCARD', `${where} must match ${shape}, never a wildcard (got ${got()})`);
      }
      return errorAt(source, docPath, 'SCHEMA_PATTERN', `${where} must match ${shape} (got ${got()})`);
    }
    case 'enum':
      return errorAt(
        source,
        docPath,
        'SCHEMA_ENUM',
        `${where} must be one of ${(params['allowedValues'] as unknown[]).map((v) => String(v)).join('|')} (got ${got()})`,
      );
    case 'const':
      return errorAt(source, docPath, 'SCHEMA_ENUM', `${where} must be ${JSON.stringify(params['allowedValue'])} (got ${got()})`);
    case 'type':
      return errorAt(source, docPath, 'SCHEMA_TYPE', `${where} must be ${article(String(params['type']))} (got ${typeName(data)})`);
    case 'format':
      return errorAt(source, docPath, 'SCHEMA_FORMAT', `${where} must be a valid ${String(params['format'])} (got ${got()})`);
    case 'oneOf':
      return errorAt(source, docPath, 'SCHEMA_ONE_OF', oneOfMessage(where, keywordSchema, params, data));
    case 'uniqueItems': {
      // ajv names the pair; the later one is the repeat.
      const later = Math.max(Number(params['i']), Number(params['j']));
      const earlier = Math.min(Number(params['i']), Number(params['j']));
      return errorAt(
        source,
        [...docPath, later],
        'SCHEMA_DUPLICATE_ITEM',
        `${formatPath([...docPath, later])} must not repeat ${formatPath([...docPath, earlier])} (got ${describe((data as unknown[])[later])})`,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return errorAt(source, docPath, 'SCHEMA_LIMIT', `${where} ${limitText(error)} (got ${limitGot(data)})`);
    default:
      return errorAt(source, docPath, 'SCHEMA_INVALID', `${where} ${error.message ?? 'is invalid'} (got ${got()})`);
  }
}

/** "must have exactly one of path | hosted (got none)" from a oneOf of `required` branches. */
function oneOfMessage(where: string, keywordSchema: unknown, params: Record<string, unknown>, data: unknown): string {
  const branches = (Array.isArray(keywordSchema) ? keywordSchema : []) as { required?: string[]; const?: unknown; type?: string }[];
  const names = branches.map(
    (branch) => branch.required?.join(' + ') ?? (branch.const === undefined ? (branch.type ?? 'object') : JSON.stringify(branch.const)),
  );
  if (!branches.every((branch) => branch.required !== undefined))
    return `${where} must be one of ${names.join(' | ')} (got ${describe(data)})`;
  const got = Array.isArray(params['passingSchemas']) ? 'more than one' : 'none';
  return `${where} must have exactly one of ${names.join(' | ')} (got ${got})`;
}

function limitText(error: ErrorObject): string {
  const limit = (error.params as { limit: number }).limit;
  switch (error.keyword) {
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minLength':
      return `must be at least ${limit} characters long`;
    case 'maxLength':
      return `must be at most ${limit} characters long`;
    case 'minItems':
      return `must have at least ${limit} ${limit === 1 ? 'item' : 'items'}`;
    case 'maxItems':
      return `must have at most ${limit} items`;
    case 'minProperties':
      return `must have at least ${limit} ${limit === 1 ? 'field' : 'fields'}`;
    default:
      return `must have at most ${limit} fields`;
  }
}

function limitGot(data: unknown): string {
  if (typeof data === 'string') return `${data.length} characters`;
  if (Array.isArray(data)) return `${data.length} ${data.length === 1 ? 'item' : 'items'}`;
  if (data !== null && typeof data === 'object') return `${Object.keys(data).length} fields`;
  return describe(data);
}

/** JSON pointer -> document path (numbers for array indexes) and the value found there. */
function toDocPath(root: unknown, pointer: string): { docPath: DocPath; data: unknown } {
  if (pointer === '') return { docPath: [], data: root };
  const out: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      out.push(index);
      node = node[index];
    } else {
      out.push(key);
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return { docPath: out, data: node };
}

/** Follows object keys and array indexes; undefined where the path leaves the value. */
function walk(value: unknown, keys: readonly string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A short, quoted rendering of a value for "(got ...)". */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string | undefined;
  try {
    // undefined for a function or a symbol
    text = JSON.stringify(value);
  } catch {
    // a cycle (through YAML aliases) or a bigint
    text = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the last resort for what JSON cannot render
  text ??= String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${describe(value)}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean (true or false)',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}
