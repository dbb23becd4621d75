/**
 * Where package evidence comes from. Vendored (default, offline): one JSON file per package version
 * under the stack's attestations folder, laid out like node_modules:
 *
 *   attestations/<name>@<version>.json             e.g. attestations/left-pad@1.3.0.json
 *   attestations/@<scope>/<name>@<version>.json    e.g. attestations/@acme/ledger-mcp@2.1.0.json
 *
 * each `{name, version, integrity, publishedAt?, signatures:[{keyid, sig}], attestations:{attestations:[...]}}`
 * (the packument's `dist` fields plus the registry's attestations response). Online: the packument
 * and attestations from the registry in npm's configuration.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { ConfigError, PolicyError, VerificationError } from '../../errors.js';
import { isRecord } from '../../json.js';
import { assertNpmName } from './integrity.js';
import type { RegistrySignature } from './integrity.js';
import type { NpmPackageEvidence } from './verify-package.js';

const MAX_EVIDENCE_BYTES = 16 * 1024 * 1024;

/** The vendored file of a package version. */
export function vendoredFile(dir: string, name: string, version: string): string {
  assertNpmName(name);
  return path.join(dir, ...name.split('/').slice(0, -1), `${name.slice(name.lastIndexOf('/') + 1)}@${version}.json`);
}

/** Versions vendored for a package name, from the file names. */
export function vendoredVersions(dir: string, name: string): string[] {
  assertNpmName(name);
  const folder = path.join(dir, ...name.split('/').slice(0, -1));
  const base = `${name.slice(name.lastIndexOf('/') + 1)}@`;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.startsWith(base) && file.endsWith('.json'))
    .map((file) => file.slice(base.length, -'.json'.length))
    .filter((version) => semver.valid(version) !== null);
}

function parseEvidence(json: unknown, where: string): NpmPackageEvidence {
  const doc = json as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object') throw new VerificationError('MALFORMED_BUNDLE', `${where} must be a JSON object`);
  const { name, version, integrity, signatures, attestations, publishedAt } = doc;
  if (typeof name !== 'string' || typeof version !== 'string' || typeof integrity !== 'string') {
    throw new VerificationError('MALFORMED_BUNDLE', `${where} must have string name, version and integrity`);
  }
  if (
    signatures !== undefined &&
    (!Array.isArray(signatures) ||
      !signatures.every((s: unknown) => isRecord(s) && typeof s['keyid'] === 'string' && typeof s['sig'] === 'string'))
  ) {
    throw new VerificationError('MALFORMED_BUNDLE', `${where} signatures must be [{keyid, sig}]`);
  }
  if (publishedAt !== undefined && (typeof publishedAt !== 'string' || Number.isNaN(Date.parse(publishedAt)))) {
    throw new VerificationError('MALFORMED_BUNDLE', `${where} publishedAt must be an ISO date-time`);
  }
  return {
    name,
    version,
    integrity,
    ...(signatures !== undefined ? { signatures: signatures as RegistrySignature[] } : {}),
    ...(attestations !== undefined && attestations !== null ? { attestations } : {}),
    ...(typeof publishedAt === 'string' ? { publishedAt } : {}),
    source: where,
  };
}

/**
 * Reads vendored evidence for a package: the exact version, or the highest vendored version within
 * `range`. @throws VerificationError UNSIGNED (nothing vendored) | MALFORMED_BUNDLE; PolicyError VERSION_MISMATCH
 */
