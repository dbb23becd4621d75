/**
 * Signing a model: hash it, build the v1.0 statement exactly as `model_signing` does, sign it as a
 * DSSE envelope in a v0.3 Sigstore bundle, and write `model.sig` (which then ignores itself).
 */
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';
import { dsse } from '@sigstore/core';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { present } from '../../invariant.js';
import { signDsse } from '../sigstore/index.js';
import { defaultSignaturePath, normalizeIgnorePaths } from './paths.js';
import { hashModel } from './serialize.js';
import { buildStatement, IN_TOTO_PAYLOAD_TYPE } from './statement.js';
import { hashForKey } from '../sigstore/keys.js';
import type { CertificateSigner, SignedModel, SignModelOptions } from './types.js';

/** PEM blocks of a file that may hold several certificates. */
function pemCertificates(pem: string, what: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new InputError('SIGNING_CERTIFICATE_INVALID', `${what} holds no PEM certificate`);
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new InputError('SIGNING_CERTIFICATE_INVALID', `${what} does not parse as an X.509 certificate`, { cause: error });
    }
  });
}

/**
 * The model_signing `certificate` bundle: a DSSE envelope signed with the leaf's key (the curve's
 * hash), the leaf and its chain as `x509CertificateChain`, no transparency-log entry.
 * @throws InputError KEY_INVALID | CERTIFICATE_INVALID
 */
export function signWithCertificate(payload: Buffer, payloadType: string, signer: CertificateSigner): object {
  let key: KeyObject;
  try {
    key = createPrivateKey(signer.privateKeyPem);
  } catch (error) {
    throw new InputError('KEY_INVALID', 'the signing key is not a PEM private key', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ec' || !['prime256v1', 'secp384r1', 'secp521r1'].includes(key.asymmetricKeyDetails?.namedCurve ?? '')) {
    throw new InputError('KEY_INVALID', 'the signing key must be EC P-256, P-384 or P-521');
  }
  // pemCertificates refuses a PEM without a certificate
  const leaf = present(pemCertificates(signer.certificatePem, 'the signing certificate')[0], 'the signing certificate');
  const chain = signer.chainPem.flatMap((pem, i) => pemCertificates(pem, `certificate chain file ${i + 1}`));
  // The certificate must carry the signing key's public half, or no verifier could check the signature.
  const spki = (k: KeyObject): Buffer => k.export({ type: 'spki', format: 'der' });
  if (!spki(leaf.publicKey).equals(spki(createPublicKey(key)))) {
    throw new InputError(
      'SIGNING_CERTIFICATE_INVALID',
      `the signing certificate ${leaf.subject} is not for this private key (public keys differ)`,
    );
  }
  const signature = cryptoSign(hashForKey(createPublicKey(key)) ?? null, dsse.preAuthEncoding(payloadType, payload), key);
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      x509CertificateChain: { certificates: [leaf, ...chain].map((cert) => ({ rawBytes: cert.raw.toString('base64') })) },
      tlogEntries: [],
    },
    dsseEnvelope: { payload: payload.toString('base64'), payloadType, signatures: [{ sig: signature.toString('base64'), keyid: '' }] },
  };
}

/**
 * The key hint `model_signing` writes and checks: sha256 hex of the public key's SPKI PEM.
 * @throws InputError KEY_INVALID
 */
export function modelKeyHint(keyPem: string): string {
  let spki: string;
  try {
    const key = keyPem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(keyPem)) : createPublicKey(keyPem);
    spki = key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (error) {
    throw new InputError('KEY_INVALID', 'the signing key is not a PEM EC key', { cause: error });
  }
  return createHash('sha256').update(spki).digest('hex');
}

/**
 * Signs a model and writes its `model.sig`.
 * @throws InputError MODEL_NOT_FOUND | MODEL_UNREADABLE | MODEL_EMPTY | KEY_INVALID | IGNORE_PATH_INVALID |
 *   HASH_UNSUPPORTED | SHARD_SIZE_INVALID | PATH_REFUSED; VerificationError SYMLINK_REFUSED; the Sigstore core's signing errors
 */
export async function signModel(options: SignModelOptions): Promise<SignedModel> {
  const root = path.resolve(options.path);
  const signaturePath = path.resolve(options.outputPath ?? defaultSignaturePath(root));
  const rel = path.relative(root, signaturePath);
  const signatureInside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
  const ignorePaths = [
    ...normalizeIgnorePaths(options.ignorePaths ?? [], true),
    ...(signatureInside === undefined ? [] : [signatureInside]),
  ];

  // Key material is checked before the model is hashed: a bad certificate must not cost a full hash.
  if (options.signer.kind === 'certificate') signWithCertificate(Buffer.alloc(0), IN_TOTO_PAYLOAD_TYPE, options.signer);
  const hashed = await hashModel(root, {
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.hashType === undefined ? {} : { hashType: options.hashType }),
    ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    ...(options.allowSymlinks === undefined ? {} : { allowSymlinks: options.allowSymlinks }),
    ...(options.ignoreGitPaths === undefined ? {} : { ignoreGitPaths: options.ignoreGitPaths }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ignorePaths,
  });
  // A name that is not UTF-8 cannot be written into a statement that every verifier reads the same way.
  if (hashed.undecodable.length > 0) {
    throw new InputError(
      'MODEL_NAME_NOT_UTF8',
      `cannot sign ${root}: these names are not valid UTF-8: ${hashed.undecodable.join(', ')} (rename them)`,
    );
  }
  const { statement, rootDigest } = buildStatement(hashed.manifest);
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const signer = options.signer;
  const bundle =
    signer.kind === 'certificate'
      ? signWithCertificate(payload, IN_TOTO_PAYLOAD_TYPE, signer)
      : await signDsse(
          payload,
          IN_TOTO_PAYLOAD_TYPE,
          signer.kind === 'key' ? { ...signer, keyHint: signer.keyHint ?? modelKeyHint(signer.privateKeyPem) } : signer,
        );

  // Written beside its final name and renamed, so a crash never leaves half a signature.
  const temporary = `${signaturePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(bundle)}\n`, { mode: 0o644 });
  renameSync(temporary, signaturePath);
  return { signaturePath, bundle, statement, manifest: hashed.manifest, rootDigest, stats: hashed.stats };
}
