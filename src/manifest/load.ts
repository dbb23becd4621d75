/**
 * Loading manifests and trust policies: read safely, validate against the schema, run the semantic
 * checks, and either answer the typed document or refuse it with every located error at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ManifestError, sortErrors, type LocatedError } from './errors.js';
import { resolveAgent, type AgentLocation } from './resolve.js';
import { manifestSchemaErrors, trustPolicySchemaErrors } from './schema-errors.js';
import { crossErrors, manifestSemanticErrors, trustPolicySemanticErrors } from './semantic.js';
import { asInputError, readSource, type Source } from './source.js';
import type { AgentManifest, LoadedManifest, LoadedTrustPolicy, TrustPolicy } from './types.js';

/** The outcome of validating a manifest and/or a trust policy without throwing. */
export interface ValidationResult {
  readonly valid: boolean;
  /** Every problem found, sorted by file, line and column. */
  readonly errors: readonly LocatedError[];
  /** Files that were checked, absolute. */
  readonly files: readonly string[];
  readonly manifest?: LoadedManifest;
  readonly trustPolicy?: LoadedTrustPolicy;
}

/** A loaded agent: where it lives, its manifest and the trust policy beside it. */
export interface LoadedAgent {
  readonly location: AgentLocation;
  readonly manifest: LoadedManifest;
  readonly trustPolicy: LoadedTrustPolicy;
}

interface Checked<T> {
  readonly source?: Source;
  readonly value?: T;
  readonly errors: LocatedError[];
}

/** Reads, schema-checks, then semantically checks one document; semantics run only on a schema-valid one. */
function checkDocument<T>(
  file: string,
  schemaErrors: (source: Source) => LocatedError[],
  semanticErrors: (source: Source, value: T, dir: string) => LocatedError[],
): Checked<T> {
  const read = readChecked(file);
  if (read.source === undefined) return { errors: read.errors };
  const source = read.source;
  const fromSchema = schemaErrors(source);
  if (fromSchema.length > 0) return { source, errors: fromSchema };
  const value = source.value as unknown as T;
  const errors = semanticErrors(source, value, path.dirname(file));
  return errors.length > 0 ? { source, errors } : { source, value, errors };
}

function checkManifest(file: string): Checked<AgentManifest> {
  return checkDocument<AgentManifest>(file, manifestSchemaErrors, manifestSemanticErrors);
}

function checkTrustPolicy(file: string): Checked<TrustPolicy> {
  return checkDocument<TrustPolicy>(file, trustPolicySchemaErrors, trustPolicySemanticErrors);
}

/** Reads a file; file-level refusals become located errors, anything unexpected stays a thrown InputError. */
function readChecked(file: string): { source?: Source; errors: LocatedError[] } {
  try {
    return { source: readSource(file), errors: [] };
  } catch (error) {
    if (error instanceof ManifestError) return { errors: [...error.errors] };
    throw asInputError(error, file);
  }
}

/** Runs `fn`, turning anything but our own input errors into an InputError: bad input never crashes. */
function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asInputError(error, file);
  }
}

/**
 * Validates a manifest and, when given and present, the trust policy it refers to.
 * @throws InputError only for failures that are not about the documents (MANIFEST_UNREADABLE).
 */
export function validateManifest(file: string, options: { readonly trustPolicyFile?: string } = {}): ValidationResult {
  const manifestFile = path.resolve(file);
  return guarded(manifestFile, () => {
    const manifest = checkManifest(manifestFile);
    const files = [manifestFile];
    const errors = [...manifest.errors];
    let policy: Checked<TrustPolicy> | undefined;
    const policyFile = options.trustPolicyFile === undefined ? undefined : path.resolve(options.trustPolicyFile);
    if (policyFile !== undefined && existsSync(policyFile)) {
      policy = checkTrustPolicy(policyFile);
      files.push(policyFile);
      errors.push(...policy.errors);
      if (manifest.value !== undefined && policy.value !== undefined && manifest.source !== undefined) {
        errors.push(...crossErrors(manifest.source, manifest.value, policy.value));
      }
    }
    const sorted = sortErrors(errors);
    return {
      valid: sorted.length === 0,
      errors: sorted,
      files,
      ...(sorted.length === 0 && manifest.value !== undefined
        ? { manifest: { manifest: manifest.value, file: manifestFile, stackDir: path.dirname(manifestFile) } }
        : {}),
      ...(sorted.length === 0 && policy?.value !== undefined && policyFile !== undefined
        ? { trustPolicy: { policy: policy.value, file: policyFile, baseDir: path.dirname(policyFile) } }
        : {}),
    };
  });
}

/**
 * Validates a trust policy on its own.
 * @throws InputError only for failures that are not about the document (MANIFEST_UNREADABLE).
 */
export function validateTrustPolicy(file: string): ValidationResult {
  const policyFile = path.resolve(file);
  return guarded(policyFile, () => {
    const policy = checkTrustPolicy(policyFile);
    const errors = sortErrors(policy.errors);
    return {
      valid: errors.length === 0,
      errors,
      files: [policyFile],
      ...(policy.value === undefined ? {} : { trustPolicy: { policy: policy.value, file: policyFile, baseDir: path.dirname(policyFile) } }),
    };
  });
}

/**
 * Loads and validates an agent manifest (schema and semantic checks, no trust-policy references).
 * @throws ManifestError MANIFEST_INVALID with every located error; InputError for unreadable input.
 */
export function loadManifest(file: string): LoadedManifest {
  const result = validateManifest(file);
  if (result.manifest === undefined) throw new ManifestError(result.errors);
  return result.manifest;
}

/**
 * Loads and validates a trust policy.
 * @throws ManifestError MANIFEST_INVALID with every located error; InputError for unreadable input.
 */
export function loadTrustPolicy(file: string): LoadedTrustPolicy {
  const result = validateTrustPolicy(file);
  if (result.trustPolicy === undefined) throw new ManifestError(result.errors);
  return result.trustPolicy;
}

/**
 * Finds an agent (`payments`, a stack folder or a manifest path), then loads its manifest and the
 * `trust-policy.yaml` beside its stack folder, checking the references between them.
 * @throws InputError AGENT_NOT_FOUND, TRUST_POLICY_NOT_FOUND; ManifestError MANIFEST_INVALID.
 */
export function loadAgent(ref: string, cwd: string): LoadedAgent {
  const location = resolveAgent(ref, cwd);
  if (!existsSync(location.trustPolicyFile)) {
    throw new ManifestError(
      [
        {
          file: location.trustPolicyFile,
          line: 1,
          col: 1,
          path: '',
          message: `the trust policy must exist beside the stack folder (looked for ${path.basename(location.trustPolicyFile)})`,
          code: 'TRUST_POLICY_NOT_FOUND',
        },
      ],
      cwd,
    );
  }
  const result = validateManifest(location.manifestFile, { trustPolicyFile: location.trustPolicyFile });
  if (result.manifest === undefined || result.trustPolicy === undefined) throw new ManifestError(result.errors, cwd);
  return { location, manifest: result.manifest, trustPolicy: result.trustPolicy };
}
