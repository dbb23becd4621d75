/**
 * Trust roots, offline: the public-good root pinned in the installed `@sigstore/tuf` seeds, or an
 * operator's `trusted_root.json` / ClientTrustConfig. Every root is schema-checked (ajv) and its
 * keys and certificates parsed before use; the library's own loader would silently treat a
 * missing `validFor.start` as the beginning of time.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { X509Certificate, json as canonicalJson } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type KeyFinderFunc, type TrustMaterial } from '@sigstore/verify';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { messageOf } from '../../errors.js';
import { accelerateTrustMaterial } from './accelerate.js';
import { trustRootInvalid } from './errors.js';
import type { TrustRoot } from './types.js';
import { isRecord } from '../../json.js';

const addFormats = addFormatsModule.default;

/** Media types of a trusted root we understand. */
export const TRUSTED_ROOT_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.1+json',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
] as const;
/** Media type of a ClientTrustConfig (trusted root + signing config). */
export const CLIENT_TRUST_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json';

const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/=\\s_-]*$' } as const;
const validFor = {
  type: 'object',
  required: ['start'],
  properties: { start: { type: 'string', format: 'date-time' }, end: { type: ['string', 'null'], format: 'date-time' } },
} as const;
const transparencyLog = {
  type: 'object',
  required: ['baseUrl', 'publicKey', 'logId'],
  properties: {
    baseUrl: { type: 'string', minLength: 1 },
    hashAlgorithm: { type: ['string', 'null'] },
    publicKey: {
      type: 'object',
      required: ['rawBytes', 'keyDetails', 'validFor'],
      properties: { rawBytes: { ...base64, minLength: 1 }, keyDetails: { type: 'string', minLength: 1 }, validFor },
    },
    logId: { type: 'object', required: ['keyId'], properties: { keyId: { ...base64, minLength: 1 } } },
    checkpointKeyId: { type: ['object', 'null'], properties: { keyId: base64 } },
  },
} as const;
const certificateAuthority = {
  type: 'object',
  required: ['certChain', 'validFor'],
  properties: {
    uri: { type: ['string', 'null'] },
    certChain: {
      type: 'object',
      required: ['certificates'],
      properties: {
        certificates: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', required: ['rawBytes'], properties: { rawBytes: { ...base64, minLength: 1 } } },
        },
      },
    },
    validFor,
  },
} as const;

