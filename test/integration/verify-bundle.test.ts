/** `agentfence verify-bundle`: usage errors, output formats, digests, keys, exit codes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { agentfence, root } from './run-cli.js';

const cases = path.resolve(root, '../shared/fixtures/sigstore-conformance/bundle-verify');
const models = path.resolve(root, '../shared/fixtures/model-signing');
const IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const A_TXT = path.join(cases, 'a.txt');
const A_TXT_SHA256 = 'sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';
const bundle = (name: string): string => path.join(cases, name, 'bundle.sigstore.json');

const cli = (...args: string[]) => agentfence(['verify-bundle', ...args]);

describe('agentfence verify-bundle', () => {
  describe('when the arguments are incomplete or contradictory', () => {
    it.each([
      ['no --bundle', ['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, A_TXT]],
      ['no artifact', ['--bundle', bundle('happy-path-v0.3'), '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER]],
      ['an identity without an issuer', ['--bundle', bundle('happy-path-v0.3'), '--certificate-identity', IDENTITY, A_TXT]],
      [
        'both an identity and a key',
        [
          '--bundle',
          bundle('happy-path-v0.3'),
          '--certificate-identity',
          IDENTITY,
          '--certificate-oidc-issuer',
          ISSUER,
          '--key',
          A_TXT,
          A_TXT,
        ],
      ],
      ['an unknown flag', ['--bundle', bundle('happy-path-v0.3'), '--certificate-identity-email', 'x', A_TXT]],
      [
        'a broken identity regex',
        ['--bundle', bundle('happy-path-v0.3'), '--certificate-identity-regexp', '(', '--certificate-oidc-issuer', ISSUER, A_TXT],
      ],
      [
        '--staging without a trusted root',
        [
          '--staging',
          '--bundle',
          bundle('happy-path-v0.3'),
          '--certificate-identity',
          IDENTITY,
          '--certificate-oidc-issuer',
          ISSUER,
          A_TXT,
        ],
      ],
      [
        'a missing bundle file',
        ['--bundle', path.join(cases, 'nope.json'), '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, A_TXT],
      ],
      ['a key file that is not a key', ['--bundle', bundle('managed-key-happy-path'), '--key', A_TXT, A_TXT]],
    ])('exits 2 for %s, with one line and no stack trace', async (_name, args) => {
      const result = await cli(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^agentfence verify-bundle: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('when the bundle verifies', () => {
    it('prints the signer on stdout and the evidence on stderr', async () => {
      const result = await cli(
        '--bundle',
        bundle('happy-path-v0.3'),
        '--certificate-identity',
        IDENTITY,
        '--certificate-oidc-issuer',
        ISSUER,
        A_TXT,
      );
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`OK: verified, signed by ${IDENTITY} (${ISSUER})\n`);
      expect(result.stderr).toMatch(/tlog entries: \d+/);
      expect(result.stderr).toMatch(/trusted root: sha256:[0-9a-f]{64}/);
    });

    it('prints a JSON result with --format json', async () => {
      const result = await cli(
        '--format',
        'json',
        '--bundle',
        bundle('happy-path-intoto-in-dsse-v3'),
        '--certificate-identity-regexp',
        'https://github\\.com/sigstore-conformance/.*',
        '--certificate-oidc-issuer',
        ISSUER,
        A_TXT_SHA256,
      );
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(json).toMatchObject({
        verified: true,
        signer: { identity: IDENTITY, issuer: ISSUER },
        payloadType: 'application/vnd.in-toto+json',
      });
      expect(json['statement']).toMatchObject({ subject: [{ name: 'a.txt' }] });
    });

    it('checks a P-384 key bundle without tlog and then its subject', async () => {
      const result = await cli(
        '--bundle',
        path.join(models, 'v1.1.0-elliptic-key/model.sig'),
        '--key',
        path.join(models, 'keys/signing-key-pub.pem'),
        'sha256:' + '0'.repeat(64),
      );
      // The statement's subjects are model files, not this digest: rejected, cleanly.
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('[DIGEST_MISMATCH]');
    });
  });

  describe('when the bundle is rejected', () => {
    it.each([
      [
        'a wrong identity',
        ['--bundle', bundle('happy-path-v0.3'), '--certificate-identity', `${IDENTITY}x`, '--certificate-oidc-issuer', ISSUER, A_TXT],
        'UNTRUSTED_SIGNER',
      ],
      [
        'a digest that is not the DSSE subject',
        [
          '--bundle',
          bundle('happy-path-intoto-in-dsse-v3'),
          '--certificate-identity',
          IDENTITY,
          '--certificate-oidc-issuer',
          ISSUER,
          `sha256:${'1'.repeat(64)}`,
        ],
        'DIGEST_MISMATCH',
      ],
      [
        'a bundle that is not JSON',
        ['--bundle', A_TXT, '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, A_TXT],
        'MALFORMED_BUNDLE',
      ],
    ])('exits 1 for %s with the reason code', async (_name, args, code) => {
      const result = await cli(...args);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`[${code}]`);
    });

    it('prints the error as JSON with --format json', async () => {
      const result = await cli(
        '--format',
        'json',
        '--bundle',
        bundle('happy-path-v0.3'),
        '--certificate-identity',
        'nobody',
        '--certificate-oidc-issuer',
        ISSUER,
        A_TXT,
      );
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'UNTRUSTED_SIGNER' } });
    });
  });
});
