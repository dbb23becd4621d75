/**
 * Trust policy -> signer policies: resolves each authority (keyless identity, key, private PKI)
 * with its trusted root and key files, and verifies a bundle against a list of authorities, any of
 * which may pass (OR). `signedBy` narrows the list to one. Anything unmatched is denied.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, assertNever, ConfigError, isAgentfenceError, messageOf, VerificationError } from '../errors.js';
import { present } from '../invariant.js';
import { isRecord } from '../json.js';
import type { Authority, LoadedTrustPolicy, TrustedRootSpec } from '../manifest/types.js';
import {
  loadPublicGoodRoot,
  loadTrustRootFile,
  publicKeyHint,
  type ArtifactInput,
  type SignerPolicy,
  type SigstoreVerification,
  type TrustRoot,
  type VerifyBundleOptions,
} from './sigstore/index.js';
import { verifyBundle } from './sigstore/index.js';

/** An authority ready for the Sigstore core. */
export interface ResolvedAuthority {
  readonly name: string;
  readonly policy: SignerPolicy;
  /** How a person recognises it: `keyless <issuer> <subject>`, `key <hint>`, `certificate <file>`. */
  readonly describe: string;
}

/** A bundle verified by one of the authorities. */
export interface AuthorizedVerification extends SigstoreVerification {
  readonly authority: string;
}

/** Resolves trusted roots by name, once each. */
export class TrustRootCache {
  readonly #roots = new Map<string, TrustRoot>();
  readonly #specs: readonly TrustedRootSpec[];
  readonly #baseDir: string;

  constructor(specs: readonly TrustedRootSpec[], baseDir: string) {
    this.#specs = specs;
    this.#baseDir = baseDir;
  }

