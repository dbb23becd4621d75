/** Shared helpers of the model-signing tests: fixture paths, temp models, DSSE payload decoding. */
import { cpSync, mkdtempSync, readFileSync, rmSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../../../..');
export const fixtures = path.resolve(root, '../shared/fixtures/model-signing');
export const keys = path.join(fixtures, 'keys');

/** The six signed models of the reference implementation. */
export const fixtureNames = readdirSync(fixtures)
  .filter((name) => /^v\d/.test(name))
  .sort();

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(prefix = 'af-model-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a fixture folder to `dest` (files writable, since the fixtures are read-only). */
export function copyFixture(name: string, dest: string): string {
  const target = path.join(dest, name);
  cpSync(path.join(fixtures, name), target, { recursive: true });
  chmodSync(target, 0o755);
  for (const file of readdirSync(target)) {
    const full = path.join(target, file);
    chmodSync(full, statSync(full).isDirectory() ? 0o755 : 0o644);
  }
  return target;
}

/** The in-toto statement inside a bundle file, decoded without verifying it. */
export function statementOf(bundleFile: string): unknown {
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as { dsseEnvelope: { payload: string } };
  return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as unknown;
}
