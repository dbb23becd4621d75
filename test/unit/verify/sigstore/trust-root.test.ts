import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/errors.js';
import { loadPublicGoodRoot, loadTrustRootFile, trustRootFromJson, verifyBundle } from '../../../../src/verify/sigstore/index.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const cases = path.resolve(root, '../shared/fixtures/sigstore-conformance/bundle-verify');
const customRoot = path.join(cases, 'intoto-with-custom-trust-root/trusted_root.json');
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const scratch = mkdtempSync(path.join(tmpdir(), 'agentfence-trust-root-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function configCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).code;
  }
  return 'LOADED';
}

/** Deep-copies the custom root and applies one change. */
function mutated(change: (root: Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(json(customRoot)) as Record<string, any>;
  change(copy);
  return copy;
}

describe('trust roots', () => {
  describe('when loading the public-good root from the installed @sigstore/tuf seeds', () => {
    it('returns a named root with a stable sha256 digest', () => {
      const first = loadPublicGoodRoot();
      expect(first.name).toBe('public-good');
      expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(loadPublicGoodRoot().digest).toBe(first.digest);
    });
  });

  describe('when loading a trusted_root.json or a ClientTrustConfig', () => {
    it('gives both the same digest, independent of key order', () => {
      const plain = loadTrustRootFile(customRoot);
      const clientConfig = trustRootFromJson({
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: json(customRoot),
        signingConfig: {},
      });
      const reordered = Object.fromEntries(Object.entries(json(customRoot)).reverse());
      expect(clientConfig.digest).toBe(plain.digest);
      expect(trustRootFromJson(reordered).digest).toBe(plain.digest);
      expect(plain.name).toBe('trusted_root.json');
    });
  });

  describe('when the root is unusable', () => {
    it.each<[string, () => unknown]>([
      [
        'an unknown media type',
        () => trustRootFromJson(mutated((r) => (r['mediaType'] = 'application/vnd.dev.sigstore.trustedroot+json;version=9.9'))),
      ],
      ['a tlog without validFor.start', () => trustRootFromJson(mutated((r) => delete r['tlogs'][0].publicKey.validFor.start))],
      ['a CA without validFor.start', () => trustRootFromJson(mutated((r) => delete r['certificateAuthorities'][0].validFor.start))],
      ['a tlog key that does not parse', () => trustRootFromJson(mutated((r) => (r['tlogs'][0].publicKey.rawBytes = 'AAAA')))],
      [
        'a CA certificate that does not parse',
        () => trustRootFromJson(mutated((r) => (r['certificateAuthorities'][0].certChain.certificates[0].rawBytes = 'AAAA'))),
      ],
      [
        'a validity start that is not a date',
        () => trustRootFromJson(mutated((r) => (r['ctlogs'][0].publicKey.validFor.start = 'yesterday'))),
      ],
      ['no tlogs list', () => trustRootFromJson(mutated((r) => delete r['tlogs']))],
      ['an array instead of an object', () => trustRootFromJson([])],
      [
        'a ClientTrustConfig without a trusted root',
        () => trustRootFromJson({ mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json' }),
      ],
      [
        'a file that is not JSON',
        () => {
          const file = path.join(scratch, 'broken.json');
          writeFileSync(file, '{"mediaType":');
          return loadTrustRootFile(file);
        },
      ],
      ['a file that does not exist', () => loadTrustRootFile(path.join(scratch, 'absent.json'))],
      [
        'the conformance root missing a tlog start',
        () => loadTrustRootFile(path.join(cases, 'trust-root-tlog-missing-validity-start_fail/trusted_root.json')),
      ],
    ])('refuses %s with TRUST_ROOT_INVALID', (_name, load) => {
      expect(configCode(load)).toBe('TRUST_ROOT_INVALID');
    });

    it('refuses a look-alike root object not built by the loaders', () => {
      const fake = { digest: 'f'.repeat(64), name: 'fake' };
      const bundle = json(path.join(cases, 'happy-path-v0.3/bundle.sigstore.json'));
      expect(
        configCode(() =>
          verifyBundle(bundle, { kind: 'bytes', data: Buffer.from('') }, { kind: 'keyless', issuer: 'x', subject: 'y', trustRoot: fake }),
        ),
      ).toBe('TRUST_ROOT_INVALID');
    });
  });
});
