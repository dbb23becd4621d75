/**
 * Streaming hashing of files and file ranges, spread over a pool of worker threads (one per
 * available core); small files are hashed inline because a round trip to a worker costs more than
 * hashing them. Memory is flat: each thread reuses one read buffer, whatever the model size.
 */
import { constants, existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, VerificationError } from '../../errors.js';
import { present } from '../../invariant.js';
import { CHUNK, hashRange, WORKER_ROLE, type TaskMessage, type WorkerReply } from './hash-worker.js';

/** One unit of hashing: a whole file (`end` undefined: up to EOF) or the range `[start, end)`. */
export interface HashTask {
  readonly path: string;
  readonly start: number;
  readonly end?: number;
  /** Expected bytes, for progress and scheduling. */
  readonly size: number;
}

/** Knobs of {@link hashTasks}. */
export interface HashTasksOptions {
  /** A Node.js digest name (`sha256`, `blake2b512`). */
  readonly algorithm: string;
  /** Open with O_NOFOLLOW so a file swapped for a symlink after the walk is refused. */
  readonly noFollow: boolean;
  /** Worker threads. Defaults to the available parallelism; 0 hashes inline. */
  readonly workers?: number;
  /** Called with the number of bytes hashed since the last call. */
  readonly onBytes?: (bytes: number) => void;
}

/** Tasks smaller than this stay on the main thread (unless they add up to more than the inline budget). */
const INLINE_TASK_BYTES = 1024 * 1024;
/** Below this total, no worker is started at all; also the budget of small files hashed inline. */
const INLINE_TOTAL_BYTES = 32 * 1024 * 1024;

let transpiled: string | undefined;

/**
 * Starts one hashing thread on hash-worker: the compiled module next to this one, or, when running
 * from TypeScript sources (tests), the same source transpiled once in memory.
 */
async function startWorker(): Promise<Worker> {
  const compiled = new URL('./hash-worker.js', import.meta.url);
  const workerData = { role: WORKER_ROLE };
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  if (transpiled === undefined) {
    const ts = (await import('typescript')).default;
    const source = readFileSync(new URL('./hash-worker.ts', import.meta.url), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    transpiled = `(function (exports) {\n${output}\n})({});`;
  }
  return new Worker(transpiled, { eval: true, workerData });
}

/** Maps an I/O failure while hashing to our error families. */
function hashError(file: string, code: string, message: string, cause?: unknown): Error {
  const options = cause === undefined ? undefined : { cause };
  if (code === 'ELOOP') return new VerificationError('SYMLINK_REFUSED', `${file} became a symlink while the model was hashed`, options);
  if (code === 'ESHRANK' || code === 'ENOENT')
    return new VerificationError('TAMPERED', `${file} changed while the model was hashed (${message})`, options);
  return new InputError('MODEL_UNREADABLE', `cannot read ${file}: ${message}`, options);
}

let inlineBuffer: Buffer | undefined;

/** Hashes one task on the calling thread. */
function hashInline(task: HashTask, algorithm: string, flags: number, onBytes?: (bytes: number) => void): string {
  inlineBuffer ??= Buffer.allocUnsafe(CHUNK);
  try {
    return hashRange(
      { path: task.path, start: task.start, end: task.end ?? null, algorithm, flags },
      inlineBuffer,
      onBytes ?? (() => undefined),
    );
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw hashError(task.path, e.code ?? 'ERROR', e.message, error);
  }
}

/** The pool size used when the caller does not set one. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Hashes every task and returns the hex digests in task order.
 * @throws VerificationError SYMLINK_REFUSED | TAMPERED; InputError MODEL_UNREADABLE
 */
export async function hashTasks(tasks: readonly HashTask[], options: HashTasksOptions): Promise<{ digests: string[]; workers: number }> {
  const flags = constants.O_RDONLY | (options.noFollow ? constants.O_NOFOLLOW : 0);
  const digests: string[] = new Array<string>(tasks.length);
  const total = tasks.reduce((sum, task) => sum + task.size, 0);
  const wanted = Math.max(0, Math.floor(options.workers ?? defaultWorkers()));
  const entries = tasks.map((task, id) => ({ id, task }));
  const smallBytes = tasks.reduce((sum, task) => sum + (task.size < INLINE_TASK_BYTES ? task.size : 0), 0);
  // Many small files add up: past the inline budget they go to the pool too.
  const pooled =
    wanted === 0 || total <= INLINE_TOTAL_BYTES
      ? []
      : smallBytes > INLINE_TOTAL_BYTES
        ? [...entries]
        : entries.filter(({ task }) => task.size >= INLINE_TASK_BYTES);
  const pooledSet = new Set(pooled);
  const inline = entries.filter((entry) => !pooledSet.has(entry));
  // Largest first, so the pool does not end waiting on one big straggler.
  pooled.sort((a, b) => b.task.size - a.task.size);
  const size = Math.min(wanted, pooled.length);
  if (size === 0) {
    for (const { id, task } of inline) digests[id] = hashInline(task, options.algorithm, flags, options.onBytes);
    return { digests, workers: 0 };
  }

  const workers = await Promise.all(Array.from({ length: size }, startWorker));
  let failure: Error | undefined;
  let closing = false;
  try {
    const poolDone = new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      const dispatch = (worker: Worker): void => {
        if (failure !== undefined) return;
        const entry = pooled[next];
        if (entry === undefined) {
          if (running === 0) resolve();
          return;
        }
        next++;
        const { id, task } = entry;
        running++;
        const message: TaskMessage = { id, path: task.path, start: task.start, end: task.end ?? null, algorithm: options.algorithm, flags };
        worker.postMessage(message);
      };
      for (const worker of workers) {
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'progress') {
            options.onBytes?.(reply.bytes);
            return;
          }
          running--;
          if (reply.type === 'error') {
            failure = hashError(present(tasks[reply.id], `task ${reply.id} of a worker reply`).path, reply.code, reply.message);
            reject(failure);
            return;
          }
          options.onBytes?.(reply.bytes);
          digests[reply.id] = reply.digest;
          dispatch(worker);
          if (next >= pooled.length && running === 0) resolve();
        });
        worker.on('error', (error) => {
          failure = new InputError('MODEL_UNREADABLE', `a hashing thread failed: ${error.message}`, { cause: error });
          reject(failure);
        });
        // A thread that dies without an error event (killed, out of memory) must not leave us waiting.
        worker.on('exit', (code) => {
          if (closing || failure !== undefined) return;
          failure = new InputError('MODEL_UNREADABLE', `a hashing thread exited unexpectedly (code ${code})`);
          reject(failure);
        });
        dispatch(worker);
      }
    });
    // Observed below; this keeps an early failure from being reported as unhandled meanwhile.
    poolDone.catch(() => undefined);
    // Small files are hashed here while the pool works, yielding between files so replies flow.
    for (const { id, task } of inline) {
      if (failure !== undefined) break;
      digests[id] = hashInline(task, options.algorithm, flags, options.onBytes);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await poolDone;
  } finally {
    closing = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { digests, workers: size };
}
