/**
 * The signature of a model: the Sigstore bundle verified per signer policy, with what the reference
 * implementation (`model_signing` 1.1) also accepts and the plain bundle verifier does not:
 *
 * - private-PKI chains are validated at the leaf's notBefore, as the reference sets its X509 store
 *   time (a model signed while the leaf was valid still verifies after the leaf expires);
 *   `certificateTime: 'now'` is the stricter, opt-in alternative;
 * - signatures made by model_signing releases before 1.0 (v0.2): over a PAE that was built from the
 *   Python repr of the payload bytes (`DSSEV1 ... b'...'`), with SHA-256 whatever the curve for the
 *   certificate method, and bundles without `tlogEntries`, without a key hint, or with
 *   `publicKey.rawBytes`/`keyDetails`.
 */
import { X509Certificate, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { VerificationError } from '../../errors.js';
import { hashForKey, hintOf, publicKeyFromPem } from '../sigstore/keys.js';
import { parseCertificates, parseTrustChain } from '../sigstore/pki.js';
import { verifyCertificatePath } from '../sigstore/pki-path.js';
import { verifyBundle, type SignerPolicy, type SigstoreVerification } from '../sigstore/index.js';
import type { Signer } from '../types.js';
import { IN_TOTO_PAYLOAD_TYPE } from './statement.js';
import { isRecord } from '../../json.js';

/** When a private-PKI chain must be valid: at the leaf's notBefore (the reference) or now (stricter). */
export type CertificateTime = 'leaf-not-before' | 'now';

/** Knobs of {@link verifyModelSignature}. */
export interface ModelSignatureOptions {
  readonly now?: Date;
  /** Defaults to `leaf-not-before`, as the reference implementation does. */
  readonly certificateTime?: CertificateTime;
}

type Json = Record<string, unknown>;

/** Python's `repr(bytes)`: `b'...'`, with `"` quotes when the bytes hold `'` and no `"`. */
export function pythonBytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}${quote}`;
}

/** The pre-authentication encoding model_signing v0.2 signed (its `pae_compat`). */
export function legacyPae(payload: Uint8Array): Buffer {
  return Buffer.from(`DSSEV1 ${IN_TOTO_PAYLOAD_TYPE.length} ${IN_TOTO_PAYLOAD_TYPE} ${payload.length} ${pythonBytesRepr(payload)}`, 'utf8');
}

/** The bundle as the reference reads it: missing `tlogEntries` added, key `rawBytes`/`keyDetails` dropped. */
function normalizeLegacyShape(bundle: unknown): unknown {
  if (!isRecord(bundle) || !isRecord(bundle['verificationMaterial'])) return bundle;
  const material: Json = { ...bundle['verificationMaterial'] };
  if (material['tlogEntries'] === undefined) material['tlogEntries'] = [];
  if (isRecord(material['publicKey'])) {
    const { rawBytes: _raw, keyDetails: _details, ...key } = material['publicKey'];
    material['publicKey'] = { hint: '', ...key };
  }
  return { ...bundle, verificationMaterial: material };
}

function leafOf(bundle: unknown): X509Certificate | undefined {
  const material = isRecord(bundle) ? bundle['verificationMaterial'] : undefined;
  if (!isRecord(material)) return undefined;
  const chain = material['x509CertificateChain'];
  const first =
    isRecord(chain) && Array.isArray(chain['certificates'])
      ? (chain['certificates'] as unknown[])[0]
      : isRecord(material['certificate'])
        ? material['certificate']
        : undefined;
  const raw = isRecord(first) ? first['rawBytes'] : undefined;
  if (typeof raw !== 'string') return undefined;
  try {
    return new X509Certificate(Buffer.from(raw, 'base64'));
  } catch {
    return undefined;
  }
}

function certificatesOf(bundle: unknown): Buffer[] {
  const material = isRecord(bundle) ? bundle['verificationMaterial'] : undefined;
  const chain = isRecord(material) ? material['x509CertificateChain'] : undefined;
  const list =
    isRecord(chain) && Array.isArray(chain['certificates'])
      ? chain['certificates']
      : isRecord(material) && isRecord(material['certificate'])
        ? [material['certificate']]
        : [];
  return list.map((cert) => Buffer.from(String(isRecord(cert) ? cert['rawBytes'] : ''), 'base64'));
}

function envelopeOf(bundle: unknown): { payloadType: string; payload: Buffer; signature: Buffer } | undefined {
  const envelope = isRecord(bundle) ? bundle['dsseEnvelope'] : undefined;
  if (!isRecord(envelope) || !Array.isArray(envelope['signatures']) || envelope['signatures'].length !== 1) return undefined;
  const [signature] = envelope['signatures'] as unknown[];
  if (
    !isRecord(signature) ||
    typeof signature['sig'] !== 'string' ||
    typeof envelope['payload'] !== 'string' ||
    typeof envelope['payloadType'] !== 'string'
  )
    return undefined;
  return {
    payloadType: envelope['payloadType'],
    payload: Buffer.from(envelope['payload'], 'base64'),
    signature: Buffer.from(signature['sig'], 'base64'),
  };
}

function firstSan(cert: X509Certificate): string | undefined {
  const first = cert.subjectAltName?.split(', ')[0];
  return first?.replace(/^(URI|email|DNS):/, '');
}

/** The key and signer a legacy signature is checked against, or undefined when the policy has none. */
function legacyKey(
  bundle: unknown,
  policy: SignerPolicy,
  at: Date,
): { key: KeyObject; hash: string | undefined; signer: Signer } | undefined {
  // A key with a validity window is checked against signed times, which legacy bundles never carry.
  if (policy.kind === 'key' && policy.validFor === undefined) {
    const key = publicKeyFromPem(policy.publicKeyPem);
    const hint = hintOf(key);
    return { key, hash: hashForKey(key), signer: { identity: `key:${hint}`, keyHint: hint } };
  }
  if (policy.kind === 'certificate') {
    // The chain is validated exactly as for a current signature; only the signed bytes differ.
    const { leaf, path, key } = verifyCertificatePath(parseCertificates(certificatesOf(bundle)), parseTrustChain(policy.chainPem), at);
    // model_signing v0.2 hashed with SHA-256 whatever the curve of the certificate's key.
    return {
      key,
      hash: 'sha256',
      signer: { identity: firstSan(leaf) ?? leaf.subject, issuer: path[path.length - 1]?.subject ?? leaf.issuer, keyHint: hintOf(key) },
    };
  }
  return undefined;
}

/**
 * Verifies a model signature bundle against the signer policy (see the module comment for what is
 * accepted beyond a current Sigstore bundle).
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   CERTIFICATE_INVALID | TLOG_INVALID | NO_TRANSPARENCY_PROOF | EXPIRED; ConfigError TRUST_ROOT_INVALID | PUBLIC_KEY_INVALID
 */
export function verifyModelSignature(bundle: unknown, policy: SignerPolicy, options: ModelSignatureOptions = {}): SigstoreVerification {
  const now = options.now ?? new Date();
  // The reference validates a private-PKI chain at the leaf's notBefore: signing time is not recorded.
  const leaf =
    policy.kind === 'certificate' && (options.certificateTime ?? 'leaf-not-before') === 'leaf-not-before' ? leafOf(bundle) : undefined;
  const at = leaf === undefined ? now : new Date(leaf.validFrom);
  const shaped = normalizeLegacyShape(bundle);
  try {
    return verifyBundle(shaped, { kind: 'none' }, policy, { now: at });
  } catch (error) {
    if (!(error instanceof VerificationError) || error.code !== 'SIGNATURE_INVALID') throw error;
    // Signatures made before model_signing 1.0 signed a different encoding of the same payload.
    const envelope = envelopeOf(shaped);
    const legacy = envelope === undefined ? undefined : legacyKey(shaped, policy, at);
    if (envelope === undefined || legacy === undefined || envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw error;
    let valid: boolean;
    try {
      valid = cryptoVerify(legacy.hash ?? null, legacyPae(envelope.payload), legacy.key, envelope.signature);
    } catch {
      valid = false;
    }
    if (!valid) throw error;
    return {
      signer: legacy.signer,
      timestamps: [],
      tlogIndexes: [],
      threshold: { tlog: 0, timestamps: 0 },
      dsse: { payloadType: envelope.payloadType, payload: envelope.payload },
    };
  }
}
