/**
 * The certification path of a private-PKI leaf: built from the bundle's certificates to the operator's
 * configured root and validated with node:crypto at the verification time (the library crashes on
 * certificate bundles without a timestamp, and has no notion of a private root).
 */
import type { X509Certificate as NodeX509, KeyObject } from 'node:crypto';
import { X509Certificate as CoreX509 } from '@sigstore/core';
import { ConfigError } from '../../errors.js';
import { fail } from './errors.js';

const MAX_PATH = 8;
/** id-kp-codeSigning. */
const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

function issuedBy(cert: NodeX509, issuer: NodeX509): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function keyUsage(cert: NodeX509): { digitalSignature: boolean; keyCertSign: boolean } | undefined {
  const ext = CoreX509.parse(Buffer.from(cert.raw)).extKeyUsage;
  return ext === undefined ? undefined : { digitalSignature: ext.digitalSignature, keyCertSign: ext.keyCertSign };
}

function basicConstraints(cert: NodeX509): { isCA: boolean; pathLen: bigint | undefined } {
  const ext = CoreX509.parse(Buffer.from(cert.raw)).extBasicConstraints;
  return { isCA: ext?.isCA ?? false, pathLen: ext?.pathLenConstraint };
}

/**
 * Validates the leaf's path to the configured root at `now` and returns the leaf's public key.
 * @throws VerificationError CERTIFICATE_INVALID | EXPIRED
 */
export function verifyCertificatePath(
  bundleCerts: readonly NodeX509[],
  trustChain: readonly NodeX509[],
  now: Date,
): { leaf: NodeX509; path: NodeX509[]; key: KeyObject } {
  const [leaf, ...bundleIntermediates] = bundleCerts;
  const [root, ...trustedIntermediates] = trustChain;
  if (leaf === undefined) return fail('MALFORMED_BUNDLE', 'the bundle carries no certificate');
  if (root === undefined) throw new ConfigError('TRUST_ROOT_INVALID', 'certificate policy needs at least the root certificate');
  // Build the path leaf -> ... -> configured root; bundle intermediates are candidates, never anchors.
  const pool = [...trustedIntermediates, ...bundleIntermediates];
  const path: NodeX509[] = [leaf];
  for (let current = leaf; ;) {
    if (issuedBy(current, root)) {
      if (current.fingerprint256 !== root.fingerprint256) path.push(root);
      break;
    }
    if (path.length >= MAX_PATH)
      fail('CERTIFICATE_INVALID', `no path from ${leaf.subject} to the trusted root ${root.subject} within ${MAX_PATH} certificates`);
    const next = pool.find((candidate) => !path.includes(candidate) && issuedBy(current, candidate));
    if (next === undefined) {
      return fail(
        'CERTIFICATE_INVALID',
        `certificate ${current.subject} (issuer ${current.issuer}) does not chain to the trusted root ${root.subject}`,
      );
    }
    path.push(next);
    current = next;
  }
  // Every certificate on the path must be valid now: private-PKI bundles carry no signed timestamp.
  for (const cert of path) {
    const from = new Date(cert.validFrom);
    const to = new Date(cert.validTo);
    if (!(from <= now && now <= to)) {
      fail('EXPIRED', `certificate ${cert.subject} is valid ${from.toISOString()} to ${to.toISOString()}, not at ${now.toISOString()}`);
    }
  }
  // Issuers must be CAs allowed to sign certificates, within their path-length constraint.
  path.slice(1).forEach((issuer, index) => {
    const constraints = basicConstraints(issuer);
    if (!constraints.isCA) fail('CERTIFICATE_INVALID', `issuer ${issuer.subject} is not a CA (basicConstraints)`);
    if (constraints.pathLen !== undefined && constraints.pathLen < BigInt(index)) {
      fail('CERTIFICATE_INVALID', `issuer ${issuer.subject} allows ${constraints.pathLen} intermediates below it, the path has ${index}`);
    }
    const usage = keyUsage(issuer);
    if (usage !== undefined && !usage.keyCertSign)
      fail('CERTIFICATE_INVALID', `issuer ${issuer.subject} may not sign certificates (keyUsage)`);
  });
  // The leaf must be allowed to make signatures: keyUsage digitalSignature or, as model_signing
  // accepts, extendedKeyUsage codeSigning (a leaf may carry either, or both).
  const leafUsage = keyUsage(leaf);
  if (leafUsage?.digitalSignature !== true && !((leaf.keyUsage as string[] | undefined) ?? []).includes(CODE_SIGNING)) {
    fail('CERTIFICATE_INVALID', `signing certificate ${leaf.subject} lacks keyUsage digitalSignature and extendedKeyUsage codeSigning`);
  }
  return { leaf, path, key: leaf.publicKey };
}
