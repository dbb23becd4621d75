/**
 * Step "log": what the library does not check about transparency-log entries, and the signed times
 * they and the TSA timestamps give.
 */
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle';
import type { SignedEntity } from '@sigstore/verify';
import { equalBytes } from './content.js';
import { fail } from './errors.js';

type Timestamp = SignedEntity['timestamps'][number];

/** Entry kinds and versions that only Rekor v2 writes (v1's intoto 0.0.2 is not one of them). */
const REKOR_V2_KINDS: ReadonlySet<string> = new Set(['hashedrekord:0.0.2', 'dsse:0.0.2']);

function isRekorV2(entry: TransparencyLogEntry): boolean {
  // Typed as required, yet the protobuf reader leaves it undefined when a bundle omits it.
  const kindVersion = entry.kindVersion as TransparencyLogEntry['kindVersion'] | undefined;
  return kindVersion !== undefined && REKOR_V2_KINDS.has(`${kindVersion.kind}:${kindVersion.version}`);
}

/**
 * Checks every tlog entry's inclusion proof against what else the entry says.
 * @throws VerificationError TLOG_INVALID
 */
export function assertTlogEntries(bundle: Bundle): void {
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    const proof = entry.inclusionProof;
    if (proof === undefined) continue;
    // Rekor v2 logs are not sharded: the entry's index is the proof's, so a disagreeing index is a lie about where it was logged.
    if (isRekorV2(entry) && proof.logIndex !== entry.logIndex) {
      fail('TLOG_INVALID', `Rekor v2 log entry claims index ${entry.logIndex} but its inclusion proof is for index ${proof.logIndex}`);
    }
    // The library checks the recomputed root against the signed checkpoint only: the proof's own root and size must agree with it.
    const envelope = proof.checkpoint?.envelope;
    if (envelope === undefined) continue;
    const [, size, rootHash] = envelope.split('\n');
    if (size !== proof.treeSize || rootHash === undefined || !equalBytes(Buffer.from(rootHash, 'base64'), proof.rootHash)) {
      fail('TLOG_INVALID', `inclusion proof of log entry ${entry.logIndex} disagrees with its checkpoint (tree size or root hash)`);
    }
  }
}

/** The entity's timestamps with duplicate tlog entries (same log, same index) counted once; every copy was still verified. */
export function uniqueTimestamps(timestamps: readonly Timestamp[]): Timestamp[] {
  const seen = new Set<string>();
  return timestamps.filter((timestamp) => {
    if (timestamp.$case !== 'transparency-log') return true;
    const key = `${timestamp.tlogEntry.logId.keyId.toString('hex')}:${timestamp.tlogEntry.logIndex}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many timestamps attest a time someone else signed: TSA tokens and tlog entries with a SET. */
export function signedTimeCount(timestamps: readonly Timestamp[]): number {
  return timestamps.filter((timestamp) => timestamp.$case === 'timestamp-authority' || timestamp.tlogEntry.inclusionPromise !== undefined)
    .length;
}

/** RFC 3339, whole seconds without the `.000`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/** The distinct signed times of the timestamps, RFC 3339. */
export function signedTimesOf(timestamps: readonly Timestamp[]): string[] {
  const times = timestamps
    .map((timestamp) =>
      timestamp.$case === 'timestamp-authority'
        ? timestamp.timestamp.signingTime
        : timestamp.tlogEntry.inclusionPromise === undefined
          ? undefined
          : new Date(Number(timestamp.tlogEntry.integratedTime) * 1000),
    )
    .filter((date): date is Date => date !== undefined)
    .map(rfc3339);
  return [...new Set(times)];
}
