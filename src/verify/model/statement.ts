/**
 * The in-toto statement of a model signature: built for signing exactly as `model_signing` v1.x
 * lays it out, and read back (v1.0 predicate, or the legacy `Digests/v0.1` one) into a manifest
 * whose every name, algorithm and digest has been checked.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { VerificationError } from '../../errors.js';
import { DIGEST_HEX_LENGTH, resourceAlgorithm, rootDigestOf, sortResources } from './resources.js';
import { assertSafeName } from './paths.js';
import type { ModelHashType, ModelManifest, ModelResource, ModelSerialization, SignedModelManifest } from './types.js';

/** The predicate of OpenSSF model signing v1.0. */
export const MODEL_SIGNATURE_PREDICATE = 'https://model_signing/signature/v1.0';
/** The pre-1.0 predicate (`model_signing` v0.2), still accepted by the reference verifier. */
export const LEGACY_DIGESTS_PREDICATE = 'https://model_signing/Digests/v0.1';
/** The DSSE payload type a model signature must carry. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';

/** Upper bounds that keep a hostile statement from exhausting memory before it is rejected. */
const MAX_RESOURCES = 1_000_000;
const MAX_NAME = 4096;

const subjectSchema = {
  type: 'object',
  required: ['name', 'digest'],
  properties: {
    name: { type: 'string', maxLength: MAX_NAME },
    digest: { type: 'object', required: ['sha256'], properties: { sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } } },
  },
} as const;

const v1Schema = {
  type: 'object',
  required: ['_type', 'subject', 'predicateType', 'predicate'],
  properties: {
    _type: { type: 'string' },
    subject: { type: 'array', minItems: 1, maxItems: 1, items: subjectSchema },
    predicateType: { const: MODEL_SIGNATURE_PREDICATE },
    predicate: {
      type: 'object',
      required: ['serialization', 'resources'],
      properties: {
        serialization: {
          type: 'object',
          required: ['method', 'hash_type', 'allow_symlinks'],
          properties: {
            method: { enum: ['files', 'shards'] },
            hash_type: { type: 'string' },
            allow_symlinks: { type: 'boolean' },
            shard_size: { type: 'number', exclusiveMinimum: 0 },
            ignore_paths: { type: 'array', maxItems: 10_000, items: { type: 'string', maxLength: MAX_NAME } },
          },
        },
        resources: {
          type: 'array',
          maxItems: MAX_RESOURCES,
          items: {
            type: 'object',
            required: ['name', 'algorithm', 'digest'],
            properties: {
              name: { type: 'string', maxLength: MAX_NAME + 64 },
              algorithm: { type: 'string', maxLength: 128 },
              digest: { type: 'string', pattern: '^[0-9a-fA-F]+$', maxLength: 256 },
            },
          },
        },
      },
    },
  },
} as const;

const legacySchema = {
  type: 'object',
  required: ['subject', 'predicateType'],
  properties: {
    subject: { type: 'array', minItems: 1, maxItems: MAX_RESOURCES, items: subjectSchema },
    predicateType: { const: LEGACY_DIGESTS_PREDICATE },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true });
const validateV1 = ajv.compile(v1Schema);
const validateLegacy = ajv.compile(legacySchema);

function schemaMessage(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}

function malformed(message: string): VerificationError {
  return new VerificationError('MALFORMED_BUNDLE', `model signature statement: ${message}`);
}

/** Maps a recorded `hash_type` to ours; `blake2` is what the reference's CLI calls `blake2b`. */
function toHashType(value: string): ModelHashType {
  if (value === 'sha256') return 'sha256';
  if (value === 'blake2b' || value === 'blake2') return 'blake2b';
  throw malformed(`hash_type ${JSON.stringify(value)} is not supported (sha256 or blake2b; blake3 is not available in Node.js crypto)`);
}

/** The `predicate.serialization` object in the reference implementation's field order. */
function serializationJson(s: ModelSerialization): Record<string, unknown> {
  return {
    method: s.method,
    hash_type: s.hashType,
    ...(s.method === 'shards' ? { shard_size: s.shardSize } : {}),
    allow_symlinks: s.allowSymlinks,
    ...(s.ignorePaths.length > 0 ? { ignore_paths: [...s.ignorePaths] } : {}),
  };
}

/** Builds the v1.0 in-toto statement for a manifest, with the root digest as subject. */
export function buildStatement(manifest: ModelManifest): { statement: Record<string, unknown>; rootDigest: string } {
  const resources = sortResources(manifest.resources, manifest.serialization.method === 'shards');
  const rootDigest = rootDigestOf(resources);
  return {
    rootDigest,
    statement: {
      _type: IN_TOTO_STATEMENT_V1,
      subject: [{ name: manifest.modelName, digest: { sha256: rootDigest } }],
      predicateType: MODEL_SIGNATURE_PREDICATE,
      predicate: {
        serialization: serializationJson(manifest.serialization),
        resources: resources.map((r) => ({ name: r.name, algorithm: r.algorithm, digest: r.digest })),
      },
    },
  };
}

