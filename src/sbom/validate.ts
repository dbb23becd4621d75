/**
 * Schema validation of CycloneDX JSON with the library's strict validator (one compiled validator
 * per version, reused), plus the checks the schema cannot make: every bom-ref is unique, every
 * dependency reference resolves, and absolute URLs parse.
 */
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { ConfigError, InputError } from '../errors.js';
import { READABLE_SPECS } from './spec.js';

/** One problem found in a CycloneDX document: where (JSON pointer) and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** Largest CycloneDX document `sbom diff` reads. */
export const MAX_SBOM_BYTES = 32 * 1024 * 1024;

const validators = new Map<string, Validation.JsonStrictValidator>();
const LIBRARY_VERSIONS: ReadonlyMap<string, Spec.Version> = new Map(Object.values(Spec.Version).map((version) => [version, version]));

function validatorFor(version: string): Validation.JsonStrictValidator {
  let validator = validators.get(version);
  if (validator === undefined) {
    const libraryVersion = LIBRARY_VERSIONS.get(version);
    if (libraryVersion === undefined) {
      throw new ConfigError('SBOM_VALIDATOR_UNAVAILABLE', `the CycloneDX library must know spec version ${JSON.stringify(version)}`);
    }
    validator = new Validation.JsonStrictValidator(libraryVersion);
    validators.set(version, validator);
  }
  return validator;
}

interface AjvErrorLike {
  readonly instancePath?: unknown;
  readonly message?: unknown;
  readonly params?: unknown;
}

function toIssues(errors: unknown): SchemaIssue[] {
  const list = Array.isArray(errors) ? (errors as AjvErrorLike[]) : [errors as AjvErrorLike];
  return list.slice(0, 50).map((error) => {
    const params = error.params !== null && typeof error.params === 'object' ? (error.params as Record<string, unknown>) : {};
    const extra =
      typeof params['additionalProperty'] === 'string'
        ? ` (${JSON.stringify(params['additionalProperty'])})`
        : Array.isArray(params['allowedValues'])
          ? ` (one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
          : '';
    return {
      path: typeof error.instancePath === 'string' && error.instancePath !== '' ? error.instancePath : '/',
      message: `${typeof error.message === 'string' ? error.message : 'is invalid'}${extra}`,
    };
  });
}

/**
 * Validates serialized CycloneDX JSON against the schema of `version` and the integrity checks.
 * Resolves to the issues found (empty when valid).
 * @throws ConfigError SBOM_VALIDATOR_UNAVAILABLE when the validator cannot run (missing ajv plugins).
 */
export async function validateCycloneDx(json: string, version: string): Promise<SchemaIssue[]> {
  let errors: unknown;
  try {
    errors = await validatorFor(version).validate(json);
  } catch (error) {
    throw new ConfigError(
      'SBOM_VALIDATOR_UNAVAILABLE',
      `the CycloneDX ${version} JSON validator must be available (ajv, ajv-formats, ajv-formats-draft2019): ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (errors !== null && errors !== undefined) return toIssues(errors);
  return checkIntegrity(JSON.parse(json) as Record<string, unknown>);
}

type Json = Record<string, unknown>;

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object') as Json[]) : [];
}

/** Referential integrity and URL syntax: what the JSON schema does not check. */
export function checkIntegrity(doc: Json): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  const visit = (node: Json, pointer: string): void => {
    const ref = node['bom-ref'];
    if (typeof ref === 'string') {
      // a duplicated bom-ref makes every dependency edge to it ambiguous
      if (seen.has(ref)) issues.push({ path: pointer, message: `bom-ref ${JSON.stringify(ref)} must be unique` });
      seen.add(ref);
    }
    asArray(node['externalReferences']).forEach((ext, i) => {
      const url = ext['url'];
      // the schema accepts any iri-reference; an absolute URL must at least parse
      if (typeof url === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(url) && !URL.canParse(url)) {
        issues.push({ path: `${pointer}/externalReferences/${i}/url`, message: `must be a valid URL (got ${JSON.stringify(url)})` });
      }
    });
    if (Array.isArray(node['endpoints'])) {
      (node['endpoints'] as unknown[]).forEach((endpoint, i) => {
        if (typeof endpoint === 'string' && !URL.canParse(endpoint)) {
          issues.push({ path: `${pointer}/endpoints/${i}`, message: `must be a valid URL (got ${JSON.stringify(endpoint)})` });
        }
      });
    }
    asArray(node['components']).forEach((child, i) => visit(child, `${pointer}/components/${i}`));
    asArray(node['services']).forEach((child, i) => visit(child, `${pointer}/services/${i}`));
  };
  const metadata = doc['metadata'] as Json | undefined;
  if (metadata && typeof metadata['component'] === 'object' && metadata['component'] !== null) {
    visit(metadata['component'] as Json, '/metadata/component');
  }
  asArray(doc['components']).forEach((c, i) => visit(c, `/components/${i}`));
  asArray(doc['services']).forEach((s, i) => visit(s, `/services/${i}`));
  asArray(doc['dependencies']).forEach((dep, i) => {
    const ref = dep['ref'];
    // a dangling dependency ref hides a component that a downgrade or a bug dropped
    if (typeof ref === 'string' && !seen.has(ref)) {
      issues.push({ path: `/dependencies/${i}/ref`, message: `must reference a bom-ref in the document (got ${JSON.stringify(ref)})` });
    }
    const dependsOn = dep['dependsOn'];
    if (Array.isArray(dependsOn)) {
      dependsOn.forEach((target, j) => {
        if (typeof target === 'string' && !seen.has(target)) {
          issues.push({
            path: `/dependencies/${i}/dependsOn/${j}`,
            message: `must reference a bom-ref in the document (got ${JSON.stringify(target)})`,
          });
        }
      });
    }
  });
  return issues;
}

