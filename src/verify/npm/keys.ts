/**
 * npm registry signing keys: the npm `keys.json` target pinned in the installed `@sigstore/tuf`
 * seeds (never fetched), plus the trust policy's `plugins.registryKeys` for private registries.
 * A key id is the OpenSSH-style `SHA256:<base64 fingerprint>` the registry uses.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConfigError } from '../../errors.js';
import type { RegistryKey } from '../../manifest/types.js';

/** What a registry key may vouch for: the packument signature or the publish attestation. */
export type RegistryKeyUsage = 'npm:signatures' | 'npm:attestations';

/** One usable registry key with its validity window. */
export interface RegistryPublicKey {
  readonly keyid: string;
  readonly usage: ReadonlySet<RegistryKeyUsage>;
  readonly key: KeyObject;
  /** PEM (SPKI) form, for the Sigstore core's key policy. */
  readonly pem: string;
  /** Not valid before / after (inclusive bounds); absent means open. */
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  /** Where the key came from: `sigstore-tuf-seeds` or `trust-policy`. */
  readonly source: string;
}

/** Registry keys by key id; a key id may appear once per usage. */
export class RegistryKeyRing {
  readonly #keys = new Map<string, RegistryPublicKey[]>();

  constructor(keys: readonly RegistryPublicKey[] = []) {
    for (const key of keys) this.add(key);
  }

  add(key: RegistryPublicKey): void {
    const list = this.#keys.get(key.keyid) ?? [];
    list.push(key);
    this.#keys.set(key.keyid, list);
  }

