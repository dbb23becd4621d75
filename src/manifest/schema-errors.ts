/**
 * Runs a JSON Schema over a parsed document with ajv (draft 2020-12, all errors) and turns each ajv
 * error into a located error with a stable code and a "<path> must ... (got ...)" message.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { errorAt, formatPath, type DocPath, type Source } from './source.js';
import type { LocatedError } from './errors.js';
import { manifestSchema, trustPolicySchema } from './schemas.js';

// ajv-formats is CommonJS: its default import is the plugin itself at runtime.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let validators: { manifest: ValidateFunction; trustPolicy: ValidateFunction } | undefined;

/** Compiles both schemas once, on first use. */
function getValidators(): { manifest: ValidateFunction; trustPolicy: ValidateFunction } {
  if (validators === undefined) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv, ['email', 'uri', 'date-time']);
    validators = { manifest: ajv.compile(manifestSchema), trustPolicy: ajv.compile(trustPolicySchema) };
  }
  return validators;
}

/** Schema errors of a manifest document, located. */
export function manifestSchemaErrors(source: Source): LocatedError[] {
  return schemaErrors(source, getValidators().manifest, ['actions', 'resources']);
}

/** Schema errors of a trust-policy document, located. */
export function trustPolicySchemaErrors(source: Source): LocatedError[] {
  return schemaErrors(source, getValidators().trustPolicy, []);
}

/**
 * @param wildcardLists array properties whose items, when they hold `*` or `?`, are reported as
 * WILDCARD rather than a plain pattern mismatch.
 */
function schemaErrors(source: Source, validate: ValidateFunction, wildcardLists: readonly string[]): LocatedError[] {
  if (validate(source.value)) return [];
  const errors = validate.errors ?? [];
  // Branch errors under a failed oneOf are noise: the oneOf error itself says what is wrong.
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`);
  return errors
    .filter((error) => !oneOfPaths.some((prefix) => error.schemaPath.startsWith(prefix)))
    .map((error) => toLocated(source, error, wildcardLists));
}

function toLocated(source: Source, error: ErrorObject, wildcardLists: readonly string[]): LocatedError {
  const docPath = toDocPath(source.value, error.instancePath);
  const where = formatPath(docPath) || '(document)';
  const got = describe(error.data);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
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
      const allowed = Object.keys((parentSchema['properties'] ?? {}) as object).join(', ');
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
      if (typeof error.data === 'string' && /[*?]/.test(error.data) && typeof parentKey === 'string' && wildcardLists.includes(parentKey)) {
        return errorAt(source, docPath, 'WILDCARD', `${where} must match ${shape}, never a wildcard (got ${got})`);
      }
      return errorAt(source, docPath, 'SCHEMA_PATTERN', `${where} must match ${shape} (got ${got})`);
    }
    case 'enum':
      return errorAt(
        source,
        docPath,
        'SCHEMA_ENUM',
        `${where} must be one of ${(params['allowedValues'] as unknown[]).map((v) => String(v)).join('|')} (got ${got})`,
      );
    case 'const':
      return errorAt(source, docPath, 'SCHEMA_ENUM', `${where} must be ${JSON.stringify(params['allowedValue'])} (got ${got})`);
    case 'type':
      return errorAt(source, docPath, 'SCHEMA_TYPE', `${where} must be ${article(String(params['type']))} (got ${typeName(error.data)})`);
    case 'format':
      return errorAt(source, docPath, 'SCHEMA_FORMAT', `${where} must be a valid ${String(params['format'])} (got ${got})`);
    case 'oneOf':
      return errorAt(source, docPath, 'SCHEMA_ONE_OF', oneOfMessage(where, error));
    case 'uniqueItems': {
      // ajv names the pair; the later one is the repeat.
      const later = Math.max(Number(params['i']), Number(params['j']));
      const earlier = Math.min(Number(params['i']), Number(params['j']));
      return errorAt(
        source,
        [...docPath, later],
        'SCHEMA_DUPLICATE_ITEM',
        `${formatPath([...docPath, later])} must not repeat ${formatPath([...docPath, earlier])} (got ${describe((error.data as unknown[])[later])})`,
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
      return errorAt(source, docPath, 'SCHEMA_LIMIT', `${where} ${limitText(error)} (got ${limitGot(error)})`);
    default:
      return errorAt(source, docPath, 'SCHEMA_INVALID', `${where} ${error.message ?? 'is invalid'} (got ${got})`);
  }
}

/** "must have exactly one of path|hosted (got both)" from a oneOf of `required` branches. */
function oneOfMessage(where: string, error: ErrorObject): string {
  const branches = (error.schema as { required?: string[]; const?: unknown; type?: string }[]).map(
    (branch) => branch.required?.join(' + ') ?? (branch.const === undefined ? (branch.type ?? 'object') : JSON.stringify(branch.const)),
  );
  const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
  const allRequired = (error.schema as { required?: string[] }[]).every((branch) => branch.required !== undefined);
  if (!allRequired) return `${where} must be one of ${branches.join(' | ')} (got ${describe(error.data)})`;
  const got = Array.isArray(passing) ? 'more than one' : 'none';
  return `${where} must have exactly one of ${branches.join(' | ')} (got ${got})`;
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

function limitGot(error: ErrorObject): string {
  const data = error.data;
  if (typeof data === 'string') return `${data.length} characters`;
  if (Array.isArray(data)) return `${data.length} ${data.length === 1 ? 'item' : 'items'}`;
  if (data !== null && typeof data === 'object') return `${Object.keys(data).length} fields`;
  return describe(data);
}

/** JSON pointer -> document path, numbers for array indexes. */
function toDocPath(root: unknown, pointer: string): DocPath {
  if (pointer === '') return [];
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
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

/** A short, quoted rendering of a value for "(got ...)". */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
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
