/**
 * Model verdicts in the shape of `.agentfence/verification.json` results, so `verify <agent>` and
 * `verify model` report models the same way.
 */
import { messageOf } from '../../errors.js';
import { toReason } from '../reason.js';
import type { ArtifactResult } from '../types.js';
import type { IgnoredPath, ModelVerification } from './types.js';
import { ModelMismatchError } from './verify.js';

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const SOURCE_LABEL: Readonly<Record<IgnoredPath['source'], string>> = Object.freeze({
  signature: 'recorded in the signature',
  caller: 'ignorePaths',
  git: 'git default',
  'signature-file': 'the signature file',
});

/** The ignore entries that hid something, for the verdict's one-line message ('' when none). */
export function describeIgnored(ignored: readonly IgnoredPath[]): string {
  const present = ignored.filter((entry) => entry.present && entry.source !== 'signature-file');
  return present.length === 0
    ? ''
    : `; not compared (ignored): ${present.map((entry) => `${entry.path} (${SOURCE_LABEL[entry.source]})`).join(', ')}`;
}

/** A verified model as an artifact result. */
export function modelResult(name: string, verification: ModelVerification): ArtifactResult {
  const { signer, stats, serialization } = verification;
  return {
    kind: 'model',
    name,
    status: 'verified',
    message: `signed by ${signer.identity}${signer.issuer === undefined ? '' : ` (${signer.issuer})`}; ${plural(stats.files, 'file')}, ${plural(verification.resources.length, 'resource')} match the signature exactly${describeIgnored(verification.ignoredPaths)}`,
    signer,
    digests: { sha256: `sha256:${verification.rootDigest}` },
    ...(verification.tlogIndexes.length > 0 ? { tlogIndexes: verification.tlogIndexes } : {}),
    ...(verification.timestamps.length > 0 ? { timestamps: verification.timestamps } : {}),
    ...(verification.trustRoot === undefined ? {} : { trustRoot: verification.trustRoot }),
    details: {
      subject: verification.name,
      predicateType: verification.predicateType,
      serialization: { ...serialization },
      files: stats.files,
      bytes: stats.bytes,
      resources: verification.resources.map((r) => ({ ...r })),
      // Documented key: every ignore entry applied, its source, and whether it hid anything.
      ignoredPaths: verification.ignoredPaths.map((entry) => ({ ...entry })),
    },
  };
}

/** A model that failed verification (any error: fail closed) as a blocked artifact result. */
export function modelBlockedResult(name: string, error: unknown): ArtifactResult {
  return {
    kind: 'model',
    name,
    status: 'blocked',
    reason: toReason(error),
    message: messageOf(error),
    ...(error instanceof ModelMismatchError
      ? {
          details: {
            extra: [...error.diff.extra],
            missing: [...error.diff.missing],
            changed: error.diff.changed.map((c) => ({ ...c })),
            ignoredPaths: error.ignoredPaths.map((entry) => ({ ...entry })),
          },
        }
      : {}),
  };
}