/** Checks one resource name against the serialization and returns it unchanged. */
function checkName(name: string, serialization: ModelSerialization): void {
  if (serialization.method === 'files') {
    assertSafeName(name);
    return;
  }
  const parts = name.split(':');
  if (parts.length !== 3) throw malformed(`shard name ${JSON.stringify(name)} must be path:start:end`);
  const [file, startText, endText] = parts as [string, string, string];
  assertSafeName(file);
  const start = /^\d+$/.test(startText) ? Number(startText) : Number.NaN;
  const end = /^\d+$/.test(endText) ? Number(endText) : Number.NaN;
  const size = serialization.shardSize ?? 0;
  // A shard is a non-empty range no longer than the shard size, starting on a shard boundary.
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= end || end - start > size || start % size !== 0) {
    throw malformed(`shard ${JSON.stringify(name)} is not a [start, end) range of at most ${size} bytes on a shard boundary`);
  }
}

function readV1(statement: unknown): SignedModelManifest {
  if (!validateV1(statement)) throw malformed(schemaMessage(validateV1.errors));
  const { subject, predicate } = statement as unknown as {
    subject: [{ name: string; digest: { sha256: string } }];
    predicate: {
      serialization: {
        method: 'files' | 'shards';
        hash_type: string;
        allow_symlinks: boolean;
        shard_size?: number;
        ignore_paths?: string[];
      };
      resources: { name: string; algorithm: string; digest: string }[];
    };
  };
  const raw = predicate.serialization;
  const hashType = toHashType(raw.hash_type);
  let shardSize: number | undefined;
  if (raw.method === 'shards') {
    // The reference writes shard_size as an int, or a float such as 8.0 (which JSON reads as 8).
    if (raw.shard_size === undefined || !Number.isSafeInteger(raw.shard_size))
      throw malformed('shards serialization needs an integer shard_size');
    shardSize = raw.shard_size;
  }
  const serialization: ModelSerialization = {
    method: raw.method,
    hashType,
    ...(shardSize === undefined ? {} : { shardSize }),
    allowSymlinks: raw.allow_symlinks,
    ignorePaths: [...(raw.ignore_paths ?? [])],
  };
  const algorithm = resourceAlgorithm(serialization);
  const seen = new Set<string>();
  const resources: ModelResource[] = predicate.resources.map((r) => {
    checkName(r.name, serialization);
    // Every resource must have been hashed the way the serialization says.
    if (r.algorithm !== algorithm)
      throw malformed(`resource ${JSON.stringify(r.name)} has algorithm ${JSON.stringify(r.algorithm)} (expected ${algorithm})`);
    if (r.digest.length !== DIGEST_HEX_LENGTH[hashType])
      throw malformed(`resource ${JSON.stringify(r.name)} digest must be ${DIGEST_HEX_LENGTH[hashType]} hex characters`);
    if (seen.has(r.name)) throw malformed(`resource ${JSON.stringify(r.name)} is listed twice`);
    seen.add(r.name);
    return { name: r.name, algorithm: r.algorithm, digest: r.digest.toLowerCase() };
  });
  const claimed = subject[0].digest.sha256.toLowerCase();
  // The subject must be the digest of exactly these resources, in the order listed (reference check).
  const computed = rootDigestOf(resources);
  if (computed !== claimed) {
    throw new VerificationError(
      'DIGEST_MISMATCH',
      `model signature is inconsistent: subject digest is sha256:${claimed} but the listed resources hash to sha256:${computed}`,
    );
  }
  return {
    predicateType: MODEL_SIGNATURE_PREDICATE,
    modelName: subject[0].name,
    serialization,
    resources: sortResources(resources, serialization.method === 'shards'),
    rootDigest: claimed,
  };
}

function readLegacy(statement: unknown): SignedModelManifest {
  if (!validateLegacy(statement)) throw malformed(schemaMessage(validateLegacy.errors));
  const { subject } = statement as unknown as { subject: { name: string; digest: { sha256: string } }[] };
  const serialization: ModelSerialization = { method: 'files', hashType: 'sha256', allowSymlinks: false, ignorePaths: [] };
  const seen = new Set<string>();
  const resources = subject.map((s) => {
    assertSafeName(s.name);
    if (seen.has(s.name)) throw malformed(`subject ${JSON.stringify(s.name)} is listed twice`);
    seen.add(s.name);
    return { name: s.name, algorithm: 'sha256', digest: s.digest.sha256.toLowerCase() };
  });
  const sorted = sortResources(resources, false);
  return {
    predicateType: LEGACY_DIGESTS_PREDICATE,
    modelName: 'compat-undefined-not-present',
    serialization,
    resources: sorted,
    rootDigest: rootDigestOf(sorted),
  };
}

/**
 * Reads the signed manifest out of a verified statement.
 * @throws VerificationError MALFORMED_BUNDLE | DIGEST_MISMATCH | PATH_REFUSED
 */
export function parseModelStatement(statement: unknown): SignedModelManifest {
  const predicateType = (statement as { predicateType?: unknown } | null)?.predicateType;
  if (predicateType === MODEL_SIGNATURE_PREDICATE) return readV1(statement);
  if (predicateType === LEGACY_DIGESTS_PREDICATE) return readLegacy(statement);
  throw malformed(
    `predicateType must be ${MODEL_SIGNATURE_PREDICATE} or ${LEGACY_DIGESTS_PREDICATE} (got ${JSON.stringify(predicateType)})`,
  );
}
