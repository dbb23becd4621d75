import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const fixtures = path.resolve(root, '../shared/fixtures');

/**
 * Test files that read `../shared/fixtures` (data from other projects, laid beside the checkout in
 * development and CI). Without the folder they are left out with one line naming it;
 * AGENTFENCE_FIXTURES=require (set by .ci/run) turns its absence into a failure instead.
 */
function filesNeedingFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && readFileSync(file, 'utf8').includes('shared/fixtures')) found.push(path.relative(root, file));
    }
  };
  walk(path.join(root, 'test'));
  return found;
}

function fixtureExcludes(): string[] {
  if (existsSync(fixtures)) return [];
  if (process.env['AGENTFENCE_FIXTURES'] === 'require') throw new Error(`${fixtures} is missing (AGENTFENCE_FIXTURES=require)`);
  const files = filesNeedingFixtures();
  console.warn(`skipping ${files.length} test files: ${fixtures} is missing`);
  // a helper module that reads the fixtures takes the suites importing it along
  const helpers = files.filter((file) => !file.endsWith('.test.ts')).map((file) => path.basename(file, '.ts'));
  const importers = helpers.length === 0 ? [] : filesImporting(helpers);
  return [...files, ...importers];
}

function filesImporting(modules: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.test.ts')) {
        const text = readFileSync(file, 'utf8');
        if (modules.some((name) => text.includes(`/${name}.js'`))) found.push(path.relative(root, file));
      }
    }
  };
  walk(path.join(root, 'test'));
  return found;
}

const excluded = fixtureExcludes();

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
    exclude: ['**/node_modules/**', ...excluded],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/manifest/validators.generated.ts'],
      reporter: ['text-summary', 'json-summary'],
      // The pure cores carry the security decisions; their coverage may not slip.
      thresholds: {
        'src/rules/**': { lines: 95 },
        'src/verify/**': { lines: 90 },
      },
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The built CLI that the in-process runs load is Node's to import, as bin/agentfence.js does.
          server: { deps: { external: [/\/dist\//] } },
        },
      },
      {
        extends: true,
        test: { name: 'interop', include: ['test/interop/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
    ],
  },
});
