/**
 * The runtime image of an agent, verified as an artifact of kind `image`: its attestation bundle
 * (a path in the stack folder) against the trust policy's `images` authorities.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, VerificationError } from '../../errors.js';
import { present } from '../../invariant.js';
import type { LoadedAgent } from '../../manifest/load.js';
import type { RuntimeImageSpec } from '../../manifest/types.js';
import { selectAuthorities, type TrustRootCache } from '../authorities.js';
import type { ArtifactResult } from '../types.js';
import { ociPurl, verifyImageAttestation } from './verify.js';

const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/**
 * Verifies the manifest's runtime image; a missing attestation is UNSIGNED (never verified by default).
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | DIGEST_MISMATCH | PATH_REFUSED and the bundle verifier's codes.
 */
export function verifyRuntimeImage(agent: LoadedAgent, roots: TrustRootCache, spec: RuntimeImageSpec, now?: Date): ArtifactResult {
  const name = present(spec.ref.split('@')[0], 'the image name');
  if (spec.attestation === undefined)
    throw new VerificationError('UNSIGNED', `image ${spec.ref} must have a provenance attestation (runtimeImage.attestation is not set)`);
  const file = path.resolve(agent.manifest.stackDir, spec.attestation);
  const rel = path.relative(agent.location.projectRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new VerificationError('PATH_REFUSED', `image attestation ${spec.attestation} must stay inside the project`);
  let bundle: unknown;
  try {
    if (statSync(file).size > MAX_BUNDLE_BYTES)
      throw new VerificationError('MALFORMED_BUNDLE', `image attestation ${spec.attestation} must be at most ${MAX_BUNDLE_BYTES} bytes`);
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof AgentfenceError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VerificationError('UNSIGNED', `image ${spec.ref} must have its attestation at ${spec.attestation} (not found)`);
    throw new VerificationError('MALFORMED_BUNDLE', `image attestation ${spec.attestation} must be JSON (${(error as Error).message})`);
  }
  const authorities = selectAuthorities(
    agent.trustPolicy.policy.images?.authorities ?? [],
    spec.signedBy,
    agent.trustPolicy,
    roots,
    'images',
  );
  const verified = verifyImageAttestation({ ref: spec.ref, bundle, where: `image ${spec.ref}` }, authorities, now ? { now } : {});
  return {
    kind: 'image',
    name,
    version: `sha256:${verified.image.sha256}`,
    status: 'verified',
    message: `provenance (${verified.predicateType}) signed by ${verified.bundle.authority} for sha256:${verified.image.sha256}`,
    signer: { ...verified.bundle.signer, authority: verified.bundle.authority },
    digests: { sha256: verified.image.sha256 },
    tlogIndexes: verified.bundle.tlogIndexes,
    timestamps: verified.bundle.timestamps,
    ...(verified.bundle.trustRoot !== undefined ? { trustRoot: verified.bundle.trustRoot } : {}),
    details: {
      ref: spec.ref,
      purl: ociPurl({ ...verified.image, ...(spec.tag === undefined ? {} : { tag: spec.tag }) }),
      predicateType: verified.predicateType,
      attestation: spec.attestation,
      ...verified.provenance,
    },
  };
}
