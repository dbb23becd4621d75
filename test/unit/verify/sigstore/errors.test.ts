import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, VerificationError } from '../../../../src/errors.js';
import { toReason } from '../../../../src/verify/reason.js';
import { fromLibraryError } from '../../../../src/verify/sigstore/errors.js';

const libraryError = (code: string, message: string, cause?: unknown) =>
  Object.assign(new Error(message, cause === undefined ? {} : { cause }), { code });

describe('fromLibraryError', () => {
  describe('when @sigstore/verify throws one of its codes', () => {
    it.each([
      ['TLOG_ERROR', 'expected 1 tlog entries, got 0', 'NO_TRANSPARENCY_PROOF'],
      ['TLOG_MISSING_INCLUSION_ERROR', 'inclusion could not be verified', 'NO_TRANSPARENCY_PROOF'],
      ['TLOG_INCLUSION_PROOF_ERROR', 'invalid hash count', 'TLOG_INVALID'],
      ['TLOG_INCLUSION_PROMISE_ERROR', 'inclusion promise could not be verified', 'TLOG_INVALID'],
      ['TLOG_BODY_ERROR', 'signature mismatch', 'TLOG_INVALID'],
      ['CERTIFICATE_ERROR', 'no trusted certificate path found', 'CERTIFICATE_INVALID'],
      ['PUBLIC_KEY_ERROR', 'Public key is not valid for timestamp', 'EXPIRED'],
      ['TIMESTAMP_ERROR', 'timestamp could not be verified', 'SIGNATURE_INVALID'],
      ['SIGNATURE_ERROR', 'signature verification failed', 'SIGNATURE_INVALID'],
      ['UNTRUSTED_SIGNER_ERROR', 'certificate identity error', 'UNTRUSTED_SIGNER'],
      ['SOMETHING_NEW', 'a code we do not know', 'MALFORMED_BUNDLE'],
    ])('maps %s (%s) to %s, keeping the library message as detail and cause', (code, message, ours) => {
      const error = libraryError(code, message);
      const mapped = fromLibraryError(error);
      expect(mapped).toBeInstanceOf(VerificationError);
      expect(mapped.code).toBe(ours);
      expect(mapped.message).toContain(`(${message})`);
      expect(mapped.message.startsWith(message)).toBe(false);
      expect(mapped.cause).toBe(error);
    });

    it('calls a certificate error an expiry only when the leaf was outside its validity at a signed time', () => {
      const error = libraryError(
        'CERTIFICATE_ERROR',
        'Failed to verify certificate chain',
        libraryError('CERTIFICATE_ERROR', 'certificate is not valid or expired at the specified date'),
      );
      expect(fromLibraryError(error, { certificateValidAtSignedTimes: false }).code).toBe('EXPIRED');
      expect(fromLibraryError(error, { certificateValidAtSignedTimes: true }).code).toBe('CERTIFICATE_INVALID');
      // The wording alone decides nothing: without the fact, the safe reading is a broken chain.
      expect(fromLibraryError(error).code).toBe('CERTIFICATE_INVALID');
    });

    it('calls a timestamp error a missing proof only when the entity carries no signed time', () => {
      const error = libraryError('TIMESTAMP_ERROR', 'expected 1 timestamps, got 0');
      expect(fromLibraryError(error, { signedTimes: 0 }).code).toBe('NO_TRANSPARENCY_PROOF');
      expect(fromLibraryError(error, { signedTimes: 1 }).code).toBe('SIGNATURE_INVALID');
    });
  });

  describe('when something else escapes', () => {
    it.each([
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'clone')")],
      ['a string', 'boom'],
      ['undefined', undefined],
    ])('maps %s to MALFORMED_BUNDLE: fail closed', (_name, thrown) => {
      expect(fromLibraryError(thrown).code).toBe('MALFORMED_BUNDLE');
    });

    it('passes our own errors through unchanged', () => {
      const ours = new ConfigError('TRUST_ROOT_INVALID', 'x');
      expect(fromLibraryError(ours)).toBe(ours);
    });
  });
});

describe('toReason', () => {
  it.each([
    [new VerificationError('DIGEST_MISMATCH', 'x'), 'DIGEST_MISMATCH'],
    [new ConfigError('TRUST_ROOT_INVALID', 'x'), 'TRUST_ROOT_INVALID'],
    [new InputError('ARTIFACT_REQUIRED', 'x'), 'ERROR'],
    [new Error('x'), 'ERROR'],
  ])('gives the reason code of %s', (error, reason) => {
    expect(toReason(error)).toBe(reason);
  });
});
