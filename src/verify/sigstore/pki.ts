/**
 * The private-PKI parser: bundles whose leaf certificate (plus intermediates) the operator's own CA
 * signed, with no transparency log and no timestamps - what model signing's `certificate` method
 * produces. The library refuses v0.3 bundles with an `x509CertificateChain`, so they are read here,
 * field by field from untrusted JSON, and their certificates parsed strictly by node:crypto.
 */
import { X509Certificate as NodeX509 } from 'node:crypto';
import { ConfigError, messageOf } from '../../errors.js';
import { isRecord } from '../../json.js';
import { assertBundleMediaType } from './bundle.js';
import { fail } from './errors.js';

/** The certificates of a bundle's verification material, leaf first (DER). */
export function parseCertificates(ders: readonly Buffer[]): NodeX509[] {
  return ders.map((der, index) => {
    try {
      return new NodeX509(der);
    } catch (error) {
      return fail('MALFORMED_BUNDLE', `certificate ${index} of the bundle does not parse (${messageOf(error)})`, error);
    }
  });
}

/** Parses the configured chain (root first). @throws ConfigError TRUST_ROOT_INVALID */
export function parseTrustChain(chainPem: readonly string[]): NodeX509[] {
  if (chainPem.length === 0) throw new ConfigError('TRUST_ROOT_INVALID', 'certificate policy needs at least the root certificate');
  return chainPem.map((pem, index) => {
    try {
      return new NodeX509(pem);
    } catch (error) {
      throw new ConfigError('TRUST_ROOT_INVALID', `certificate ${index} of the configured chain does not parse (${messageOf(error)})`, {
        cause: error,
      });
    }
  });
}

function base64Field(value: unknown, where: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value.replace(/\s/g, ''))) {
    return fail('MALFORMED_BUNDLE', `${where} must be base64`);
  }
  return Buffer.from(value, 'base64');
}

/** A private-PKI bundle as read: certificates leaf first (DER) and the signed content. */
export interface PkiBundle {
  readonly certificates: Buffer[];
  readonly content:
    | { readonly kind: 'dsse'; readonly payloadType: string; readonly payload: Buffer; readonly signature: Buffer }
    | { readonly kind: 'message'; readonly algorithm: number; readonly digest: Buffer; readonly signature: Buffer };
}

const MESSAGE_ALGORITHMS: Readonly<Record<string, number>> = { SHA2_256: 1, SHA2_384: 2, SHA2_512: 3 };

function certificatesOf(material: Record<string, unknown>): Buffer[] {
  const chain = material['x509CertificateChain'];
  const single = material['certificate'];
  if (isRecord(chain) && Array.isArray(chain['certificates']) && chain['certificates'].length > 0) {
    return chain['certificates'].map((cert, index) =>
      base64Field(
        isRecord(cert) ? cert['rawBytes'] : undefined,
        `verificationMaterial.x509CertificateChain.certificates[${index}].rawBytes`,
      ),
    );
  }
  if (isRecord(single)) return [base64Field(single['rawBytes'], 'verificationMaterial.certificate.rawBytes')];
  return fail('UNTRUSTED_SIGNER', 'expected a certificate signed by the configured CA, got a bundle without a certificate');
}

function contentOf(json: Record<string, unknown>): PkiBundle['content'] {
  const envelope = json['dsseEnvelope'];
  const message = json['messageSignature'];
  if (isRecord(envelope) && message === undefined) {
    const signatures = envelope['signatures'];
    const signature: unknown = Array.isArray(signatures) && signatures.length === 1 ? signatures[0] : undefined;
    if (!isRecord(signature)) fail('MALFORMED_BUNDLE', 'DSSE envelope must carry exactly one signature');
    const payloadType = envelope['payloadType'];
    if (typeof payloadType !== 'string' || payloadType === '') return fail('MALFORMED_BUNDLE', 'DSSE envelope has no payloadType');
    return {
      kind: 'dsse',
      payloadType,
      payload: base64Field(envelope['payload'], 'dsseEnvelope.payload'),
      signature: base64Field(signature['sig'], 'dsseEnvelope.signatures[0].sig'),
    };
  }
  if (isRecord(message) && envelope === undefined && isRecord(message['messageDigest'])) {
    const algorithm = MESSAGE_ALGORITHMS[String(message['messageDigest']['algorithm'])];
    if (algorithm === undefined) return fail('MALFORMED_BUNDLE', 'unsupported message digest algorithm');
    return {
      kind: 'message',
      algorithm,
      digest: base64Field(message['messageDigest']['digest'], 'messageSignature.messageDigest.digest'),
      signature: base64Field(message['signature'], 'messageSignature.signature'),
    };
  }
  return fail('MALFORMED_BUNDLE', 'bundle must hold exactly one of dsseEnvelope or messageSignature');
}

/** Parses a bundle signed through a private PKI. @throws VerificationError MALFORMED_BUNDLE | UNTRUSTED_SIGNER */
export function parsePkiBundle(json: unknown): PkiBundle {
  assertBundleMediaType(json);
  const bundle = json as Record<string, unknown>;
  const material = bundle['verificationMaterial'];
  if (!isRecord(material)) return fail('MALFORMED_BUNDLE', 'bundle has no verificationMaterial');
  return { certificates: certificatesOf(material), content: contentOf(bundle) };
}
