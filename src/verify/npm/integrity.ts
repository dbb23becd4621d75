/**
 * npm identities and digests: the package URL an attestation names, SRI integrity strings, and the
 * registry signature over `${name}@${version}:${integrity}`.
 */
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { InputError, VerificationError } from '../../errors.js';
import { isKeyValidAt, type RegistryKeyRing } from './keys.js';

/** A registry signature entry of a packument's `dist.signatures`. */
export interface RegistrySignature {
  readonly keyid: string;
  /** Base64 DER ECDSA signature. */
  readonly sig: string;
}

const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Checks an npm package name (lower case, optional scope). @throws InputError NPM_NAME_INVALID */
export function assertNpmName(name: string): void {
  if (name.length > 214 || !NPM_NAME.test(name)) {
    throw new InputError('NPM_NAME_INVALID', `npm package name must be a valid (optionally scoped) name (got ${JSON.stringify(name)})`);
  }
}

/** `pkg:npm/<name>@<version>` with the scope's `@` percent-encoded, as npm's attestations name it. */
export function toNpmPurl(name: string, version: string): string {
  return `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}@${version}`;
}

/** The sha512 digest (hex) of an SRI integrity string; other algorithms are refused. @throws InputError INTEGRITY_INVALID */
export function sha512HexOfIntegrity(integrity: string): string {
  const entries = integrity
    .trim()
    .split(/\s+/)
    .filter((entry) => entry.startsWith('sha512-'));
  const first = entries[0];
  if (first === undefined)
    throw new InputError('INTEGRITY_INVALID', `integrity must contain a sha512 SRI value (got ${JSON.stringify(integrity)})`);
  const bytes = Buffer.from(first.slice('sha512-'.length), 'base64');
  if (bytes.length !== 64) throw new InputError('INTEGRITY_INVALID', `sha512 integrity must decode to 64 bytes (got ${bytes.length})`);
  return bytes.toString('hex');
}

/** The SRI integrity (`sha512-<base64>`) of a tarball. */
export function integrityOf(tarball: Uint8Array): string {
  return `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
}

/** The bytes a registry signs for a package version. */
export function registrySignedMessage(name: string, version: string, integrity: string): Buffer {
  return Buffer.from(`${name}@${version}:${integrity}`, 'utf8');
}

/** What a verified registry signature proves. */
export interface RegistrySignatureResult {
  readonly keyid: string;
  readonly keySource: string;
}

/**
 * Verifies a packument's registry signatures: at least one from a known `npm:signatures` key valid
 * at publish time (or now, when the publish time is unknown), and no known-key signature that fails.
 * @throws VerificationError UNSIGNED | UNTRUSTED_SIGNER | EXPIRED | SIGNATURE_INVALID
 */
export function verifyRegistrySignatures(
  pkg: { readonly name: string; readonly version: string; readonly integrity: string; readonly publishedAt?: Date },
  signatures: readonly RegistrySignature[],
  keys: RegistryKeyRing,
  now: Date = new Date(),
): RegistrySignatureResult {
  const id = `${pkg.name}@${pkg.version}`;
  if (signatures.length === 0) throw new VerificationError('UNSIGNED', `${id} must carry a registry signature (found none)`);
  const message = registrySignedMessage(pkg.name, pkg.version, pkg.integrity);
  const when = pkg.publishedAt ?? now;
  let verified: RegistrySignatureResult | undefined;
  const expired: string[] = [];
  for (const signature of signatures) {
    const candidates = keys.find(signature.keyid, 'npm:signatures');
    if (candidates.length === 0) continue;
    const valid = candidates.filter((key) => isKeyValidAt(key, when));
    if (valid.length === 0) {
      expired.push(signature.keyid);
      continue;
    }
    const sig = Buffer.from(signature.sig, 'base64');
    const ok = valid.find((key) => cryptoVerify('sha256', message, key.key, sig));
    // A known key whose signature fails means the name, version or integrity was changed.
    if (!ok) {
      throw new VerificationError(
        'SIGNATURE_INVALID',
        `${id} registry signature by ${signature.keyid} must verify over ${id}:${pkg.integrity} (it does not: integrity or metadata changed)`,
      );
    }
    verified ??= { keyid: signature.keyid, keySource: ok.source };
  }
  if (verified) return verified;
  if (expired.length > 0) {
    const at = Number.isNaN(when.getTime()) ? 'an unreadable time' : when.toISOString();
    throw new VerificationError(
      'EXPIRED',
      `${id} is signed by ${expired.join(', ')}, which was not valid at ${pkg.publishedAt ? `publish time ${at}` : `${at} (publish time unknown)`}`,
    );
  }
  throw new VerificationError(
    'UNTRUSTED_SIGNER',
    `${id} must be signed by a known registry key (expected one of ${keys.keyids.join(', ') || 'none configured'}; got ${signatures.map((s) => s.keyid).join(', ')})`,
  );
}
