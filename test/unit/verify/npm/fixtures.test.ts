import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildRegistryKeyRing,
  integrityOf,
  loadSeedRegistryKeys,
  readTarballManifest,
  RegistryKeyRing,
  verifyNpmPackage,
} from '../../../../src/verify/npm/index.js';
import type { ResolvedAuthority } from '../../../../src/verify/authorities.js';
import { loadPublicGoodRoot } from '../../../../src/verify/sigstore/index.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.resolve(root, '../shared/fixtures/npm-provenance');
const GITHUB = 'https://token.actions.githubusercontent.com';
const keys = buildRegistryKeyRing();
const publicGood = () => loadPublicGoodRoot();

/** A keyless authority pinning GitHub Actions and a source repository, as a trust policy would. */
function repoAuthority(repo: string): ResolvedAuthority {
  return {
    name: repo.split('/').at(-1)!,
    describe: repo,
    policy: {
      kind: 'keyless',
      issuer: GITHUB,
      subjectRegExp: `${repo.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/\\.github/workflows/.+`,
      extensions: { sourceRepositoryURI: repo },
      trustRoot: loadPublicGoodRoot(),
    },
  };
}

const REPOS: Record<string, string> = {
  'gundam-visor': 'https://github.com/ramonpetgrave64/gundam-visor',
  'provenance-npm-test': 'https://github.com/sigstore/sigstore-js',
  'supreme-googles': 'https://github.com/trishankatdatadog/supreme-goggles',
};

const slsaCases = readdirSync(path.join(fixtures, 'slsa-verifier'))
  .filter((file) => file.endsWith('.tgz'))
  .map((file) => {
    const repo = Object.entries(REPOS).find(([prefix]) => file.startsWith(prefix))![1];
    return { file, repo, invalid: /-invalidsig(prov|pub)\.tgz$/.test(file) };
  });

function slsaEvidence(file: string) {
  const tarball = readFileSync(path.join(fixtures, 'slsa-verifier', file));
  return {
    ...readTarballManifest(tarball),
    integrity: integrityOf(tarball),
    tarball,
    attestations: JSON.parse(readFileSync(path.join(fixtures, 'slsa-verifier', `${file}.json`), 'utf8')) as unknown,
  };
}

describe('npm provenance fixtures (slsa-verifier)', () => {
  describe('when the attestations are genuine', () => {
    it.each(slsaCases.filter((c) => !c.invalid))('$file verifies from $repo', ({ file, repo }) => {
      const result = verifyNpmPackage(slsaEvidence(file), {
        keys,
        authorities: [repoAuthority(repo)],
        publicGood,
        sourceRepository: { repository: repo },
      });
      expect(result.provenance?.sourceRepository).toBe(repo);
      expect(result.provenance?.buildRepository).toBe(repo);
      expect(result.publish?.keyid).toBe('SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA');
      expect(result.publish?.timestamps.length).toBeGreaterThan(0);
    });
    it.each(slsaCases.filter((c) => !c.invalid))('$file is refused when the policy wants another repository', ({ file }) => {
      expect(() =>
        verifyNpmPackage(slsaEvidence(file), { keys, authorities: [repoAuthority('https://github.com/acme/other')], publicGood }),
      ).toThrow(expect.objectContaining({ code: 'UNTRUSTED_SIGNER' }));
    });
    // An authority as broad as "any GitHub Actions workflow" (a trusted reusable workflow, a whole organisation): only the pin tells repositories apart.
    const anyWorkflow: ResolvedAuthority = {
      name: 'any-github-workflow',
      describe: 'any GitHub Actions workflow',
      policy: { kind: 'keyless', issuer: GITHUB, subjectRegExp: 'https://github\\.com/.+', trustRoot: loadPublicGoodRoot() },
    };
    it.each(slsaCases.filter((c) => !c.invalid))(
      '$file verifies under a broad authority only from its pinned repository',
      ({ file, repo }) => {
        expect(
          verifyNpmPackage(slsaEvidence(file), { keys, authorities: [anyWorkflow], publicGood, sourceRepository: { repository: repo } })
            .provenance?.buildRepository,
        ).toBe(repo);
        for (const pin of [`${repo}-fork`, repo.replace(/\/[^/]+$/, '/other'), repo.toUpperCase(), `${repo}.git`]) {
          expect(
            () =>
              verifyNpmPackage(slsaEvidence(file), { keys, authorities: [anyWorkflow], publicGood, sourceRepository: { repository: pin } }),
            pin,
          ).toThrow(
            expect.objectContaining({ code: 'UNTRUSTED_SIGNER', message: expect.stringContaining(`must be built from ${pin} as pinned`) }),
          );
        }
      },
    );
    it.each(slsaCases.filter((c) => !c.invalid))('$file is refused when no repository is pinned', ({ file }) => {
      expect(() => verifyNpmPackage(slsaEvidence(file), { keys, authorities: [anyWorkflow], publicGood })).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER', message: expect.stringContaining('must be tied to a source repository') }),
      );
    });
    it.each(slsaCases.filter((c) => !c.invalid))('$file is refused when the tarball is another one', ({ file, repo }) => {
      const evidence = slsaEvidence(file);
      const other = Buffer.concat([evidence.tarball, Buffer.from([0])]);
      expect(() =>
        verifyNpmPackage(
          { ...evidence, tarball: other, integrity: integrityOf(other) },
          { keys, authorities: [repoAuthority(repo)], publicGood },
        ),
      ).toThrow(expect.objectContaining({ code: 'DIGEST_MISMATCH' }));
    });
  });
  describe('when a provenance or publish signature is broken', () => {
    it.each(slsaCases.filter((c) => c.invalid))(
      '$file is blocked as TLOG_INVALID (the logged entry no longer matches)',
      ({ file, repo }) => {
        expect(() => verifyNpmPackage(slsaEvidence(file), { keys, authorities: [repoAuthority(repo)], publicGood })).toThrow(
          expect.objectContaining({ code: 'TLOG_INVALID' }),
        );
      },
    );
  });
});

