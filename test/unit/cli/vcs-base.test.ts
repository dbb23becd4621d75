/**
 * Where the CLI finds the VCS base it hands the SBOM core: --vcs-base, else (outside a check) the
 * GitHub Actions environment, else the project's package.json repository; a check rebuilds against
 * the base the committed file records and never takes the environment's commit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryBase } from '../../../src/cli/sbom-context.js';
import { InputError } from '../../../src/errors.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/agents', GITHUB_SHA: SHA };

function project(pkg: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-vcs-'));
  if (pkg !== undefined) writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  return dir;
}

const recorded = (props: Array<[string, string]>): string =>
  JSON.stringify({ metadata: { properties: props.map(([name, value]) => ({ name, value })) } });

describe('repositoryBase', () => {
  const withRepo = project({ name: 'x', repository: 'github:acme/from-package' });
  const bare = project(undefined);

  it.each([
    [
      '--vcs-base wins over everything, with a trailing slash',
      withRepo,
      { given: 'https://git.example/acme/agents/src/abc', env: GITHUB },
      'https://git.example/acme/agents/src/abc/',
    ],
    ['GitHub Actions names the commit', withRepo, { env: GITHUB }, `https://github.com/acme/agents/blob/${SHA}/`],
    [
      'GitHub Enterprise server URL',
      bare,
      { env: { ...GITHUB, GITHUB_SERVER_URL: 'https://ghe.example/' } },
      `https://ghe.example/acme/agents/blob/${SHA}/`,
    ],
    [
      'partial GitHub variables are not a base',
      withRepo,
      { env: { GITHUB_REPOSITORY: 'acme/agents' } },
      'https://github.com/acme/from-package/blob/HEAD/',
    ],
    ['package.json repository', withRepo, { env: {} }, 'https://github.com/acme/from-package/blob/HEAD/'],
    ['nothing: relative', bare, { env: {} }, undefined],
    [
      'a check takes the base the committed file records, not the commit being checked',
      withRepo,
      {
        env: GITHUB,
        check: true,
        committed: recorded([
          ['agentfence:external-references', 'absolute'],
          ['agentfence:external-references:base', 'https://github.com/acme/agents/blob/main/'],
        ]),
      },
      'https://github.com/acme/agents/blob/main/',
    ],
    [
      'a check of a relative file stays relative',
      withRepo,
      { env: GITHUB, check: true, committed: recorded([['agentfence:external-references', 'relative']]) },
      undefined,
    ],
    [
      'a check of a file that records nothing falls back to package.json, never GITHUB_SHA',
      withRepo,
      { env: GITHUB, check: true, committed: '{}' },
      'https://github.com/acme/from-package/blob/HEAD/',
    ],
    ['a check without a committed file ignores GITHUB_SHA', bare, { env: GITHUB, check: true }, undefined],
  ] as const)('%s', async (_label, dir, sources, expected) => {
    expect(await repositoryBase(dir, sources)).toBe(expected);
  });

  it.each([
    ['an http --vcs-base', { given: 'http://git.example/acme/agents/', env: {} }, /--vcs-base must be an https URL/],
    ['a --vcs-base with a query', { given: 'https://git.example/a?ref=main', env: {} }, /without query or fragment/],
    ['a path as --vcs-base', { given: 'acme/agents', env: {} }, /--vcs-base must be an https URL/],
    [
      'a malformed GITHUB_SHA',
      { env: { ...GITHUB, GITHUB_SHA: 'HEAD' } },
      /GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA must form a VCS base/,
    ],
    ['a GITHUB_REPOSITORY with a path', { env: { ...GITHUB, GITHUB_REPOSITORY: 'acme/agents/../x' } }, /pass --vcs-base to override/],
    ['a GITHUB_REPOSITORY of dot segments', { env: { ...GITHUB, GITHUB_REPOSITORY: '../..' } }, /must form a VCS base/],
  ] as const)('refuses %s as CLI_USAGE', async (_label, sources, message) => {
    const error = await repositoryBase(bare, sources).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('CLI_USAGE');
    expect((error as InputError).message).toMatch(message);
  });
});
