/**
 * Signature checks over a pre-computed digest, for `verify-bundle ... sha256:HEX` against a
 * message-signature bundle: the artifact bytes are not available, only their digest. Node's crypto
 * always hashes what it verifies (`crypto.verify(null, ...)` on an EC key still applies SHA-256), so
 * ECDSA over a prehash goes through @noble/curves (audited, FIPS 186-5 bits2int truncation); RSA
 * PKCS#1 v1.5 uses node's RSA public operation and compares the encoded DigestInfo (RFC 8017 §8.2.2).
 */
import { constants, publicDecrypt, type KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist';

type Hash = 'sha256' | 'sha384' | 'sha512';

/** Node's curve names -> the noble curve that verifies over them. */
const CURVES: Readonly<Record<string, typeof p256>> = { prime256v1: p256, secp384r1: p384, secp521r1: p521 };

function ecdsaVerify(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (curve === undefined) return false;
  const jwk = key.export({ format: 'jwk' });
  if (jwk.x === undefined || jwk.y === undefined) return false;
  const point = Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  try {
    // DER signatures, high S allowed (ECDSA as specified; only signers normalise S), digest taken as given.
    return curve.verify(signature, digest, point, { format: 'der', lowS: false, prehash: false });
  } catch {
    return false;
  }
}

/** DER prefix of the DigestInfo for each hash (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_PREFIX: Readonly<Record<Hash, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function rsaVerify(key: KeyObject, algorithm: Hash, digest: Buffer, signature: Buffer): boolean {
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return recovered.equals(Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[algorithm], 'hex'), digest]));
  } catch {
    return false;
  }
}

/**
 * Verifies a signature over a digest the caller computed (`algorithm` names the hash).
 * @returns false for a bad signature, and for key types that cannot sign a prehash (Ed25519).
 */
export function verifyPrehashed(key: KeyObject, algorithm: Hash, digest: Buffer, signature: Buffer): boolean {
  switch (key.asymmetricKeyType) {
    case 'ec':
      return ecdsaVerify(key, digest, signature);
    case 'rsa':
      return rsaVerify(key, algorithm, digest, signature);
    default:
      return false;
  }
}
