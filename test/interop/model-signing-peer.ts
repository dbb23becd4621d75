/**
 * The reference model_signing as a test oracle: batches of operations run by one Python process
 * (model-signing-driver.py), fresh keys made with node:crypto, and small models to sign.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Peers } from './peers.js';

const DRIVER = path.join(import.meta.dirname, 'model-signing-driver.py');

/** One result of the driver: `ok` or the reference's error message. */
export interface ReferenceResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly [key: string]: unknown;
}

/** Runs operations through the reference implementation; one Python process for all of them. */
export function reference(found: Peers, operations: readonly Record<string, unknown>[]): ReferenceResult[] {
  const run = spawnSync(found.path('python'), [DRIVER], {
    input: JSON.stringify(operations),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`model_signing driver failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as ReferenceResult[];
  if (results.length !== operations.length)
    throw new Error(`driver returned ${results.length} results for ${operations.length} operations`);
  return results;
}

/** Runs the reference CLI (`model_signing ...`). */
export function referenceCli(found: Peers, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(found.path('model_signing'), args, { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An EC key pair written as PKCS#8 / SPKI PEM files. */
export interface KeyFiles {
  readonly privateKey: string;
  readonly publicKey: string;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** A fresh EC key on `curve`, written under `dir`. */
export function makeKey(dir: string, curve: 'P-256' | 'P-384' | 'P-521'): KeyFiles {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  mkdirSync(dir, { recursive: true });
  const files = { privateKey: path.join(dir, `${curve}.key.pem`), publicKey: path.join(dir, `${curve}.pub.pem`) };
  writeFileSync(files.privateKey, privateKeyPem);
  writeFileSync(files.publicKey, publicKeyPem);
  return { ...files, privateKeyPem, publicKeyPem };
}

/** Writes `files` (relative path -> content) under `dir` and returns `dir`. */
export function writeModel(dir: string, files: Readonly<Record<string, string | Buffer>>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** The model shapes every direction is tried on: nested folders, an empty file, unicode names. */
export const NESTED_MODEL: Readonly<Record<string, string>> = Object.freeze({
  'config.json': '{"layers": 2}\n',
  'weights/layer-0.bin': 'a'.repeat(40),
  'weights/deep/layer-1.bin': 'b'.repeat(23),
  'empty.bin': '',
  'tokenizer/vocabulário.txt': 'olá\n',
  'tokenizer/权重.bin': '重みweights',
  'README.md': '# model\n',
});
