/**
 * Licence and supplier of a plugin, from the package's own `package.json`: inside the vendored
 * tarball (offline; used only when its sha512 equals the integrity the registry signed) or from
 * the registry's version document (`--online`, through a fetcher and registry URL the adapter
 * injects). Never guessed: a package that states neither licence nor author gets none.
 */
import { createHash } from 'node:crypto';
import { readTarballPackageJson } from '../verify/npm/tarball.js';
import type { PackageInfo, PackageSupplier } from './types.js';
import { isRecord } from '../json.js';

type Json = Record<string, unknown>;


function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 1024 ? value.trim() : undefined;
}

/** `git+https://host/o/r.git`, `git://host/o/r`, `github:o/r`, `o/r` as an https URL; else undefined. */
export function normalizeRepositoryUrl(value: unknown): string | undefined {
  const raw = text(isRecord(value) ? value['url'] : value);
  if (raw === undefined) return undefined;
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  const hosts: Readonly<Record<string, string>> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };
  let candidate = shorthand !== null ? `https://${hosts[shorthand[1] ?? 'github']}/${shorthand[2]}/${shorthand[3]}` : raw;
  candidate = candidate.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://');
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.username = '';
  url.password = '';
  url.hash = '';
  return url.toString().replace(/\.git$/, '').replace(/\/$/, '');
}

/** npm's `"Name <email> (url)"` person string or `{name, email, url}` object. */
function person(value: unknown): PackageSupplier | undefined {
  if (isRecord(value)) {
    const name = text(value['name']);
    if (name === undefined) return undefined;
    const email = text(value['email']);
    const url = text(value['url']);
    return { name, ...(email === undefined ? {} : { email }), ...(url !== undefined && URL.canParse(url) ? { url } : {}) };
  }
  const raw = text(value);
  if (raw === undefined) return undefined;
  const match = /^([^<(]+?)\s*(?:<([^>]+)>)?\s*(?:\(([^)]+)\))?$/.exec(raw);
  const name = match?.[1]?.trim();
  if (match === null || name === undefined || name === '') return undefined;
  const email = match[2]?.trim();
  const url = match[3]?.trim();
  return { name, ...(email === undefined ? {} : { email }), ...(url !== undefined && URL.canParse(url) ? { url } : {}) };
}

/** The licence as declared: an SPDX id or expression string, or the legacy `{type}` object. */
function licenseOf(pkg: Json): string | undefined {
  const direct = text(pkg['license']) ?? (isRecord(pkg['license']) ? text(pkg['license']['type']) : undefined);
  if (direct !== undefined) return direct;
  const legacy = Array.isArray(pkg['licenses']) ? (pkg['licenses'] as unknown[]).map((l) => (isRecord(l) ? text(l['type']) : text(l))) : [];
  const ids = legacy.filter((l): l is string => l !== undefined);
  return ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : `(${ids.join(' OR ')})`;
}

/**
 * What an SBOM takes from a package document: licence, supplier (the author, else the owner of
 * its source repository, with the repository host as its URL), description and repository.
 */
export function toPackageInfo(pkg: unknown, source: PackageInfo['source'], path?: string): PackageInfo {
  if (!isRecord(pkg)) return { source, ...(path === undefined ? {} : { path }) };
  const license = licenseOf(pkg);
  const repository = normalizeRepositoryUrl(pkg['repository']);
  const author = person(pkg['author']);
  let supplier: PackageSupplier | undefined = author;
  let supplierFrom: PackageInfo['supplierFrom'] | undefined = author === undefined ? undefined : 'author';
  if (supplier === undefined && repository !== undefined) {
    const url = new URL(repository);
    const owner = url.pathname.split('/').filter((s) => s !== '')[0];
    if (owner !== undefined) {
      supplier = { name: decodeURIComponent(owner), url: `${url.origin}/${owner}` };
      supplierFrom = 'repository';
    }
  }
  const description = text(pkg['description']);
  const homepage = text(pkg['homepage']);
  return {
    source,
    ...(path === undefined ? {} : { path }),
    ...(license === undefined ? {} : { license }),
    ...(supplier === undefined ? {} : { supplier }),
    ...(supplierFrom === undefined ? {} : { supplierFrom }),
    ...(description === undefined ? {} : { description }),
    ...(repository === undefined ? {} : { repository }),
    ...(homepage !== undefined && URL.canParse(homepage) ? { homepage } : {}),
  };
}

/** The SRI (`sha512-<base64>`) of some bytes. */
function sri512(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/**
 * Package metadata from a vendored tarball, only when the tarball is the one the registry signed
 * (its sha512 SRI equals `integrity`) and its package.json names this package and version.
 * Answers the reason otherwise.
 */
export function packageInfoFromTarball(
  tarball: Uint8Array,
  expected: { readonly name: string; readonly version: string; readonly integrity?: string },
  path: string,
): { info: PackageInfo; problem?: undefined } | { info?: undefined; problem: string } {
  if (expected.integrity === undefined) return { problem: `${path}: no signed integrity to check the tarball against` };
  // the licence of other bytes says nothing about the package that was verified
  const actual = sri512(tarball);
  if (actual !== expected.integrity) return { problem: `${path}: tarball sha512 must be ${expected.integrity} (got ${actual})` };
  let pkg: Readonly<Record<string, unknown>>;
  try {
    pkg = readTarballPackageJson(tarball);
  } catch (error) {
    return { problem: `${path}: ${(error as Error).message}` };
  }
  if (pkg['name'] !== expected.name || pkg['version'] !== expected.version) {
    return { problem: `${path}: package.json must describe ${expected.name}@${expected.version} (got ${String(pkg['name'])}@${String(pkg['version'])})` };
  }
  return { info: toPackageInfo(pkg, 'tarball', path) };
}

/** Fetches a URL and answers its JSON body (injected: the core does no network on its own). */
export type JsonFetcher = (url: string) => Promise<unknown>;

/**
 * The registry's document of one package version (`<registry>/<name>/<version>`), as package
 * metadata; undefined with the reason when it cannot be read or is about another package.
 */
export async function fetchPackageInfo(
  fetcher: JsonFetcher,
  registryUrl: string,
  name: string,
  version: string,
): Promise<{ info: PackageInfo; problem?: undefined } | { info?: undefined; problem: string }> {
  if (!URL.canParse(registryUrl)) return { problem: `registry URL ${JSON.stringify(registryUrl)} is not a URL` };
  const base = registryUrl.endsWith('/') ? registryUrl : `${registryUrl}/`;
  const url = new URL(`${name.replace('/', '%2F')}/${encodeURIComponent(version)}`, base).toString();
  let doc: unknown;
  try {
    doc = await fetcher(url);
  } catch (error) {
    return { problem: `${name}@${version}: the registry did not answer (${(error as Error).message})` };
  }
  if (!isRecord(doc) || doc['name'] !== name || doc['version'] !== version) {
    return { problem: `${name}@${version}: the registry's document must describe ${name}@${version}` };
  }
  return { info: toPackageInfo(doc, 'registry') };
}
