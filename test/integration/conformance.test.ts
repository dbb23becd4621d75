/**
 * sigstore-conformance bundle-verify: all 70 cases driven through `agentfence verify-bundle` with
 * the exact arguments the conformance runner passes. In-process through the built `run()` for the
 * whole table, and a handful as real subprocesses of `bin/agentfence.js` (both need `dist/`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { agentfence, agentfenceProcess, root } from './run-cli.js';

const casesDir = path.resolve(root, '../shared/fixtures/sigstore-conformance/bundle-verify');
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

interface Case {
  readonly name: string;
  readonly shouldPass: boolean;
  readonly args: readonly string[];
}

function optional(dir: string, file: string): string | undefined {
  const full = path.join(dir, file);
  return existsSync(full) ? full : undefined;
}

/** The argument list sigstore-conformance's runner builds for a case directory. */
function conformanceArgs(dir: string): string[] {
  const args = ['verify-bundle', '--bundle', path.join(dir, 'bundle.sigstore.json')];
  const key = optional(dir, 'key.pub');
  if (key !== undefined) {
    args.push('--key', key);
  } else {
    const identity = optional(dir, 'identity');
    const issuer = optional(dir, 'issuer');
    args.push('--certificate-identity', identity === undefined ? DEFAULT_IDENTITY : readFileSync(identity, 'utf8').trim());
    args.push('--certificate-oidc-issuer', issuer === undefined ? DEFAULT_ISSUER : readFileSync(issuer, 'utf8').trim());
  }
  const trustedRoot = optional(dir, 'trusted_root.json');
  if (trustedRoot !== undefined) args.push('--trusted-root', trustedRoot);
  args.push(optional(dir, 'artifact') ?? path.join(casesDir, 'a.txt'));
  return args;
}

const cases: Case[] = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(casesDir, entry.name, 'bundle.sigstore.json')))
  .map((entry) => ({ name: entry.name, shouldPass: !entry.name.endsWith('_fail'), args: conformanceArgs(path.join(casesDir, entry.name)) }))
  .sort((a, b) => a.name.localeCompare(b.name));

describe('sigstore-conformance bundle-verify', () => {
  it('has all 70 cases, 21 to pass and 49 to fail', () => {
    expect(cases).toHaveLength(70);
    expect(cases.filter((c) => c.shouldPass)).toHaveLength(21);
  });

  describe('when a case must verify', () => {
    it.each(cases.filter((c) => c.shouldPass).map((c) => [c.name, c] as const))('%s exits 0', async (_name, c) => {
      const result = await agentfence(c.args);
      expect(
        result.stderr.split('\n').find((line) => line.startsWith('agentfence verify-bundle:')),
        result.stderr,
      ).toBeUndefined();
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^OK: verified, signed by /);
    });
  });

  describe('when a case must be rejected', () => {
    it.each(cases.filter((c) => !c.shouldPass).map((c) => [c.name, c] as const))(
      '%s exits non-zero with a typed reason',
      async (_name, c) => {
        const result = await agentfence(c.args);
        expect(result.status).not.toBe(0);
        expect(result.stdout).toBe('');
        // One readable line with our code, never a stack trace.
        expect(result.stderr).toMatch(/^agentfence verify-bundle: .+ \[[A-Z_]+\]\n$/);
      },
    );
  });

  describe('when the artifact is passed as sha256:HEX instead of a file', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s keeps its verdict', async (_name, c) => {
      const file = c.args[c.args.length - 1]!;
      const digest = `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
      const result = await agentfence([...c.args.slice(0, -1), digest]);
      expect(result.status === 0, result.stderr).toBe(c.shouldPass);
    });
  });

  describe('when verified as one batch on worker threads (compiled dist/)', () => {
    it('reaches the expected verdict on every case', async () => {
      const api = (await import(
        pathToFileURL(path.join(root, 'dist/src/verify/sigstore/index.js')).href
      )) as typeof import('../../src/verify/sigstore/index.js');
      const expected: boolean[] = [];
      const items: import('../../src/verify/sigstore/index.js').BatchItem[] = [];
      for (const c of cases) {
        const dir = path.join(casesDir, c.name);
        let bundle: unknown;
        let trustRoot: import('../../src/verify/sigstore/index.js').TrustRoot;
        try {
          bundle = JSON.parse(readFileSync(path.join(dir, 'bundle.sigstore.json'), 'utf8'));
          trustRoot = existsSync(path.join(dir, 'trusted_root.json'))
            ? api.loadTrustRootFile(path.join(dir, 'trusted_root.json'))
            : api.loadPublicGoodRoot();
        } catch {
          expect(c.shouldPass).toBe(false);
          continue;
        }
        const args = c.args;
        const flag = (name: string): string | undefined => {
          const index = args.indexOf(name);
          return index < 0 ? undefined : args[index + 1];
        };
        const key = flag('--key');
        items.push({
          bundle,
          artifact: { kind: 'bytes', data: readFileSync(args[args.length - 1]!) },
          policy:
            key !== undefined
              ? { kind: 'key', publicKeyPem: readFileSync(key, 'utf8'), trustRoot }
              : { kind: 'keyless', subject: flag('--certificate-identity')!, issuer: flag('--certificate-oidc-issuer')!, trustRoot },
        });
        expected.push(c.shouldPass);
      }
      const pool = new api.VerifierPool({ threads: 2, chunk: 8 });
      try {
        expect(pool.threads).toBe(2);
        const outcomes = await pool.verifyAll(items);
        expect(outcomes.map((outcome) => outcome.ok)).toEqual(expected);
        expect(outcomes.filter((outcome) => !outcome.ok && outcome.kind === 'internal')).toEqual([]);
      } finally {
        await pool.close();
      }
    });
  });

  describe('when run as a subprocess, as the conformance runner does', () => {
    it.each([
      ['happy-path-v0.3', 0],
      ['rekor2-dsse-happy-path', 0],
      ['managed-key-happy-path', 0],
      ['trust-root-tlog-missing-validity-start_fail', 2],
      ['signature-mismatch_fail', 1],
    ] as const)('%s exits %i', (name, status) => {
      const c = cases.find((candidate) => candidate.name === name)!;
      const result = agentfenceProcess(c.args);
      expect(result.status, result.stderr).toBe(status);
    });
  });
});