describe('npm provenance fixtures (pacote, sigstore@0.4.0)', () => {
  const sigstore040 = {
    name: 'sigstore',
    version: '0.4.0',
    integrity: 'sha512-KCwMX6k20mQyFkNYG2XT3lwK9u1P36wS9YURFd85zCXPrwrSLZCEh7/vMBFNYcJXRiBtGDS+T4/RZZF493zABA==',
  };
  const authority: ResolvedAuthority = {
    name: 'sigstore-js',
    describe: 'sigstore-js publish workflow',
    policy: {
      kind: 'keyless',
      issuer: GITHUB,
      subject: 'https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v0.4.0',
      trustRoot: loadPublicGoodRoot(),
    },
  };
  const attestations = (file: string) => JSON.parse(readFileSync(path.join(fixtures, 'pacote', file), 'utf8')) as unknown;

  it('valid-attestations.json verifies', () => {
    const result = verifyNpmPackage(
      { ...sigstore040, attestations: attestations('valid-attestations.json') },
      { keys, authorities: [authority], publicGood, sourceRepository: { repository: 'https://github.com/sigstore/sigstore-js' } },
    );
    expect(result.provenance?.signer.identity).toBe(authority.policy.kind === 'keyless' ? authority.policy.subject : '');
    expect(result.provenance?.predicateType).toBe('https://slsa.dev/provenance/v0.2');
  });
  it.each([
    ['invalid-attestations.json', 'TLOG_INVALID'],
    ['malformed-subject-attestations.json', 'TLOG_INVALID'],
    ['mismatched-keyid-attestations.json', 'UNTRUSTED_SIGNER'],
    ['mismatched-subject-digest-attestations.json', 'TLOG_INVALID'],
  ])('%s is blocked with %s', (file, code) => {
    expect(() =>
      verifyNpmPackage(
        { ...sigstore040, attestations: attestations(file) },
        { keys, authorities: [authority], publicGood, sourceRepository: { repository: 'https://github.com/sigstore/sigstore-js' } },
      ),
    ).toThrow(expect.objectContaining({ code }));
  });
  it('is blocked when the registry key was retired before the attestation was logged', () => {
    const expired = new RegistryKeyRing(
      loadSeedRegistryKeys()
        .filter((key) => key.keyid === 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA')
        .map((key) => ({ ...key, validUntil: new Date('2010-01-01T00:00:00Z') })),
    );
    expect(() =>
      verifyNpmPackage(
        { ...sigstore040, attestations: attestations('valid-attestations.json') },
        {
          keys: expired,
          authorities: [authority],
          publicGood,
          sourceRepository: { repository: 'https://github.com/sigstore/sigstore-js' },
        },
      ),
    ).toThrow(expect.objectContaining({ code: 'EXPIRED' }));
  });
  it('is blocked when the stated integrity is not the attested one', () => {
    expect(() =>
      verifyNpmPackage(
        { ...sigstore040, integrity: integrityOf(Buffer.from('not sigstore')), attestations: attestations('valid-attestations.json') },
        { keys, authorities: [authority], publicGood, sourceRepository: { repository: 'https://github.com/sigstore/sigstore-js' } },
      ),
    ).toThrow(expect.objectContaining({ code: 'DIGEST_MISMATCH' }));
  });
});
