/**
 * Plugin verification throughput: 500 synthetic npm packages, each with a registry signature, a
 * publish attestation (registry key) and a SLSA provenance (builder key), all signed with keys
 * generated here. Baseline: a bare loop of `crypto.verify` over the same registry signatures, i.e.
 * what `npm audit signatures` minimally does per package.
 */
import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  buildRegistryKeyRing,
  integrityOf,
  npmKeyId,
  PUBLISH_PREDICATE,
  sha512HexOfIntegrity,
  toNpmPurl,
  verifyNpmPackage,
  type NpmPackageEvidence,
} from '../src/verify/npm/index.js';
import type { ResolvedAuthority } from '../src/verify/authorities.js';
import { signDsse } from '../src/verify/sigstore/index.js';

const PACKAGES = 500;
const ROUNDS = 3;

function pemPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKey,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

async function synthesize(count: number) {
  const registry = pemPair();
  const builder = pemPair();
  const keyid = npmKeyId(registry.publicKey);
  const packages: NpmPackageEvidence[] = [];
  for (let i = 0; i < count; i++) {
    const name = `@bench/pkg-${i}`;
    const version = `1.${i % 7}.${i}`;
    const integrity = integrityOf(randomBytes(2048));
    const subject = [{ name: toNpmPurl(name, version), digest: { sha512: sha512HexOfIntegrity(integrity) } }];
    const publish = {
      _type: 'https://in-toto.io/Statement/v0.1',
      subject,
      predicateType: PUBLISH_PREDICATE,
      predicate: { name, version, registry: 'https://registry.bench/' },
    };
    const provenance = {
      _type: 'https://in-toto.io/Statement/v1',
      subject,
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: {}, runDetails: {} },
    };
    packages.push({
      name,
      version,
      integrity,
      signatures: [
        { keyid, sig: sign('sha256', Buffer.from(`${name}@${version}:${integrity}`), registry.privateKeyPem).toString('base64') },
      ],
      attestations: {
        attestations: [
          {
            predicateType: PUBLISH_PREDICATE,
            bundle: await signDsse(Buffer.from(JSON.stringify(publish)), 'application/vnd.in-toto+json', {
              kind: 'key',
              privateKeyPem: registry.privateKeyPem,
              keyHint: keyid,
            }),
          },
          {
            predicateType: 'https://slsa.dev/provenance/v1',
            bundle: await signDsse(Buffer.from(JSON.stringify(provenance)), 'application/vnd.in-toto+json', {
              kind: 'key',
              privateKeyPem: builder.privateKeyPem,
            }),
          },
        ],
      },
    });
  }
  const authority: ResolvedAuthority = { name: 'bench-ci', describe: 'key', policy: { kind: 'key', publicKeyPem: builder.publicKeyPem } };
  const registryKey = { keyid, key: registry.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), expires: null };
  return { packages, authority, registryKey, registryPublicKey: registry.publicKey };
}

function best(run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest / 1000;
}

export default async function (): Promise<void> {
  const { packages, authority, registryKey, registryPublicKey } = await synthesize(PACKAGES);
  const keys = buildRegistryKeyRing([registryKey], false);
  const full = best(() => {
    for (const pkg of packages) verifyNpmPackage(pkg, { keys, authorities: [authority], range: '^1.0.0' });
  });
  const bare = best(() => {
    for (const pkg of packages) {
      const signature = pkg.signatures![0]!;
      if (
        !verify(
          'sha256',
          Buffer.from(`${pkg.name}@${pkg.version}:${pkg.integrity}`),
          registryPublicKey,
          Buffer.from(signature.sig, 'base64'),
        )
      )
        throw new Error('bad signature');
    }
  });
  const line = (label: string, seconds: number) =>
    `${label.padEnd(58)} ${(PACKAGES / seconds).toFixed(0).padStart(7)} packages/s  (${(seconds * 1000).toFixed(0)} ms)`;
  process.stdout.write(`${line(`verifyNpmPackage: signature + publish + provenance, ${PACKAGES} pkgs`, full)}\n`);
  process.stdout.write(`${line('baseline: bare crypto.verify of the registry signatures', bare)}\n`);
  process.stdout.write(
    `ratio: full verification takes ${(full / bare).toFixed(1)}x the bare registry-signature loop (3 signatures + 2 DSSE bundles + policy per package vs 1 signature)\n`,
  );
}
