/**
 * Signing into v0.3 bundles: with a local EC key (offline: `publicKey.hint`, no tlog, no TSA) or
 * keyless through `@sigstore/sign` (Fulcio certificate from an OIDC token, Rekor entry, optional
 * RFC 3161 timestamp). Network errors and refusals become InputError SIGNING_FAILED.
 */
import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { bundleToJSON, type Bundle } from '@sigstore/bundle';
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type BundleBuilder,
  type Signature,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { ConfigError, InputError, messageOf } from '../../errors.js';
import { hashForKey, hintOf } from './keys.js';
import type { KeylessSigner, KeySigner } from './types.js';

function privateKeyOf(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigError('PRIVATE_KEY_INVALID', `private key does not parse as PEM: ${messageOf(error)}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ec' || !['prime256v1', 'secp384r1', 'secp521r1'].includes(key.asymmetricKeyDetails?.namedCurve ?? '')) {
    throw new ConfigError(
      'PRIVATE_KEY_INVALID',
      `signing keys must be EC P-256, P-384 or P-521 (got ${key.asymmetricKeyType ?? '?'} ${key.asymmetricKeyDetails?.namedCurve ?? ''})`.trim(),
    );
  }
  return key;
}

/** A `@sigstore/sign` Signer over a local key; `hash` fixes the digest (message signatures declare SHA-256). */
function keySigner(signer: KeySigner, hash: 'curve' | 'sha256'): Signer {
  const privateKey = privateKeyOf(signer.privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const hint = signer.keyHint ?? hintOf(publicKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    sign(data: Buffer): Promise<Signature> {
      const signature = cryptoSign(hash === 'curve' ? (hashForKey(publicKey) ?? null) : 'sha256', data, privateKey);
      return Promise.resolve({ signature, key: { $case: 'publicKey', publicKey: publicKeyPem, hint } });
    },
  };
}

function keylessParts(signer: KeylessSigner, entryType: 'dsse' | 'intoto' | undefined): { signer: Signer; witnesses: Witness[] } {
  if (signer.identityToken.trim() === '') throw new InputError('IDENTITY_TOKEN_MISSING', 'keyless signing needs an OIDC identity token');
  const token = signer.identityToken;
  const witnesses: Witness[] = [
    new RekorWitness({ rekorBaseURL: signer.rekorURL ?? DEFAULT_REKOR_URL, ...(entryType === undefined ? {} : { entryType }) }),
  ];
  if (signer.tsaURL !== undefined) witnesses.push(new TSAWitness({ tsaBaseURL: signer.tsaURL }));
  return {
    signer: new FulcioSigner({
      fulcioBaseURL: signer.fulcioURL ?? DEFAULT_FULCIO_URL,
      identityProvider: { getToken: () => Promise.resolve(token) },
    }),
    witnesses,
  };
}

async function build(builder: BundleBuilder, data: Buffer, type?: string): Promise<object> {
  let bundle: Bundle;
  try {
    bundle = await builder.create(type === undefined ? { data } : { data, type });
  } catch (error) {
    throw new InputError('SIGNING_FAILED', `signing failed: ${messageOf(error)}`, { cause: error });
  }
  return withExplicitProofFields(bundleToJSON(bundle));
}

/**
 * protobuf JSON leaves out fields at their default value, so the first entry of a log (index 0,
 * no sibling hashes) loses `inclusionProof.logIndex` and `hashes`; sigstore-python then refuses
 * the bundle as malformed. Both are written out, as the spec's examples and other signers do.
 */
function withExplicitProofFields(json: object): object {
  const entries =
    (json as { verificationMaterial?: { tlogEntries?: { inclusionProof?: Record<string, unknown> }[] } }).verificationMaterial
      ?.tlogEntries ?? [];
  for (const entry of entries) {
    const proof = entry.inclusionProof;
    if (proof === undefined) continue;
    proof['logIndex'] ??= '0';
    proof['hashes'] ??= [];
  }
  return json;
}

/**
 * Signs `payload` as a DSSE envelope of `payloadType` into a v0.3 bundle (JSON). Key signatures use
 * the curve's hash (SHA-384 for P-384), as model signing does.
 * @throws ConfigError PRIVATE_KEY_INVALID; InputError IDENTITY_TOKEN_MISSING | SIGNING_FAILED
 */
export async function signDsse(payload: Buffer, payloadType: string, signer: KeySigner | KeylessSigner): Promise<object> {
  if (signer.kind === 'key')
    return build(new DSSEBundleBuilder({ signer: keySigner(signer, 'curve'), witnesses: [] }), payload, payloadType);
  const parts = keylessParts(signer, signer.rekorEntryType);
  return build(new DSSEBundleBuilder(parts), payload, payloadType);
}

/**
 * Signs `data` as a message signature (sha256 digest, hashedrekord) into a v0.3 bundle (JSON).
 * @throws ConfigError PRIVATE_KEY_INVALID; InputError IDENTITY_TOKEN_MISSING | SIGNING_FAILED
 */
export async function signMessage(data: Buffer, signer: KeySigner | KeylessSigner): Promise<object> {
  if (signer.kind === 'key') return build(new MessageSignatureBundleBuilder({ signer: keySigner(signer, 'sha256'), witnesses: [] }), data);
  return build(new MessageSignatureBundleBuilder(keylessParts(signer, undefined)), data);
}