  /** The named root; `undefined` or `public-good` with no such entry means the pinned public-good root. */
  get(name: string | undefined): TrustRoot {
    const key = name ?? 'public-good';
    const cached = this.#roots.get(key);
    if (cached) return cached;
    const spec = this.#specs.find((entry) => entry.name === key);
    let root: TrustRoot;
    if (spec === undefined) {
      if (key !== 'public-good')
        throw new ConfigError('TRUST_ROOT_UNKNOWN', `trusted root ${JSON.stringify(key)} must be declared in trustedRoots (it is not)`);
      root = loadPublicGoodRoot();
    } else if (spec.source === 'public-good') {
      root = loadPublicGoodRoot();
    } else {
      root = loadTrustRootFile(path.resolve(this.#baseDir, spec.source.path));
    }
    this.#roots.set(key, root);
    return root;
  }
}

function readPolicyFile(baseDir: string, file: string, what: string): string {
  const full = path.resolve(baseDir, file);
  try {
    return readFileSync(full, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'TRUST_POLICY_FILE',
      `${what} ${file} must be readable relative to ${baseDir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        cause: error,
      },
    );
  }
}

/** Resolves one trust-policy authority into a signer policy. @throws ConfigError on unreadable keys or roots. */
export function resolveAuthority(authority: Authority, baseDir: string, roots: TrustRootCache): ResolvedAuthority {
  if ('keyless' in authority) {
    const { issuer, subject, subjectRegExp, extensions } = authority.keyless;
    const ext = Object.fromEntries(
      Object.entries(extensions ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return {
      name: authority.name,
      policy: {
        kind: 'keyless',
        issuer,
        ...(subject !== undefined ? { subject } : {}),
        ...(subjectRegExp !== undefined ? { subjectRegExp } : {}),
        ...(Object.keys(ext).length > 0 ? { extensions: ext } : {}),
        trustRoot: roots.get(authority.trustedRoot),
      },
      describe: `keyless ${issuer} ${subject ?? `/${subjectRegExp ?? ''}/`}${ext['sourceRepositoryURI'] ? ` repo ${ext['sourceRepositoryURI']}` : ''}`,
    };
  }
  if ('key' in authority) {
    const publicKeyPem = readPolicyFile(baseDir, authority.key.publicKey, `authority ${authority.name} public key`);
    let hint: string;
    try {
      hint = publicKeyHint(publicKeyPem);
    } catch (error) {
      throw new ConfigError(
        'TRUST_POLICY_KEY',
        `authority ${authority.name} public key ${authority.key.publicKey} must be a PEM public key`,
        { cause: error },
      );
    }
    return { name: authority.name, policy: { kind: 'key', publicKeyPem }, describe: `key ${hint.slice(0, 16)}` };
  }
  if ('certificate' in authority) {
    const chainPem = authority.certificate.chain.map((file) => readPolicyFile(baseDir, file, `authority ${authority.name} certificate`));
    return {
      name: authority.name,
      policy: { kind: 'certificate', chainPem },
      describe: `certificate ${authority.certificate.chain[0] ?? ''}`,
    };
  }
  return assertNever(authority, 'a trust-policy authority kind', 'TRUST_POLICY_AUTHORITY');
}

/**
 * The authorities of one artifact kind, narrowed to `signedBy` when given.
 * @throws ConfigError AUTHORITY_UNKNOWN when `signedBy` names no authority of that kind.
 */
export function selectAuthorities(
  authorities: readonly Authority[],
  signedBy: string | undefined,
  loaded: Pick<LoadedTrustPolicy, 'baseDir'>,
  roots: TrustRootCache,
  kind: string,
): ResolvedAuthority[] {
  const chosen = signedBy === undefined ? authorities : authorities.filter((authority) => authority.name === signedBy);
  if (signedBy !== undefined && chosen.length === 0) {
    throw new ConfigError(
      'AUTHORITY_UNKNOWN',
      `signedBy ${JSON.stringify(signedBy)} must name one of the trust policy's ${kind} authorities (${authorities.map((a) => a.name).join(', ') || 'none'})`,
    );
  }
  return chosen.map((authority) => resolveAuthority(authority, loaded.baseDir, roots));
}

type MaterialKind = 'key' | 'certificate' | 'unknown';

/** Which signer kinds can possibly verify this bundle, read from its verification material. */
function materialOf(bundle: unknown): { kind: MaterialKind; hint?: string } {
  const material = isRecord(bundle) ? bundle['verificationMaterial'] : undefined;
  if (!isRecord(material)) return { kind: 'unknown' };
  if ('publicKey' in material) {
    const hint = (material['publicKey'] as { hint?: unknown } | null)?.hint;
    return typeof hint === 'string' ? { kind: 'key', hint } : { kind: 'key' };
  }
  if ('certificate' in material || 'x509CertificateChain' in material) return { kind: 'certificate' };
  return { kind: 'unknown' };
}

function compatible(policy: SignerPolicy, material: MaterialKind): boolean {
  if (material === 'unknown') return true;
  return material === 'key' ? policy.kind === 'key' : policy.kind !== 'key';
}

/** Codes that say the artifact itself is wrong: they win over "not this signer". */
const CONTENT_CODES = new Set(['DIGEST_MISMATCH', 'TAMPERED', 'EXPIRED', 'MALFORMED_BUNDLE', 'UNSIGNED']);

/**
 * Verifies a bundle against authorities (OR). When none passes: a content error (digest, tamper,
 * malformed) is reported as is; else UNTRUSTED_SIGNER with expected vs. actual.
 * @throws VerificationError with the core's codes, or UNTRUSTED_SIGNER.
 */
export function verifyWithAuthorities(
  bundle: unknown,
  artifact: ArtifactInput,
  authorities: readonly ResolvedAuthority[],
  options: VerifyBundleOptions & { readonly what: string },
): AuthorizedVerification {
  const expected = authorities.map((authority) => `${authority.name} (${authority.describe})`).join(' or ');
  if (authorities.length === 0) {
    throw new VerificationError('UNTRUSTED_SIGNER', `${options.what} must be signed by a trusted authority (the trust policy lists none)`);
  }
  const material = materialOf(bundle);
  const candidates = authorities.filter((authority) => compatible(authority.policy, material.kind));
  if (candidates.length === 0) {
    throw new VerificationError(
      'UNTRUSTED_SIGNER',
      `${options.what} must be signed by ${expected} (got a ${material.kind === 'key' ? `key signature${material.hint ? ` ${material.hint}` : ''}` : 'certificate signature'})`,
    );
  }
  const failures: AgentfenceError[] = [];
  for (const authority of candidates) {
    try {
      const { what: _what, ...verifyOptions } = options;
      const result = verifyBundle(bundle, artifact, authority.policy, verifyOptions);
      return { ...result, authority: authority.name };
    } catch (error) {
      if (!isAgentfenceError(error)) {
        throw new VerificationError('ERROR', `${options.what} could not be verified: ${messageOf(error)}`, {
          cause: error,
        });
      }
      if (error.kind === 'config' || error.kind === 'input') throw error;
      failures.push(error);
    }
  }
  const content = failures.find((error) => CONTENT_CODES.has(error.code));
  if (content) throw content;
  // A key signature that fails under every trusted key whose hint differs: a different key signed it.
  const keyMismatch =
    material.kind === 'key' &&
    failures.every((error) => error.code === 'SIGNATURE_INVALID' || error.code === 'UNTRUSTED_SIGNER') &&
    !candidates.some(
      (authority) =>
        authority.policy.kind === 'key' && material.hint !== undefined && safeHint(authority.policy.publicKeyPem) === material.hint,
    );
  if (keyMismatch || failures.every((error) => error.code === 'UNTRUSTED_SIGNER')) {
    const actual = failures.map((error) => error.message).join('; ');
    throw new VerificationError('UNTRUSTED_SIGNER', `${options.what} must be signed by ${expected} (got: ${actual})`, {
      cause: failures[0],
    });
  }
  // every() above holds on an empty list: at least one authority failed here
  const first = failures.find((error) => error.code !== 'UNTRUSTED_SIGNER') ?? present(failures[0], 'a verification failure');
  throw first;
}

function safeHint(pem: string): string | undefined {
  try {
    return publicKeyHint(pem);
  } catch {
    return undefined;
  }
}

/** Resolves every authority kind of a loaded trust policy lazily, sharing one root cache. */
export function trustRootsOf(loaded: LoadedTrustPolicy): TrustRootCache {
  return new TrustRootCache(loaded.policy.trustedRoots, loaded.baseDir);
}
