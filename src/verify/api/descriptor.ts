/**
 * Signed API descriptors: a DSSE in-toto statement whose subject is the descriptor file's sha256 and
 * whose predicate type is ours. Verifying one yields the hosts the agent may reach for it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError, PolicyError, VerificationError } from '../../errors.js';
import type { Classification } from '../../manifest/types.js';
import { verifyWithAuthorities, type AuthorizedVerification, type ResolvedAuthority } from '../authorities.js';
import type { ApiDescriptor } from '../types.js';
import { assertApiDescriptor } from './schema.js';

/** The in-toto predicate type of a signed API descriptor. */
export const API_DESCRIPTOR_PREDICATE = 'https://agentfence.dev/api-descriptor/v1';
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** Parses and schema-checks descriptor bytes. @throws InputError DESCRIPTOR_INVALID */
export function parseApiDescriptor(bytes: Uint8Array, where = 'API descriptor'): ApiDescriptor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new InputError('DESCRIPTOR_INVALID', `${where} must be JSON: ${(error as Error).message}`, { cause: error });
  }
  assertApiDescriptor(json, where);
  checkHosts(json, where);
  // RFC 3339 allows a leap second (:60) that Date cannot read; an unreadable expiry would never expire.
  if (Number.isNaN(Date.parse(json.expires))) {
    throw new InputError('DESCRIPTOR_INVALID', `${where} expires must be a date-time without a leap second (got ${json.expires})`);
  }
  return json;
}

/** The base URL's host must be one of the descriptor's hosts, so the allowlist covers what is called. */
function checkHosts(descriptor: ApiDescriptor, where: string): void {
  const url = new URL(descriptor.baseUrl);
  if (url.protocol !== 'https:') throw new InputError('DESCRIPTOR_INVALID', `${where} baseUrl must be https (got ${url.protocol})`);
  if (url.username !== '' || url.password !== '') throw new InputError('DESCRIPTOR_INVALID', `${where} baseUrl must not carry credentials`);
  if (url.port !== '' && url.port !== '443')
    throw new InputError('DESCRIPTOR_INVALID', `${where} baseUrl must use port 443 (got ${url.port})`);
  if (!descriptor.hosts.includes(url.hostname)) {
    throw new InputError(
      'DESCRIPTOR_INVALID',
      `${where} hosts must include the baseUrl host ${url.hostname} (got ${descriptor.hosts.join(', ')})`,
    );
  }
}

/** The in-toto statement that `agentfence sign api` signs. */
export function buildApiStatement(descriptorBytes: Uint8Array, descriptor: ApiDescriptor, fileName: string): object {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: path.basename(fileName), digest: { sha256: createHash('sha256').update(descriptorBytes).digest('hex') } }],
    predicateType: API_DESCRIPTOR_PREDICATE,
    predicate: {
      name: descriptor.name,
      provider: descriptor.provider,
      hosts: descriptor.hosts,
      dataClassifications: descriptor.dataClassifications,
      expires: descriptor.expires,
    },
  };
}

/** What the agent intends: its data classifications and, in a stack, the manifest's API name. */
export interface ApiUse {
  /** Manifest API name; the descriptor's name must equal it. */
  readonly name?: string;
  readonly dataClassifications: readonly Classification[];
}

/** A verified descriptor. */
export interface ApiVerification {
  readonly descriptor: ApiDescriptor;
  readonly sha256: string;
  /** The hosts the egress allowlist may contain for this API. */
  readonly hosts: readonly string[];
  readonly bundle: AuthorizedVerification;
}

/**
 * Verifies a signed API descriptor: schema, signature by one of the authorities over the file's
 * sha256 with our predicate type, expiry, name, and that the agent sends only allowed data.
 * @throws InputError DESCRIPTOR_INVALID
 * @throws VerificationError UNSIGNED | UNTRUSTED_SIGNER | DIGEST_MISMATCH | SIGNATURE_INVALID | MALFORMED_BUNDLE | EXPIRED | ...
 * @throws PolicyError CLASSIFICATION_DENIED | POLICY_DENIED
 */
export function verifyApiDescriptor(
  input: { readonly descriptorBytes: Uint8Array; readonly bundle: unknown; readonly where?: string },
  authorities: readonly ResolvedAuthority[],
  use: ApiUse,
  options: { readonly now?: Date } = {},
): ApiVerification {
  const where = input.where ?? 'API descriptor';
  const descriptor = parseApiDescriptor(input.descriptorBytes, where);
  if (input.bundle === undefined || input.bundle === null)
    throw new VerificationError('UNSIGNED', `${where} must have a signature bundle (none found)`);
  const sha256 = createHash('sha256').update(input.descriptorBytes).digest('hex');
  const now = options.now ?? new Date();
  // The signature must cover exactly these descriptor bytes (the core matches the in-toto subject).
  const bundle = verifyWithAuthorities(input.bundle, { kind: 'digest', algorithm: 'sha256', hex: sha256 }, authorities, {
    what: where,
    ...(options.now ? { now: options.now } : {}),
  });
  // A statement of another type (say, a model signature) must not vouch for an API.
  if (bundle.statement?.predicateType !== API_DESCRIPTOR_PREDICATE) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `${where} signature must have predicateType ${API_DESCRIPTOR_PREDICATE} (got ${bundle.statement?.predicateType ?? 'no in-toto statement'})`,
    );
  }
  if (!bundle.statement.subject.some((subject) => subject.digest['sha256']?.toLowerCase() === sha256)) {
    throw new VerificationError('DIGEST_MISMATCH', `${where} signature must name sha256 ${sha256} (it does not)`);
  }
  // An expired descriptor is no longer vouched for by its owner.
  if (!(Date.parse(descriptor.expires) > now.getTime())) {
    throw new VerificationError(
      'EXPIRED',
      `${where} expired at ${descriptor.expires} (now ${now.toISOString()}); re-review and re-sign it`,
    );
  }
  if (use.name !== undefined && descriptor.name !== use.name) {
    throw new PolicyError('POLICY_DENIED', `${where} must describe API ${use.name} (it describes ${descriptor.name})`);
  }
  // The agent may send an API only the data classes its provider is approved for.
  const denied = use.dataClassifications.filter((classification) => !descriptor.dataClassifications.includes(classification));
  if (denied.length > 0) {
    throw new PolicyError(
      'CLASSIFICATION_DENIED',
      `${where} allows ${descriptor.dataClassifications.join(', ')}; the agent must not send ${denied.join(', ')} to ${descriptor.name}`,
    );
  }
  return { descriptor, sha256, hosts: [...descriptor.hosts].sort(), bundle };
}
