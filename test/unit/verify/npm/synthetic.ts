/** Synthetic npm packages signed with keys generated per test run: registry signature, publish attestation, provenance. */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { integrityOf, npmKeyId, PUBLISH_PREDICATE, sha512HexOfIntegrity, toNpmPurl } from '../../../../src/verify/npm/index.js';
import { signDsse } from '../../../../src/verify/sigstore/index.js';

/** The repository synthetic provenances name as their build source unless told otherwise. */
export const SYNTHETIC_REPOSITORY = 'https://github.com/acme/tool';

export interface TestKey {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly publicKey: KeyObject;
  readonly keyid: string;
  /** The trust-policy `registryKeys` entry. */
  readonly registryKey: { keyid: string; key: string; expires: string | null };
}

export function testKey(expires: string | null = null): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keyid = npmKeyId(publicKey);
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKey,
    keyid,
    registryKey: { keyid, key: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), expires },
  };
}

export interface SyntheticOptions {
  readonly name?: string;
  readonly version?: string;
  readonly registry: TestKey;
  readonly provenance?: (TestKey & { readonly repository?: string }) | null;
  /** Sign a different sha512 into the statements than the tarball's. */
  readonly statementSha512?: string;
  /** Name another package in the statements. */
  readonly statementName?: string;
  readonly publishPredicate?: { name: string; version: string };
  readonly withPublish?: boolean;
  readonly withSignature?: boolean;
}

export async function syntheticPackage(options: SyntheticOptions) {
  const name = options.name ?? '@acme/tool';
  const version = options.version ?? '1.2.3';
  const tarball = randomBytes(256);
  const integrity = integrityOf(tarball);
  const sha512 = options.statementSha512 ?? sha512HexOfIntegrity(integrity);
  const subject = [{ name: toNpmPurl(options.statementName ?? name, version), digest: { sha512 } }];
  const attestations: { predicateType: string; bundle: object }[] = [];
  if (options.withPublish ?? true) {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      subject,
      predicateType: PUBLISH_PREDICATE,
      predicate: options.publishPredicate ?? { name, version, registry: 'https://registry.test/' },
    };
    const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), 'application/vnd.in-toto+json', {
      kind: 'key',
      privateKeyPem: options.registry.privateKeyPem,
      keyHint: options.registry.keyid,
    });
    attestations.push({ predicateType: PUBLISH_PREDICATE, bundle });
  }
  if (options.provenance) {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject,
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
          externalParameters: {
            workflow: { repository: options.provenance.repository ?? SYNTHETIC_REPOSITORY, path: '.github/workflows/release.yml' },
          },
        },
        runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
      },
    };
    const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), 'application/vnd.in-toto+json', {
      kind: 'key',
      privateKeyPem: options.provenance.privateKeyPem,
    });
    attestations.push({ predicateType: 'https://slsa.dev/provenance/v1', bundle });
  }
  const signatures =
    (options.withSignature ?? true)
      ? [
          {
            keyid: options.registry.keyid,
            sig: sign('sha256', Buffer.from(`${name}@${version}:${integrity}`), options.registry.privateKeyPem).toString('base64'),
          },
        ]
      : undefined;
  return {
    name,
    version,
    integrity,
    tarball,
    ...(signatures ? { signatures } : {}),
    attestations: { attestations },
  };
}
