/**
 * Batch verification on worker threads: a pool of workers, each with its own trust material and
 * key objects built once, verifying slices of a batch in parallel. Verdicts are exactly those of
 * {@link verifyBundle}; errors come back as their code and message.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError, isAgentfenceError, messageOf, type ErrorKind } from '../../errors.js';
import { present } from '../../invariant.js';
import { trustRootJson } from './trust-root.js';
import type { ArtifactInput, SignerPolicy, SigstoreVerification, TrustRoot } from './types.js';
import { verifyBundle } from './verify.js';

/** One verification of a batch. */
export interface BatchItem {
  readonly bundle: unknown;
  readonly artifact: ArtifactInput;
  readonly policy: SignerPolicy;
}

/** The verdict on one item: the verification, or the typed error it was rejected with. */
export type BatchOutcome =
  | { readonly ok: true; readonly result: SigstoreVerification }
  | { readonly ok: false; readonly kind: ErrorKind | 'internal'; readonly code: string; readonly message: string };

/** Options of {@link VerifierPool}. */
export interface VerifierPoolOptions {
  /** Worker threads. Defaults to the machine's available parallelism; 0 verifies in this thread. */
  readonly threads?: number;
  /** Items per message to a worker. Defaults to 32. */
  readonly chunk?: number;
  /** Verification time for key and PKI validity. Defaults to the current time. */
  readonly now?: Date;
}

/** A policy as it crosses a thread boundary: trust roots by digest. */
export type WirePolicy =
  | (Omit<Extract<SignerPolicy, { kind: 'keyless' }>, 'trustRoot'> & { readonly trustRoot: string })
  | (Omit<Extract<SignerPolicy, { kind: 'key' }>, 'trustRoot'> & { readonly trustRoot?: string })
  | Extract<SignerPolicy, { kind: 'certificate' }>;

export interface WireItem {
  readonly bundle: unknown;
  readonly artifact: ArtifactInput;
  readonly policy: WirePolicy;
}

/** Verifies one item and captures the verdict (used by the pool, its workers and the in-thread path). */
export function outcomeOf(item: BatchItem, now: Date | undefined): BatchOutcome {
  try {
    return { ok: true, result: verifyBundle(item.bundle, item.artifact, item.policy, now === undefined ? {} : { now }) };
  } catch (error) {
    if (isAgentfenceError(error)) return { ok: false, kind: error.kind, code: error.code, message: error.message };
    return { ok: false, kind: 'internal', code: 'ERROR', message: messageOf(error) };
  }
}

function toWire(item: BatchItem, roots: Map<string, unknown>): WireItem {
  const policy = item.policy;
  const register = (root: TrustRoot): string => {
    if (!roots.has(root.digest)) roots.set(root.digest, trustRootJson(root));
    return root.digest;
  };
  switch (policy.kind) {
    case 'keyless':
      return { ...item, policy: { ...policy, trustRoot: register(policy.trustRoot) } };
    case 'key': {
      const { trustRoot, ...rest } = policy;
      return { ...item, policy: trustRoot === undefined ? rest : { ...rest, trustRoot: register(trustRoot) } };
    }
    case 'certificate':
      return { ...item, policy };
    default:
      throw new ConfigError('POLICY_INVALID', 'unknown signer policy kind');
  }
}

/** Buffers cross threads as Uint8Arrays: restore the DSSE payload's type. */
function revive(outcome: BatchOutcome): BatchOutcome {
  if (!outcome.ok || outcome.result.dsse === undefined) return outcome;
  const { dsse } = outcome.result;
  return { ok: true, result: { ...outcome.result, dsse: { payloadType: dsse.payloadType, payload: Buffer.from(dsse.payload) } } };
}

interface Pending {
  resolve(results: BatchOutcome[]): void;
  reject(error: Error): void;
}

/** A pool of verifier threads. Call {@link VerifierPool.close} when done. */
export class VerifierPool {
  readonly threads: number;
  readonly #chunk: number;
  readonly #now: Date | undefined;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #rootsSent = new WeakMap<Worker, Set<string>>();
  #nextId = 0;

  constructor(options: VerifierPoolOptions = {}) {
    const script = new URL('./worker.js', import.meta.url);
    const requested = options.threads ?? availableParallelism();
    // From TypeScript sources (tests) there is no compiled worker: verify in this thread.
    this.threads = existsSync(fileURLToPath(script)) ? Math.max(0, requested) : 0;
    this.#chunk = Math.max(1, options.chunk ?? 32);
    this.#now = options.now;
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(script, { workerData: { now: this.#now?.toISOString() } });
      worker.on('message', (message: { id: number; results: BatchOutcome[] }) => {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve(message.results.map(revive));
      });
      worker.on('error', (error) => {
        for (const pending of this.#pending.values()) pending.reject(error);
        this.#pending.clear();
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
      this.#rootsSent.set(worker, new Set());
    }
  }

  /** Verifies every item; the outcomes are in item order. */
  async verifyAll(items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    if (this.threads === 0) return items.map((item) => outcomeOf(item, this.#now));
    const roots = new Map<string, unknown>();
    const wire = items.map((item) => toWire(item, roots));
    const outcomes: BatchOutcome[] = new Array<BatchOutcome>(items.length);
    let next = 0;
    const runWorker = async (worker: Worker): Promise<void> => {
      while (next < wire.length) {
        const start = next;
        next = Math.min(wire.length, next + this.#chunk);
        const sent = present(this.#rootsSent.get(worker), 'the roots sent to a worker');
        const newRoots = [...roots.entries()].filter(([digest]) => !sent.has(digest));
        newRoots.forEach(([digest]) => sent.add(digest));
        const id = this.#nextId++;
        const results = await new Promise<BatchOutcome[]>((resolve, reject) => {
          this.#pending.set(id, { resolve, reject });
          worker.postMessage({ id, roots: newRoots, items: wire.slice(start, next) });
        });
        results.forEach((outcome, offset) => (outcomes[start + offset] = outcome));
      }
    };
    await Promise.all(this.#workers.map(runWorker));
    return outcomes;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    this.#workers.length = 0;
  }
}

/** Verifies a batch on a temporary pool of worker threads. */
export async function verifyBundles(items: readonly BatchItem[], options: VerifierPoolOptions = {}): Promise<BatchOutcome[]> {
  const pool = new VerifierPool(options);
  try {
    return await pool.verifyAll(items);
  } finally {
    await pool.close();
  }
}
