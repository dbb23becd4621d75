/**
 * Keyless signer identity: read from the Fulcio certificate (SAN, issuer, extensions decoded from
 * DER) and matched against the policy exactly, or by a regular expression we anchor ourselves
 * (`@sigstore/verify` matches the SAN with an unanchored regex, so `…main` would also admit `…main-evil`).
 */
import { ASN1Obj, type X509Certificate } from '@sigstore/core';
import { ConfigError } from '../../errors.js';
import type { Signer } from '../types.js';
import { fail } from './errors.js';

const FULCIO = '1.3.6.1.4.1.57264.1.';

/** Fulcio certificate extensions by name: v1 (`…1.1`–`…1.6`, raw bytes) and v2 (`…1.8`+, DER UTF8String). */
export const FULCIO_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({
  issuerV1: `${FULCIO}1`,
  githubWorkflowTrigger: `${FULCIO}2`,
  githubWorkflowSha: `${FULCIO}3`,
  githubWorkflowName: `${FULCIO}4`,
  githubWorkflowRepository: `${FULCIO}5`,
  githubWorkflowRef: `${FULCIO}6`,
  issuer: `${FULCIO}8`,
  buildSignerURI: `${FULCIO}9`,
  buildSignerDigest: `${FULCIO}10`,
  runnerEnvironment: `${FULCIO}11`,
  sourceRepositoryURI: `${FULCIO}12`,
  sourceRepositoryDigest: `${FULCIO}13`,
  sourceRepositoryRef: `${FULCIO}14`,
  sourceRepositoryIdentifier: `${FULCIO}15`,
  sourceRepositoryOwnerURI: `${FULCIO}16`,
  sourceRepositoryOwnerIdentifier: `${FULCIO}17`,
  buildConfigURI: `${FULCIO}18`,
  buildConfigDigest: `${FULCIO}19`,
  buildTrigger: `${FULCIO}20`,
  runInvocationURI: `${FULCIO}21`,
  sourceRepositoryVisibilityAtSigning: `${FULCIO}22`,
});

const NAME_BY_OID = new Map(Object.entries(FULCIO_EXTENSIONS).map(([name, oid]) => [oid, name]));
const V1_LAST = 6;

/** Decodes a Fulcio extension value: v1 OIDs hold raw UTF-8, v2 OIDs a DER UTF8String (tag 0x0c). */
function decodeExtension(oid: string, value: Buffer): string | undefined {
  const arc = Number(oid.slice(FULCIO.length));
  if (arc <= V1_LAST) return value.toString('utf8');
  try {
    const der = ASN1Obj.parseBuffer(Buffer.from(value));
    if (der.tag.number !== 0x0c) return undefined;
    return der.value.toString('utf8');
  } catch {
    return undefined;
  }
}

/** The identity a Fulcio-style certificate asserts. */
export interface CertificateIdentity {
  readonly subject: string | undefined;
  readonly issuer: string | undefined;
  /** Decoded Fulcio extensions by name, and every Fulcio extension also by dotted OID. */
  readonly extensions: Readonly<Record<string, string>>;
}

/** Reads SAN, issuer (v2 preferred over v1) and decoded Fulcio extensions from a certificate. */
export function identityOf(cert: X509Certificate): CertificateIdentity {
  const extensions: Record<string, string> = {};
  for (const ext of cert.extensions) {
    const oidObj = ext.subs[0];
    const valueObj = ext.subs[ext.subs.length - 1];
    if (oidObj === undefined || valueObj === undefined) continue;
    const oid = oidObj.toOID();
    if (!oid.startsWith(FULCIO)) continue;
    const decoded = decodeExtension(oid, valueObj.value);
    if (decoded === undefined) continue;
    extensions[oid] = decoded;
    const name = NAME_BY_OID.get(oid);
    if (name !== undefined) extensions[name] = decoded;
  }
  let subject: string | undefined;
  try {
    subject = cert.subjectAltName;
  } catch {
    subject = undefined;
  }
  return { subject, issuer: extensions['issuer'] ?? extensions['issuerV1'], extensions };
}

/** Escapes a string for literal use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiles a policy regex anchored at both ends. @throws ConfigError POLICY_INVALID for a broken pattern */
export function anchoredRegExp(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error) {
    throw new ConfigError('POLICY_INVALID', `subjectRegExp ${JSON.stringify(pattern)} is not a valid regular expression`, { cause: error });
  }
}

/** What a keyless policy expects. */
export interface IdentityExpectation {
  readonly issuer: string;
  readonly subject?: string;
  readonly subjectRegExp?: string;
  readonly extensions?: Readonly<Record<string, string>>;
}

function describeExpected(expected: IdentityExpectation): string {
  const who = expected.subject ?? (expected.subjectRegExp === undefined ? '<any>' : `/${expected.subjectRegExp}/`);
  return `expected identity ${who} issued by ${expected.issuer}`;
}

/**
 * Checks the certificate identity against the policy.
 * @throws VerificationError UNTRUSTED_SIGNER with "expected identity X issued by Y, got Z from W".
 */
export function assertIdentity(identity: CertificateIdentity, expected: IdentityExpectation): void {
  const got = `got ${identity.subject ?? '<no identity>'} from ${identity.issuer ?? '<no issuer>'}`;
  // The issuer is compared exactly: a look-alike issuer URL is a different identity provider.
  if (identity.issuer !== expected.issuer) fail('UNTRUSTED_SIGNER', `${describeExpected(expected)}, ${got}`);
  // The identity is compared exactly, or by a regex anchored at both ends.
  const subject = identity.subject;
  const subjectMatches =
    subject !== undefined &&
    (expected.subject === undefined || subject === expected.subject) &&
    (expected.subjectRegExp === undefined || anchoredRegExp(expected.subjectRegExp).test(subject));
  if (!subjectMatches) fail('UNTRUSTED_SIGNER', `${describeExpected(expected)}, ${got}`);
  // Extensions are compared as decoded DER strings, by name or by dotted OID.
  for (const [key, value] of Object.entries(expected.extensions ?? {})) {
    const oid = FULCIO_EXTENSIONS[key] ?? key;
    const actual = identity.extensions[oid];
    if (actual !== value) {
      fail(
        'UNTRUSTED_SIGNER',
        `${describeExpected(expected)} with ${key}=${value}, got ${key}=${actual ?? '<absent>'} (${subject} from ${identity.issuer})`,
      );
    }
  }
}

/** The signer record of a keyless certificate identity (named extensions only). */
export function toSigner(identity: CertificateIdentity): Signer {
  const extensions = Object.fromEntries(
    Object.entries(identity.extensions).filter(([key]) => !key.startsWith(FULCIO) && key !== 'issuer' && key !== 'issuerV1'),
  );
  return {
    identity: identity.subject ?? '',
    ...(identity.issuer === undefined ? {} : { issuer: identity.issuer }),
    ...(Object.keys(extensions).length === 0 ? {} : { extensions }),
  };
}
