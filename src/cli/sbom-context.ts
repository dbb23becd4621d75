/**
 * What the SBOM and report cores are handed and cannot find out for themselves (they read no
 * environment, spawn nothing, open no sockets): the timestamp, the repository's VCS base URL,
 * the commit a report was made from, and registry package metadata for `--online`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageInfo } from '../sbom/types.js';
import type { VerificationReport } from '../verify/types.js';

/** Where the VCS base may come from, in order; the CLI gathers these, the SBOM core only takes the result. */
export interface VcsBaseSources {
  /** `--vcs-base` (or its older spelling `--repository-url`). */
  readonly given?: string;
  /** The process environment: GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA (GitHub Actions). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether this build checks a committed SBOM: it then rebuilds against the base the committed
   * file records, never the environment's (a committed file cannot name the commit it is part of,
   * so CI's GITHUB_SHA must not apply).
   */
  readonly check?: boolean;
  /** The committed SBOM's text, in a check. */
  readonly committed?: string;
}

function withSlash(url: URL): string {
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The VCS base project paths resolve against: `--vcs-base` when given; in a check, the base the
 * committed SBOM records; else `GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/` when all
 * three are set; else the project package.json's `repository` as `<https url>/blob/HEAD/`;
 * undefined when none says (the SBOM then keeps relative references and says so).
 * @throws InputError CLI_USAGE for a --vcs-base that is not https, or GITHUB_* values that do not form one.
 */
export async function repositoryBase(projectRoot: string, sources: VcsBaseSources): Promise<string | undefined> {
  const { InputError } = await import('../errors.js');
  if (sources.given !== undefined) {
    const url = URL.canParse(sources.given) ? new URL(sources.given) : undefined;
    if (url === undefined || url.protocol !== 'https:' || url.search !== '' || url.hash !== '') {
      throw new InputError('CLI_USAGE', `--vcs-base must be an https URL without query or fragment (got ${JSON.stringify(sources.given)})`);
    }
    return withSlash(url);
  }
  if (sources.check === true) {
    const { committedVcsBase } = await import('../sbom/vcs.js');
    const recorded = sources.committed === undefined ? undefined : committedVcsBase(sources.committed);
    if (recorded === null) return undefined;
    if (recorded !== undefined) return recorded;
  } else {
    const server = sources.env['GITHUB_SERVER_URL'];
    const repository = sources.env['GITHUB_REPOSITORY'];
    const sha = sources.env['GITHUB_SHA'];
    if (server && repository && sha) {
      const url = URL.canParse(server) ? new URL(server) : undefined;
      if (
        url === undefined ||
        url.protocol !== 'https:' ||
        !/^(?!\.\.?\/)[A-Za-z0-9_.-]+\/(?!\.\.?$)[A-Za-z0-9_.-]+$/.test(repository) ||
        !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)
      ) {
        throw new InputError(
          'CLI_USAGE',
          `GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA must form a VCS base (https URL, owner/repo, commit sha) (got ${JSON.stringify(`${server} ${repository} ${sha}`)}); pass --vcs-base to override`,
        );
      }
      return `${withSlash(url)}${repository}/blob/${sha}/`;
    }
  }
  const { normalizeRepositoryUrl } = await import('../sbom/package-info.js');
  const file = path.join(projectRoot, 'package.json');
  if (!existsSync(file)) return undefined;
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const repo = normalizeRepositoryUrl((pkg as { repository?: unknown } | null)?.repository);
  return repo === undefined ? undefined : `${repo}/blob/HEAD/`;
}

/** The commit checked out at the project root (`git rev-parse HEAD`), or undefined outside git. */
export function currentCommit(projectRoot: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Registry metadata (licence, author, repository) of every plugin version the verification
 * names, from the registry in npm's configuration. Problems are logged, never fatal: the SBOM
 * then says what it could not learn.
 */
export async function onlinePackageInfo(
  verification: VerificationReport | undefined,
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
): Promise<ReadonlyMap<string, PackageInfo>> {
  const { configuredRegistry } = await import('./verification.js');
  const { fetchPackageInfo } = await import('../sbom/package-info.js');
  const registry = configuredRegistry(env);
  const fetcher = async (url: string): Promise<unknown> => {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  const found = new Map<string, PackageInfo>();
  for (const r of verification?.results ?? []) {
    if (r.kind !== 'plugin' || r.version === undefined || found.has(`${r.name}@${r.version}`)) continue;
    const got = await fetchPackageInfo(fetcher, registry, r.name, r.version);
    if (got.info === undefined) log(`agentfence: ${got.problem}`);
    else found.set(`${r.name}@${r.version}`, got.info);
  }
  return found;
}

/**
 * `SHA256:<base64>` fingerprints of the trust policy's pinned keys (SPKI DER) and certificate
 * roots (DER), by authority name; an unreadable file is left out (the report then says so).
 */
export async function authorityFingerprints(trust: import('../manifest/types.js').LoadedTrustPolicy): Promise<ReadonlyMap<string, string>> {
  const { createHash, createPublicKey, X509Certificate } = await import('node:crypto');
  const fingerprints = new Map<string, string>();
  const policy = trust.policy;
  for (const authority of [
    ...policy.models.authorities,
    ...policy.plugins.authorities,
    ...policy.apis.authorities,
    ...(policy.images?.authorities ?? []),
  ]) {
    try {
      if ('key' in authority) {
        const der = createPublicKey(readFileSync(path.resolve(trust.baseDir, authority.key.publicKey))).export({
          type: 'spki',
          format: 'der',
        });
        fingerprints.set(authority.name, `SHA256:${createHash('sha256').update(der).digest('base64')}`);
      } else if ('certificate' in authority && authority.certificate.chain[0] !== undefined) {
        const root = new X509Certificate(readFileSync(path.resolve(trust.baseDir, authority.certificate.chain[0])));
        fingerprints.set(authority.name, `SHA256:${createHash('sha256').update(root.raw).digest('base64')}`);
      }
    } catch {
      // the verifier reports an unreadable key; the report shows "fingerprint unknown"
    }
  }
  return fingerprints;
}
