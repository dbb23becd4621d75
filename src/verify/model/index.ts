/**
 * OpenSSF model signing (`model_signing` v1.x interop): hash a model into its manifest, sign it into
 * `model.sig`, and verify a model against its signature with an exact manifest match.
 */
export { verifyModel, readSignature, ModelMismatchError } from './verify.js';
export { signModel, modelKeyHint } from './sign.js';
export { defaultSignaturePath } from './paths.js';
export { hashModel, assertHashSupported, modelNameOf } from './serialize.js';
export {
  buildStatement,
  parseModelStatement,
  MODEL_SIGNATURE_PREDICATE,
  LEGACY_DIGESTS_PREDICATE,
  IN_TOTO_PAYLOAD_TYPE,
} from './statement.js';
export { DEFAULT_SHARD_SIZE, diffResources, describeDiff, rootDigestOf, sortResources, type ManifestDiff } from './resources.js';
export { defaultWorkers } from './hash.js';
export type * from './types.js';
export { modelResult, modelBlockedResult } from './result.js';