/** A CycloneDX document read from outside: its parsed JSON and spec version. */
export interface ParsedBom {
  readonly specVersion: string;
  readonly doc: Json;
}

/**
 * Reads untrusted bytes as a CycloneDX 1.6/1.7 JSON document: size, UTF-8, JSON, bomFormat,
 * specVersion, then the strict schema. Dependency refs are not required to resolve here: other
 * tools' documents may legitimately reference components outside the document.
 * @throws InputError SBOM_TOO_LARGE, SBOM_NOT_UTF8, SBOM_NOT_JSON, SBOM_NOT_CYCLONEDX,
 *   SBOM_SPEC_UNSUPPORTED, SBOM_INVALID (with the validator's messages).
 */
export async function parseCycloneDx(bytes: Uint8Array, label: string): Promise<ParsedBom> {
  if (bytes.byteLength > MAX_SBOM_BYTES) {
    throw new InputError('SBOM_TOO_LARGE', `${label} must be at most ${MAX_SBOM_BYTES} bytes (got ${bytes.byteLength})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError('SBOM_NOT_UTF8', `${label} must be UTF-8 text`, { cause: error });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError('SBOM_NOT_JSON', `${label} must be JSON (${(error as Error).message})`, { cause: error });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('SBOM_NOT_CYCLONEDX', `${label} must be a JSON object (got ${Array.isArray(doc) ? 'an array' : typeof doc})`);
  }
  const json = doc as Json;
  if (json['bomFormat'] !== 'CycloneDX') {
    throw new InputError('SBOM_NOT_CYCLONEDX', `${label} must have bomFormat "CycloneDX" (got ${JSON.stringify(json['bomFormat'])})`);
  }
  const specVersion = json['specVersion'];
  if (typeof specVersion !== 'string' || !READABLE_SPECS.includes(specVersion)) {
    throw new InputError(
      'SBOM_SPEC_UNSUPPORTED',
      `${label} must be CycloneDX ${READABLE_SPECS.join(' or ')} (got specVersion ${JSON.stringify(specVersion)})`,
    );
  }
  const validatorErrors: unknown = await validatorFor(specVersion)
    .validate(text)
    .catch((error: unknown) => {
      // the validator recurses: a document nested deeper than the stack is bad input, not a broken install
      if (error instanceof RangeError) throw new SbomInvalidError(label, specVersion, [{ path: '/', message: 'nests too deeply to validate' }]);
      throw new ConfigError('SBOM_VALIDATOR_UNAVAILABLE', `the CycloneDX ${specVersion} JSON validator must be available: ${(error as Error).message}`, {
        cause: error,
      });
    });
  if (validatorErrors !== null && validatorErrors !== undefined) {
    const issues = toIssues(validatorErrors);
    throw new SbomInvalidError(label, specVersion, issues);
  }
  return { specVersion, doc: json };
}

/** A document that failed schema validation; carries the validator's messages. */
export class SbomInvalidError extends InputError {
  readonly issues: readonly SchemaIssue[];
  constructor(label: string, specVersion: string, issues: readonly SchemaIssue[]) {
    super(
      'SBOM_INVALID',
      `${label} must be valid CycloneDX ${specVersion} JSON; the schema reports:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
    this.issues = issues;
  }
}