export function readVendored(dir: string, name: string, want: { readonly version?: string; readonly range?: string }): NpmPackageEvidence {
  let version = want.version;
  if (version === undefined) {
    const versions = vendoredVersions(dir, name);
    if (versions.length === 0)
      throw new VerificationError(
        'UNSIGNED',
        `${name} must have vendored attestations at ${vendoredFile(dir, name, '<version>')} (none found)`,
      );
    const best = semver.maxSatisfying(versions, want.range ?? '*');
    if (best === null) {
      throw new PolicyError('VERSION_MISMATCH', `${name} version must satisfy ${want.range ?? '*'} (vendored: ${versions.join(', ')})`);
    }
    version = best;
  }
  const file = vendoredFile(dir, name, version);
  if (!existsSync(file))
    throw new VerificationError('UNSIGNED', `${name}@${version} must have vendored attestations at ${file} (none found)`);
  // Attestation responses are tens of KB; anything huge is refused before parsing.
  if (statSync(file).size > MAX_EVIDENCE_BYTES)
    throw new VerificationError('MALFORMED_BUNDLE', `${file} must be at most ${MAX_EVIDENCE_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new VerificationError('MALFORMED_BUNDLE', `${file} must be JSON: ${(error as Error).message}`, { cause: error });
  }
  const evidence = parseEvidence(json, file);
  // The file's content must be about the package its name says.
  if (evidence.name !== name || evidence.version !== version) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `${file} must describe ${name}@${version} (it describes ${evidence.name}@${evidence.version})`,
    );
  }
  return evidence;
}

/**
 * Checks a registry base URL (the CLI reads it from npm's configuration) and answers it with a
 * trailing slash. @throws ConfigError REGISTRY_INVALID (not a URL, not https, carries credentials)
 */
export function toRegistryUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError('REGISTRY_INVALID', `npm registry must be a URL (got ${JSON.stringify(value)})`, { cause: error });
  }
  if (url.protocol !== 'https:') throw new ConfigError('REGISTRY_INVALID', `npm registry must use https (got ${url.protocol})`);
  // Credentials in the URL would be repeated in messages and the report (and fetch refuses them anyway).
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      'REGISTRY_INVALID',
      `npm registry URL must not carry credentials (got ${url.protocol}//***@${url.host}); configure the token as //${url.host}/:_authToken`,
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/**
 * Online evidence: the packument's `dist` (integrity, signatures, attestations URL) and `time`, then
 * the attestations response the packument points to, resolved against the configured registry.
 * @throws VerificationError UNSIGNED | ERROR; PolicyError VERSION_MISMATCH
 */
export async function fetchRegistryEvidence(
  registry: string,
  name: string,
  want: { readonly version?: string; readonly range?: string },
  fetchImpl: FetchLike = fetch,
): Promise<NpmPackageEvidence> {
  assertNpmName(name);
  const packumentUrl = new URL(name.replace('/', '%2F'), registry).href;
  const response = await fetchImpl(packumentUrl);
  if (!response.ok) throw new VerificationError('ERROR', `${name} packument must be readable at ${packumentUrl} (HTTP ${response.status})`);
  const packument = (await response.json()) as {
    versions?: Record<string, { dist?: { integrity?: string; signatures?: RegistrySignature[]; attestations?: { url?: string } } }>;
    time?: Record<string, string>;
  };
  const versions = Object.keys(packument.versions ?? {});
  const version = want.version ?? semver.maxSatisfying(versions, want.range ?? '*');
  if (version === null || packument.versions?.[version] === undefined) {
    throw new PolicyError(
      'VERSION_MISMATCH',
      `${name} must have a published version matching ${want.version ?? want.range ?? '*'} (registry has ${versions.length})`,
    );
  }
  const dist = packument.versions[version].dist ?? {};
  if (typeof dist.integrity !== 'string')
    throw new VerificationError('UNSIGNED', `${name}@${version} must have dist.integrity in the packument`);
  let attestations: unknown;
  if (typeof dist.attestations?.url === 'string') {
    const attestationsUrl = new URL(dist.attestations.url, registry).href;
    // A packument must not send us to another host than the configured registry.
    if (new URL(attestationsUrl).origin !== new URL(registry).origin) {
      throw new VerificationError(
        'ERROR',
        `${name}@${version} attestations URL must be on the configured registry (got ${attestationsUrl})`,
      );
    }
    const att = await fetchImpl(attestationsUrl);
    if (!att.ok)
      throw new VerificationError('ERROR', `${name}@${version} attestations must be readable at ${attestationsUrl} (HTTP ${att.status})`);
    attestations = await att.json();
  }
  const publishedAt = packument.time?.[version];
  return {
    name,
    version,
    integrity: dist.integrity,
    ...(Array.isArray(dist.signatures) ? { signatures: dist.signatures } : {}),
    ...(attestations !== undefined ? { attestations } : {}),
    ...(typeof publishedAt === 'string' ? { publishedAt } : {}),
    source: packumentUrl,
  };
}
