/**
 * Step "subject": the in-toto statement of a DSSE payload, and the match of the artifact against its
 * subjects (the library never checks DSSE subjects).
 */
import { messageOf } from '../../errors.js';
import { isRecord } from '../../json.js';
import { equalBytes, sha, type Digest } from './content.js';
import { fail } from './errors.js';
import type { ArtifactInput, InTotoStatement } from './types.js';

const IN_TOTO = 'application/vnd.in-toto+json';

/** Parses and checks the in-toto statement of a DSSE payload. @throws VerificationError MALFORMED_BUNDLE */
export function parseInTotoStatement(payload: Buffer): InTotoStatement {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    return fail('MALFORMED_BUNDLE', `DSSE payload of type ${IN_TOTO} is not JSON (${messageOf(error)})`, error);
  }
  const valid =
    isRecord(json) &&
    typeof json['_type'] === 'string' &&
    typeof json['predicateType'] === 'string' &&
    Array.isArray(json['subject']) &&
    json['subject'].every(
      (subject) => isRecord(subject) && isRecord(subject['digest']) && Object.values(subject['digest']).every((v) => typeof v === 'string'),
    );
  if (!valid) fail('MALFORMED_BUNDLE', 'DSSE payload is not an in-toto statement (_type, subject[].digest, predicateType)');
  const statement = json as Record<string, unknown>;
  return {
    _type: statement['_type'] as string,
    subject: (statement['subject'] as Record<string, unknown>[]).map((subject) => ({
      name: typeof subject['name'] === 'string' ? subject['name'] : '',
      digest: { ...(subject['digest'] as Record<string, string>) },
    })),
    predicateType: statement['predicateType'] as string,
    predicate: statement['predicate'],
  };
}

/** The statement of an in-toto payload; other payload types carry none. @throws VerificationError MALFORMED_BUNDLE */
export function statementOf(payloadType: string, payload: Buffer): InTotoStatement | undefined {
  return payloadType === IN_TOTO ? parseInTotoStatement(payload) : undefined;
}

/**
 * Matches the signed DSSE content against the artifact: an in-toto subject digest, or the payload itself.
 * @throws VerificationError DIGEST_MISMATCH
 */
export function assertDsseArtifact(payload: Buffer, statement: InTotoStatement | undefined, artifact: ArtifactInput): void {
  if (artifact.kind === 'none') return;
  const digestOf = (algorithm: Digest): string =>
    artifact.kind === 'bytes'
      ? sha(algorithm, artifact.data).toString('hex')
      : artifact.algorithm === algorithm
        ? artifact.hex.toLowerCase()
        : '';
  if (statement === undefined) {
    // A non-in-toto payload is the artifact itself.
    const matches =
      artifact.kind === 'bytes'
        ? equalBytes(payload, artifact.data)
        : sha(artifact.algorithm, payload).toString('hex') === artifact.hex.toLowerCase();
    if (!matches) fail('DIGEST_MISMATCH', 'the artifact is not the signed DSSE payload');
    return;
  }
  // One of the subjects must carry the artifact's digest.
  const algorithms: readonly Digest[] = artifact.kind === 'bytes' ? ['sha256', 'sha384', 'sha512'] : [artifact.algorithm];
  const matched = statement.subject.some((subject) =>
    algorithms.some((algorithm) => {
      const expected = subject.digest[algorithm];
      return expected !== undefined && expected.toLowerCase() === digestOf(algorithm);
    }),
  );
  if (!matched) {
    const shown = algorithms.map((algorithm) => `${algorithm}:${digestOf(algorithm)}`)[0];
    const signed = statement.subject.map(
      (subject) =>
        `${subject.name}@${Object.entries(subject.digest)
          .map(([a, h]) => `${a}:${h}`)
          .join(',')}`,
    );
    fail('DIGEST_MISMATCH', `artifact ${shown} is not a subject of the signed statement (subjects: ${signed.join('; ') || 'none'})`);
  }
}

/** Parses a verified DSSE payload and matches the artifact against it. @throws VerificationError MALFORMED_BUNDLE | DIGEST_MISMATCH */
export function verifyDssePayload(
  dsse: { readonly payloadType: string; readonly payload: Buffer },
  artifact: ArtifactInput,
): InTotoStatement | undefined {
  const statement = statementOf(dsse.payloadType, dsse.payload);
  assertDsseArtifact(dsse.payload, statement, artifact);
  return statement;
}