/** JSON Schema of a Sigstore trusted root, as strict as verification needs. */
export const trustedRootSchema = {
  type: 'object',
  required: ['mediaType', 'tlogs', 'certificateAuthorities', 'ctlogs'],
  properties: {
    mediaType: { enum: [...TRUSTED_ROOT_MEDIA_TYPES] },
    tlogs: { type: 'array', items: transparencyLog },
    certificateAuthorities: { type: 'array', items: certificateAuthority },
    ctlogs: { type: 'array', items: transparencyLog },
    timestampAuthorities: { type: ['array', 'null'], items: certificateAuthority },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateTrustedRoot = ajv.compile(trustedRootSchema);

interface RootState {
  readonly json: Record<string, unknown>;
  material?: TrustMaterial;
}

const states = new WeakMap<TrustRoot, RootState>();

/** Validates a parsed trusted root or ClientTrustConfig. @throws ConfigError TRUST_ROOT_INVALID */
export function trustRootFromJson(json: unknown, name = 'trusted root'): TrustRoot {
  let root = json;
  if (isRecord(root) && root['mediaType'] === CLIENT_TRUST_CONFIG_MEDIA_TYPE) root = root['trustedRoot'];
  if (!isRecord(root)) trustRootInvalid(`${name}: expected a trusted_root.json or ClientTrustConfig object`);
  // Schema first: unknown media type, missing validFor.start or a malformed entry is an error, not a default.
  if (!validateTrustedRoot(root)) {
    const errors = (validateTrustedRoot.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
      .join('; ');
    trustRootInvalid(`${name}: not a valid Sigstore trusted root: ${errors}`);
  }
  // Every key and certificate must parse, so that a broken root fails here rather than mid-verification.
  checkKeysParse(root, name);
  const digest = createHash('sha256').update(canonicalJson.canonicalize(root)).digest('hex');
  const trustRoot: TrustRoot = Object.freeze({ digest, name });
  states.set(trustRoot, { json: root });
  return trustRoot;
}

function checkKeysParse(root: Record<string, unknown>, name: string): void {
  const logs = [...(root['tlogs'] as unknown[]), ...(root['ctlogs'] as unknown[])] as {
    publicKey: { rawBytes: string; keyDetails: string };
    baseUrl: string;
  }[];
  for (const log of logs) {
    try {
      const rsaPkcs1 = /^PKCS1_RSA/.test(log.publicKey.keyDetails);
      createPublicKey({ key: Buffer.from(log.publicKey.rawBytes, 'base64'), format: 'der', type: rsaPkcs1 ? 'pkcs1' : 'spki' });
    } catch (error) {
      trustRootInvalid(`${name}: the public key of log ${log.baseUrl} does not parse (${messageOf(error)})`, error);
    }
  }
  const authorities = [
    ...(root['certificateAuthorities'] as unknown[]),
    ...((root['timestampAuthorities'] as unknown[] | undefined) ?? []),
  ] as { uri?: string; certChain: { certificates: { rawBytes: string }[] } }[];
  for (const authority of authorities) {
    for (const cert of authority.certChain.certificates) {
      try {
        X509Certificate.parse(Buffer.from(cert.rawBytes, 'base64'));
      } catch (error) {
        trustRootInvalid(`${name}: a certificate of authority ${authority.uri ?? '?'} does not parse (${messageOf(error)})`, error);
      }
    }
  }
}

/** Reads a `trusted_root.json` or ClientTrustConfig file. @throws ConfigError TRUST_ROOT_INVALID */
export function loadTrustRootFile(file: string): TrustRoot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return trustRootInvalid(`cannot read trusted root ${file}: ${messageOf(error)}`, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return trustRootInvalid(`trusted root ${file} is not JSON: ${messageOf(error)}`, error);
  }
  return trustRootFromJson(json, path.basename(file));
}

let publicGood: TrustRoot | undefined;

/**
 * The Sigstore public-good trusted root embedded in the installed `@sigstore/tuf` package's
 * `seeds.json` (pinned by the lockfile); never fetched, no TUF refresh.
 * @throws ConfigError TRUST_ROOT_INVALID when the seeds are missing or hold no trusted root.
 */
export function loadPublicGoodRoot(): TrustRoot {
  if (publicGood !== undefined) return publicGood;
  let seeds: unknown;
  try {
    const file = createRequire(import.meta.url).resolve('@sigstore/tuf/seeds.json');
    seeds = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return trustRootInvalid(`cannot read @sigstore/tuf seeds.json: ${messageOf(error)}`, error);
  }
  const encoded = isRecord(seeds)
    ? Object.values(seeds)
        .map((repo) => (isRecord(repo) && isRecord(repo['targets']) ? repo['targets']['trusted_root.json'] : undefined))
        .find((target): target is string => typeof target === 'string')
    : undefined;
  if (encoded === undefined) return trustRootInvalid('@sigstore/tuf seeds.json holds no trusted_root.json target');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch (error) {
    return trustRootInvalid(`the seeded trusted_root.json is not JSON: ${messageOf(error)}`, error);
  }
  publicGood = trustRootFromJson(json, 'public-good');
  return publicGood;
}

function stateOf(root: TrustRoot): RootState {
  const state = states.get(root);
  if (state === undefined) {
    return trustRootInvalid(`${root.name}: not a trust root loaded by agentfence (use loadTrustRootFile or trustRootFromJson)`);
  }
  return state;
}

const noKeys: KeyFinderFunc = (hint) => {
  throw Object.assign(new Error(`no public key configured for hint ${JSON.stringify(hint)}`), { code: 'PUBLIC_KEY_ERROR' });
};

/**
 * The library trust material of a root, built once per root (keys and certificates parsed once).
 * `keys` replaces the root's key finder for key-signed bundles.
 */
export function trustMaterialOf(root: TrustRoot | undefined, keys?: KeyFinderFunc): TrustMaterial {
  if (root === undefined) {
    return { certificateAuthorities: [], timestampAuthorities: [], tlogs: [], ctlogs: [], publicKey: keys ?? noKeys };
  }
  const state = stateOf(root);
  if (state.material === undefined) {
    try {
      const material = toTrustMaterial(TrustedRoot.fromJSON(state.json), noKeys);
      accelerateTrustMaterial(material);
      state.material = material;
    } catch (error) {
      return trustRootInvalid(`${root.name}: cannot build trust material (${messageOf(error)})`, error);
    }
  }
  return keys === undefined ? state.material : { ...state.material, publicKey: keys };
}

/** The validated JSON of a root (for tests and for signing against a private instance). */
export function trustRootJson(root: TrustRoot): Readonly<Record<string, unknown>> {
  return stateOf(root).json;
}
