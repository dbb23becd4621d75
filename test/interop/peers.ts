/**
 * Finds the reference implementations `scripts/install-interop.sh` puts in `.interop/`. Interop
 * suites call `peers([...])` once: without the peers they skip with one line naming what is missing,
 * unless AGENTFENCE_INTEROP=require (set by .ci/run), which turns a missing peer into a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const interopRoot = path.resolve(import.meta.dirname, '../../.interop');

/** Every peer the suites know, by name, with where its executable lives under `.interop/`. */
const PEERS = {
  python: 'venv/bin/python',
  model_signing: 'venv/bin/model_signing',
  'sigstore-python': 'venv/bin/sigstore',
  zizmor: 'venv/bin/zizmor',
  cosign: 'bin/cosign',
  'sigstore-go-verification': 'bin/sigstore-go-verification',
  'sigstore-go-signing': 'bin/sigstore-go-signing',
  'slsa-verifier': 'bin/slsa-verifier',
  actionlint: 'bin/actionlint',
} as const;

export type PeerName = keyof typeof PEERS;

export interface Peers {
  /** True when every requested peer is installed; suites use `describe.skipIf(!found.ok)`. */
  readonly ok: boolean;
  /** Absolute path of a peer's executable. */
  readonly path: (name: PeerName) => string;
  readonly missing: readonly PeerName[];
}

/** Resolves the named peers; logs one line and reports `ok: false` when any is missing. */
export function peers(names: readonly PeerName[]): Peers {
  const missing = names.filter((name) => !existsSync(path.join(interopRoot, PEERS[name])));
  if (missing.length > 0) {
    const line = `interop peers missing (${missing.join(', ')}): run scripts/install-interop.sh`;
    if (process.env['AGENTFENCE_INTEROP'] === 'require') throw new Error(`${line} (AGENTFENCE_INTEROP=require)`);
    console.warn(`skipping: ${line}`);
  }
  return {
    ok: missing.length === 0,
    path: (name) => path.join(interopRoot, PEERS[name]),
    missing,
  };
}

/** The pinned versions the install script recorded, for a suite's log line. */
export function peerVersions(): string {
  const file = path.join(interopRoot, 'versions.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').join(', ') : 'unknown';
}