  /** Every key with this id that may be used for `usage` (validity not yet checked). */
  find(keyid: string, usage: RegistryKeyUsage): readonly RegistryPublicKey[] {
    return (this.#keys.get(keyid) ?? []).filter((key) => key.usage.has(usage));
  }

  has(keyid: string): boolean {
    return this.#keys.has(keyid);
  }

  get size(): number {
    return this.#keys.size;
  }

  get keyids(): readonly string[] {
    return [...this.#keys.keys()];
  }
}

/** Whether `key` was valid at `when` (publish time or tlog integrated time). */
export function isKeyValidAt(key: RegistryPublicKey, when: Date): boolean {
  // An unreadable time (Invalid Date) compares false both ways: it must not pass as "within validity".
  if (Number.isNaN(when.getTime())) return false;
  if (key.validFrom !== undefined && when.getTime() < key.validFrom.getTime()) return false;
  if (key.validUntil !== undefined && when.getTime() > key.validUntil.getTime()) return false;
  return true;
}

/**
 * The registry's key id of an EC public key: `SHA256:` + unpadded base64 of the sha256 of the
 * OpenSSH wire encoding (`ecdsa-sha2-nistp256`, `nistp256`, uncompressed point).
 */
export function npmKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) {
    throw new ConfigError('REGISTRY_KEY_INVALID', `npm registry keys must be ECDSA P-256 (got ${jwk.kty ?? '?'} ${jwk.crv ?? ''})`);
  }
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  const field = (bytes: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const wire = Buffer.concat([field(Buffer.from('ecdsa-sha2-nistp256')), field(Buffer.from('nistp256')), field(point)]);
  return `SHA256:${createHash('sha256').update(wire).digest('base64').replace(/=+$/, '')}`;
}

function spkiKey(base64Der: string, keyid: string): { key: KeyObject; pem: string } {
  try {
    const key = createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails;
    if (key.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') {
      throw new Error(`expected an ECDSA P-256 key (got ${key.asymmetricKeyType ?? '?'} ${details?.namedCurve ?? ''})`);
    }
    return { key, pem: key.export({ format: 'pem', type: 'spki' }).toString() };
  } catch (error) {
    throw new ConfigError(
      'REGISTRY_KEY_INVALID',
      `registry key ${keyid} must be a base64 SPKI ECDSA P-256 key: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function optionalDate(value: unknown, what: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = new Date(typeof value === 'string' ? value : NaN);
  if (Number.isNaN(date.getTime()))
    throw new ConfigError('REGISTRY_KEY_INVALID', `${what} must be an ISO date-time (got ${JSON.stringify(value)})`);
  return date;
}

/** One entry of a keys target as read: nothing in it is trusted yet. */
interface SeedKey {
  readonly keyId?: unknown;
  readonly keyUsage?: unknown;
  readonly publicKey?: {
    readonly rawBytes?: unknown;
    readonly validFor?: { readonly start?: unknown; readonly end?: unknown } | null;
  } | null;
}

/** Parses a TUF `keys.json` target (`{keys:[{keyId, keyUsage, publicKey:{rawBytes, validFor}}]}`). */
export function registryKeysFromTufTarget(json: unknown, source = 'sigstore-tuf-seeds'): RegistryPublicKey[] {
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new ConfigError('REGISTRY_KEY_INVALID', 'npm keys target must have a "keys" array');
  return keys.map((raw: SeedKey | null) => {
    if (typeof raw?.keyId !== 'string' || typeof raw.publicKey?.rawBytes !== 'string') {
      throw new ConfigError('REGISTRY_KEY_INVALID', 'npm keys target entries must have keyId and publicKey.rawBytes');
    }
    if (raw.keyUsage !== 'npm:signatures' && raw.keyUsage !== 'npm:attestations') {
      throw new ConfigError('REGISTRY_KEY_INVALID', `npm key ${raw.keyId} has unknown keyUsage ${JSON.stringify(raw.keyUsage)}`);
    }
    const { key, pem } = spkiKey(raw.publicKey.rawBytes, raw.keyId);
    const validFrom = optionalDate(raw.publicKey.validFor?.start, `npm key ${raw.keyId} validFor.start`);
    const validUntil = optionalDate(raw.publicKey.validFor?.end, `npm key ${raw.keyId} validFor.end`);
    return {
      keyid: raw.keyId,
      usage: new Set<RegistryKeyUsage>([raw.keyUsage]),
      key,
      pem,
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
      source,
    };
  });
}

let seeded: RegistryPublicKey[] | undefined;

/**
 * The public npm registry keys pinned in `@sigstore/tuf`'s `seeds.json`: the one TUF target whose
 * name ends in `keys.json`. Read from the installed package, never fetched.
 * @throws ConfigError REGISTRY_KEY_INVALID when the seeds are missing or malformed.
 */
export function loadSeedRegistryKeys(): readonly RegistryPublicKey[] {
  if (seeded) return seeded;
  try {
    const file = createRequire(import.meta.url).resolve('@sigstore/tuf/seeds.json');
    const seeds = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { targets?: Record<string, string> }>;
    const targets = Object.values(seeds).flatMap((repo) => Object.entries(repo.targets ?? {}));
    const matches = targets.filter(([name]) => decodeURIComponent(name).endsWith('/keys.json'));
    const [match, ...others] = matches;
    if (match === undefined || others.length > 0) throw new Error(`expected one keys.json target in the seeds, found ${matches.length}`);
    seeded = registryKeysFromTufTarget(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')));
    return seeded;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      'REGISTRY_KEY_INVALID',
      `cannot read the npm registry keys from @sigstore/tuf seeds: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Converts trust-policy `plugins.registryKeys` (the registry's `/-/npm/v1/keys` shape). Usable for both usages. */
export function registryKeysFromPolicy(keys: readonly RegistryKey[]): RegistryPublicKey[] {
  return keys.map((entry) => {
    const { key, pem } = spkiKey(entry.key, entry.keyid);
    const validUntil = optionalDate(entry.expires, `registry key ${entry.keyid} expires`);
    return {
      keyid: entry.keyid,
      usage: new Set<RegistryKeyUsage>(['npm:signatures', 'npm:attestations']),
      key,
      pem,
      ...(validUntil ? { validUntil } : {}),
      source: 'trust-policy',
    };
  });
}

/** The seeds' public npm keys plus the trust policy's registry keys. */
export function buildRegistryKeyRing(policyKeys: readonly RegistryKey[] = [], includeSeeds = true): RegistryKeyRing {
  return new RegistryKeyRing([...(includeSeeds ? loadSeedRegistryKeys() : []), ...registryKeysFromPolicy(policyKeys)]);
}
