/**
 * Who vouched for an agent's artifacts: each trust-policy authority with how it is pinned (a
 * public key's fingerprint, a keyless identity and issuer, a certificate root, or the hosted-model
 * allow-list) and the artifacts the verification says it vouched for. Pure: the adapter reads the
 * key files and passes their fingerprints in.
 */
import type { Authority, TrustPolicy } from '../manifest/types.js';
import type { ArtifactResult, VerificationReport } from '../verify/types.js';

/** One authority of the trust policy and what it vouched for in one verification. */
export interface Voucher {
  readonly authority: string;
  readonly scope: 'models' | 'plugins' | 'apis' | 'images' | 'hosted models';
  readonly kind: 'key' | 'keyless' | 'certificate' | 'allow-list';
  /** `SHA256:<base64>` of the public key (SPKI DER), or of the root certificate (DER). */
  readonly fingerprint?: string;
  /** The keyless subject (exact SAN, or the pattern the policy anchors). */
  readonly identity?: string;
  readonly issuer?: string;
  /** `name@version` (or name) of each artifact the verification credits to this authority. */
  readonly vouchedFor: readonly string[];
}

/** Name of the pseudo-authority for the trust policy's `models.hosted` list. */
export const HOSTED_ALLOW_LIST = 'models.hosted';

function describe(authority: Authority, scope: Voucher['scope'], fingerprints: ReadonlyMap<string, string>, vouchedFor: readonly string[]): Voucher {
  const fingerprint = fingerprints.get(authority.name);
  if ('keyless' in authority) {
    const identity = authority.keyless.subject ?? (authority.keyless.subjectRegExp === undefined ? undefined : `^${authority.keyless.subjectRegExp}$`);
    return { authority: authority.name, scope, kind: 'keyless', issuer: authority.keyless.issuer, ...(identity === undefined ? {} : { identity }), vouchedFor };
  }
  return { authority: authority.name, scope, kind: 'key' in authority ? 'key' : 'certificate', ...(fingerprint === undefined ? {} : { fingerprint }), vouchedFor };
}

/** The hosted model id a result names, or "hosted" when it names none. */
function hostedId(result: ArtifactResult): string {
  const id = result.details?.['hosted'];
  return typeof id === 'string' ? id : 'hosted';
}

/**
 * The trust policy's authorities with what each vouched for in `verification` (verified or
 * allow-listed results whose signer names the authority), plus the hosted-model allow-list.
 */
export function vouchersOf(policy: TrustPolicy, fingerprints: ReadonlyMap<string, string>, verification: VerificationReport | undefined): Voucher[] {
  const results = (verification?.results ?? []).filter((r) => (r.status as string) === 'verified' || (r.status as string) === 'allow-listed');
  const credited = (name: string, kind: string): string[] =>
    results.filter((r) => r.kind === kind && r.signer?.authority === name).map((r) => (r.version === undefined ? r.name : `${r.name}@${r.version}`)).sort();
  const scopes: Array<[Voucher['scope'], readonly Authority[], string]> = [
    ['models', policy.models.authorities, 'model'],
    ['plugins', policy.plugins.authorities, 'plugin'],
    ['apis', policy.apis.authorities, 'api'],
    ['images', policy.images?.authorities ?? [], 'image'],
  ];
  const vouchers = scopes.flatMap(([scope, authorities, kind]) => authorities.map((a) => describe(a, scope, fingerprints, credited(a.name, kind))));
  const hosted = results.filter((r) => r.kind === 'model' && r.signer === undefined && (typeof r.details?.['hosted'] === 'string' || (r.status as string) === 'allow-listed'));
  vouchers.push({ authority: HOSTED_ALLOW_LIST, scope: 'hosted models', kind: 'allow-list', vouchedFor: hosted.map((r) => `${r.name} (${hostedId(r)})`).sort() });
  return vouchers;
}
