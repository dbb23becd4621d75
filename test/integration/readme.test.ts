/**
 * The README cannot drift: every shell block marked `<!-- e2e: NAME exit=N expect="..." -->` runs,
 * exactly as written, in a fresh copy of the repository (tracked and untracked-but-not-ignored
 * files, committed into a new git repository, as a clean clone would have them).
 *
 * The full replay, with the quick start's `npm ci` run for real in that copy, takes minutes and runs
 * only where AGENTFENCE_README_REPLAY=1 (.ci/run sets it). Otherwise the copy borrows this checkout's
 * node_modules and its build (dist/, which `npm test` and `npm run test:integration` build from
 * these same files just before), so a block's `npm ci` has nothing left to do and becomes `true`;
 * everything else in the blocks runs as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface Block {
  readonly name: string;
  readonly exit: number;
  readonly expect: readonly string[];
  readonly script: string;
}

/** Marked blocks of the README, in order. */
function readmeBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const marker = /<!-- e2e: ([a-z0-9-]+) exit=(\d)((?: expect="[^"]*")*) -->\n```sh\n([\s\S]*?)```/g;
  for (const match of text.matchAll(marker)) {
    const expects = [...(match[3] ?? '').matchAll(/expect="([^"]*)"/g)].map((m) => m[1]!);
    blocks.push({ name: match[1]!, exit: Number(match[2]), expect: expects, script: match[4]! });
  }
  return blocks;
}

const blocks = readmeBlocks(readFileSync(path.join(root, 'README.md'), 'utf8'));
const replay = process.env['AGENTFENCE_README_REPLAY'] === '1';
let copy: string | undefined;

/** The block as it runs here: as written in a full replay, without `npm ci` otherwise. */
function runnable(script: string): string {
  return replay ? script : script.replace(/\bnpm ci\b/g, 'true');
}

/** Copies the working tree (what git would clone) and makes it a repository of its own. */
function copyRepository(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    try {
      cpSync(path.join(root, file), path.join(to, file), { verbatimSymlinks: true });
    } catch (error) {
      // a tracked file deleted in the working tree is not part of the copy
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: to, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=readme-test', '-c', 'user.email=readme-test@localhost', 'commit', '-qm', 'copy');
}

describe('README', () => {
  beforeAll(() => {
    // ../shared sits beside the project in CI and in development; the copy gets the same neighbour
    const parent = mkdtempSync(path.join(os.tmpdir(), 'agentfence-readme-'));
    copy = path.join(parent, 'agentfence');
    copyRepository(copy);
    if (!replay) {
      console.warn(
        "README blocks: npm ci skipped, this checkout's node_modules and dist/ borrowed (AGENTFENCE_README_REPLAY=1 replays it)",
      );
      symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
      cpSync(path.join(root, 'dist'), path.join(copy, 'dist'), { recursive: true });
    }
  }, 120_000);

  afterAll(() => {
    if (copy !== undefined) rmSync(path.dirname(copy), { recursive: true, force: true });
  });

  it('marks the quick start, the authorize calls, the tampered example and the one-line edit', () => {
    expect(blocks.map((b) => b.name)).toEqual(['quickstart', 'authorize-allow', 'authorize-deny', 'tampered', 'approval']);
  });

  describe.each(blocks)('when the "$name" block runs as written', (block) => {
    it(`exits ${block.exit} and prints what the README promises`, () => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true' };
      delete env['AGENTFENCE_DEBUG'];
      const result = spawnSync('bash', ['-c', runnable(block.script)], {
        cwd: copy,
        env,
        encoding: 'utf8',
        timeout: 900_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output.slice(-4000)).toBe(block.exit);
      for (const text of block.expect) expect(output).toContain(text);
      expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
    }, 900_000);
  });
});
