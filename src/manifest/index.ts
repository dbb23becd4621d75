/** Agent manifest and trust policy: types, schemas, loading with locations. */
export type * from './types.js';
export * from './resolve.js';
export { formatLocatedError, displayPath, ManifestError, type LocatedError } from './errors.js';
export {
  loadAgent,
  loadManifest,
  loadTrustPolicy,
  validateManifest,
  validateTrustPolicy,
  type LoadedAgent,
  type ValidationResult,
} from './load.js';
export { manifestSchema, trustPolicySchema, LOG_RETENTION_DAYS } from './schemas.js';
export { MAX_ALIAS_COUNT, MAX_FILE_BYTES } from './source.js';
