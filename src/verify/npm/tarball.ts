/**
 * Reads `package/package.json` out of an npm tarball (gzip + ustar), to learn the name and version
 * of a tarball verified outside a registry. Bounded: refuses oversized archives and entries.
 */
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../errors.js';
import { isRecord } from '../../json.js';

const MAX_TARBALL = 256 * 1024 * 1024;
const MAX_PACKAGE_JSON = 1024 * 1024;

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/** Name and version from the tarball's `package.json`. @throws InputError TARBALL_INVALID */
export function readTarballManifest(tarball: Uint8Array): { name: string; version: string } {
  const json = readTarballPackageJson(tarball);
  return { name: json['name'] as string, version: json['version'] as string };
}

/**
 * The tarball's whole `package.json` (licence, author, repository: what an SBOM records), with a
 * string name and version. @throws InputError TARBALL_INVALID
 */
export function readTarballPackageJson(tarball: Uint8Array): Readonly<Record<string, unknown>> {
  let tar: Buffer;
  try {
    tar = gunzipSync(tarball, { maxOutputLength: MAX_TARBALL });
  } catch (error) {
    throw new InputError('TARBALL_INVALID', `tarball must be a gzip archive of at most ${MAX_TARBALL} bytes: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new InputError('TARBALL_INVALID', `tarball entry at ${offset} has an invalid size`);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
    // npm packs everything under one top-level folder (usually `package/`).
    if ((type === '0' || type === '\0') && /^[^/]+\/package\.json$/.test(name)) {
      if (size > MAX_PACKAGE_JSON)
        throw new InputError('TARBALL_INVALID', `tarball package.json must be at most ${MAX_PACKAGE_JSON} bytes`);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch (error) {
        throw new InputError('TARBALL_INVALID', `tarball package.json must be JSON: ${(error as Error).message}`, { cause: error });
      }
      if (!isRecord(json) || typeof json['name'] !== 'string' || typeof json['version'] !== 'string') {
        throw new InputError('TARBALL_INVALID', 'tarball package.json must have a string name and version');
      }
      return json;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new InputError('TARBALL_INVALID', 'tarball must contain package/package.json (not found); pass --name and --version');
}
