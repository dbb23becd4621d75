import { describe, expect, it } from 'vitest';
import { buildRegistryKeyRing, integrityOf, verifyNpmPackage, type NpmVerifyOptions } from '../../../../src/verify/npm/index.js';
import type { ResolvedAuthority } from '../../../../src/verify/authorities.js';
import { SYNTHETIC_REPOSITORY, syntheticPackage, testKey } from './synthetic.js';

const registry = testKey();
const builder = testKey();
const stranger = testKey();
const keyAuthority = (name: string, pem: string): ResolvedAuthority => ({
  name,
  describe: `key ${name}`,
  policy: { kind: 'key', publicKeyPem: pem },
});

function options(extra: Partial<NpmVerifyOptions> = {}): NpmVerifyOptions {
  return {
    keys: buildRegistryKeyRing([registry.registryKey], false),
    authorities: [keyAuthority('acme-ci', builder.publicKeyPem)],
    sourceRepository: { repository: SYNTHETIC_REPOSITORY },
    ...extra,
  };
}

describe('verifyNpmPackage', () => {
  describe('when registry signature, publish attestation and provenance all hold', () => {
    it('returns the evidence of each', async () => {
      const pkg = await syntheticPackage({ registry, provenance: builder });
      const result = verifyNpmPackage(pkg, options({ range: '^1.2.0' }));
      expect(result.registrySignature?.keyid).toBe(registry.keyid);
      expect(result.publish?.keyid).toBe(registry.keyid);
      expect(result.provenance?.authority).toBe('acme-ci');
      expect(result.provenance?.predicateType).toBe('https://slsa.dev/provenance/v1');
    });
    it('passes with only the publish attestation as registry evidence', async () => {
      const pkg = await syntheticPackage({ registry, provenance: builder, withSignature: false });
      expect(verifyNpmPackage(pkg, options()).registrySignature).toBeUndefined();
    });
    it('passes without provenance when the policy does not require it', async () => {
      const pkg = await syntheticPackage({ registry, provenance: null });
      expect(verifyNpmPackage(pkg, options({ requireProvenance: false })).provenance).toBeUndefined();
    });
    it('accepts a pinned integrity equal to the attested one', async () => {
      const pkg = await syntheticPackage({ registry, provenance: builder });
      expect(verifyNpmPackage(pkg, options({ expectedIntegrity: pkg.integrity })).integrity).toBe(pkg.integrity);
    });
  });

  describe('when something does not hold', () => {
    const cases: [string, () => Promise<[Parameters<typeof verifyNpmPackage>[0], NpmVerifyOptions]>, string][] = [
      [
        'no attestations at all',
        async () => [{ ...(await syntheticPackage({ registry, provenance: builder })), attestations: undefined }, options()],
        'UNSIGNED',
      ],
      ['no provenance (required by default)', async () => [await syntheticPackage({ registry, provenance: null }), options()], 'UNSIGNED'],
      [
        'neither registry signature nor publish attestation',
        async () => [await syntheticPackage({ registry, provenance: builder, withSignature: false, withPublish: false }), options()],
        'UNSIGNED',
      ],
      [
        'version outside the range',
        async () => [await syntheticPackage({ registry, provenance: builder }), options({ range: '^2.0.0' })],
        'VERSION_MISMATCH',
      ],
      [
        'tarball bytes differ from the integrity',
        async () => [{ ...(await syntheticPackage({ registry, provenance: builder })), tarball: Buffer.from('other bytes') }, options()],
        'DIGEST_MISMATCH',
      ],
      [
        'pinned integrity differs',
        async () => [
          await syntheticPackage({ registry, provenance: builder }),
          options({ expectedIntegrity: integrityOf(Buffer.from('x')) }),
        ],
        'DIGEST_MISMATCH',
      ],
      [
        'statements sign another digest',
        async () => [await syntheticPackage({ registry, provenance: builder, statementSha512: 'ab'.repeat(64) }), options()],
        'DIGEST_MISMATCH',
      ],
      [
        'statements name another package',
        async () => [await syntheticPackage({ registry, provenance: builder, statementName: '@acme/other' }), options()],
        'DIGEST_MISMATCH',
      ],
      [
        'publish predicate names another version',
        async () => [
          await syntheticPackage({ registry, provenance: builder, publishPredicate: { name: '@acme/tool', version: '9.9.9' } }),
          options(),
        ],
        'DIGEST_MISMATCH',
      ],
      [
        'publish attestation by an unknown registry key',
        async () => [await syntheticPackage({ registry: stranger, provenance: builder, withSignature: false }), options()],
        'UNTRUSTED_SIGNER',
      ],
      [
        'provenance by an untrusted builder key',
        async () => [await syntheticPackage({ registry, provenance: stranger }), options()],
        'UNTRUSTED_SIGNER',
      ],
      [
        'registry key expired before the publish attestation',
        async () => [
          await syntheticPackage({ registry, provenance: builder, withSignature: false }),
          options({ keys: buildRegistryKeyRing([{ ...registry.registryKey, expires: '2020-01-01T00:00:00Z' }], false) }),
        ],
        'EXPIRED',
      ],
      [
        'an attestation of an unknown predicate type',
        async () => {
          const pkg = await syntheticPackage({ registry, provenance: builder });
          return [
            {
              ...pkg,
              attestations: {
                attestations: [...pkg.attestations.attestations, { predicateType: 'https://example.com/other', bundle: {} }],
              },
            },
            options(),
          ];
        },
        'MALFORMED_BUNDLE',
      ],
      [
        'attestations not in the registry shape',
        async () => [{ ...(await syntheticPackage({ registry, provenance: builder })), attestations: [1, 2] }, options()],
        'MALFORMED_BUNDLE',
      ],
      [
        'a provenance bundle whose signature was altered',
        async () => {
          const pkg = await syntheticPackage({ registry, provenance: builder });
          const provenance = pkg.attestations.attestations[1]!.bundle as { dsseEnvelope: { signatures: { sig: string }[] } };
          const sig = Buffer.from(provenance.dsseEnvelope.signatures[0]!.sig, 'base64');
          sig[sig.length - 1]! ^= 1;
          provenance.dsseEnvelope.signatures[0]!.sig = sig.toString('base64');
          return [pkg, options()];
        },
        'SIGNATURE_INVALID',
      ],
      [
        'no source repository pinned for the provenance',
        async () => [await syntheticPackage({ registry, provenance: builder }), options({ sourceRepository: undefined as never })],
        'UNTRUSTED_SIGNER',
      ],
      [
        'a provenance built in another repository of the same organisation',
        async () => [
          await syntheticPackage({ registry, provenance: { ...builder, repository: 'https://github.com/acme/tool-fork' } }),
          options(),
        ],
        'UNTRUSTED_SIGNER',
      ],
      [
        'a provenance whose predicate names no build repository',
        async () => [await syntheticPackage({ registry, provenance: { ...builder, repository: 42 as never } }), options()],
        'UNTRUSTED_SIGNER',
      ],
      [
        'a pin that is a prefix of the build repository',
        async () => [
          await syntheticPackage({ registry, provenance: builder }),
          options({ sourceRepository: { repository: 'https://github.com/acme/to' } }),
        ],
        'UNTRUSTED_SIGNER',
      ],
    ];
    it.each(cases)('%s -> blocked', async (_name, make, code) => {
      const [evidence, opts] = await make();
      expect(() => verifyNpmPackage(evidence, opts)).toThrow(expect.objectContaining({ code }));
    });
  });
});

describe('verifyNpmPackage on fuzzed attestations', () => {
  it('never crashes and never passes on arbitrary attestation JSON', async () => {
    const { AgentfenceError } = await import('../../../../src/errors.js');
    const fc = (await import('fast-check')).default;
    const pkg = await syntheticPackage({ registry, provenance: builder });
    const entry = fc.record({
      predicateType: fc.constantFrom(
        'https://slsa.dev/provenance/v1',
        'https://github.com/npm/attestation/tree/main/specs/publish/v0.1',
        'x',
      ),
      bundle: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ attestations: fc.array(entry, { maxLength: 3 }) })), (attestations) => {
        try {
          verifyNpmPackage({ ...pkg, attestations }, options());
          return false;
        } catch (error) {
          return error instanceof AgentfenceError;
        }
      }),
      { numRuns: 300 },
    );
  });
});
