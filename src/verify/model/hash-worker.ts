/**
 * The one hashing loop, run inline by {@link hashTasks} and, in a worker thread, by this same
 * module: imported with `workerData.role === 'agentfence-model-hash'`, it serves hash requests
 * from its parent. Self-contained (node built-ins only) so it can also run transpiled from source.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Read buffer per thread. */
export const CHUNK = 4 * 1024 * 1024;
/** Workers report progress every this many bytes. */
const REPORT_BYTES = 16 * 1024 * 1024;
/** The `workerData.role` that turns this module into a hashing worker. */
export const WORKER_ROLE = 'agentfence-model-hash';

/** A hash request: `end` null hashes up to EOF. */
export interface TaskMessage {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number | null;
  readonly algorithm: string;
  readonly flags: number;
}

/** A worker's answer to one task. */
export type WorkerReply =
  | { readonly id: number; readonly type: 'progress'; readonly bytes: number }
  | { readonly id: number; readonly type: 'done'; readonly digest: string; readonly bytes: number }
  | { readonly id: number; readonly type: 'error'; readonly code: string; readonly message: string };

/**
 * Hashes `[start, end)` of a file (to EOF when `end` is null) with one reused buffer; a file that
 * ends before `end` throws an error with code ESHRANK.
 */
export function hashRange(task: Omit<TaskMessage, 'id'>, buffer: Buffer, onBytes: (bytes: number) => void): string {
  let fd: number | undefined;
  try {
    fd = openSync(task.path, task.flags);
    const hash = createHash(task.algorithm);
    let position = task.start;
    for (;;) {
      const want = task.end === null ? buffer.length : Math.min(buffer.length, task.end - position);
      if (want === 0) break;
      const n = readSync(fd, buffer, 0, want, position);
      if (n === 0) {
        if (task.end !== null) throw Object.assign(new Error('file shrank while it was hashed'), { code: 'ESHRANK' });
        break;
      }
      hash.update(buffer.subarray(0, n));
      position += n;
      onBytes(n);
    }
    return hash.digest('hex');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function serve(port: NonNullable<typeof parentPort>): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  port.on('message', (task: TaskMessage) => {
    let pending = 0;
    try {
      const digest = hashRange(task, buffer, (n) => {
        pending += n;
        if (pending >= REPORT_BYTES) {
          port.postMessage({ id: task.id, type: 'progress', bytes: pending } satisfies WorkerReply);
          pending = 0;
        }
      });
      port.postMessage({ id: task.id, type: 'done', digest, bytes: pending } satisfies WorkerReply);
    } catch (error) {
      const { code, message } = error instanceof Error ? (error as NodeJS.ErrnoException) : { code: undefined, message: String(error) };
      port.postMessage({ id: task.id, type: 'error', code: code ?? 'ERROR', message } satisfies WorkerReply);
    }
  });
}

if (!isMainThread && parentPort !== null && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) serve(parentPort);
