/**
 * `npm run bench`: runs every `bench/*.bench.js` beside this file (compiled from TypeScript) in
 * name order, or only those whose name contains one of the arguments. Each prints its own lines:
 * measurements as ratios against a named baseline on this machine.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.js'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => void | Promise<void> };
  process.stdout.write(`\n## ${file.replace(/\.bench\.js$/, '')}\n`);
  await mod.default();
}
