/**
 * Reading a YAML or JSON document safely and mapping a path inside it back to a line and column.
 * Refuses what a manifest never needs to be: large, not UTF-8, several documents, duplicate keys,
 * alias bombs, anything but a mapping at the top.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { InputError } from '../errors.js';
import { ManifestError, type LocatedError } from './errors.js';

/** Largest manifest or trust policy we read: 1 MiB. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most aliases a document may expand; YAML anchors are fine, billion-laughs are not. */
export const MAX_ALIAS_COUNT = 100;

/** A path into a document: keys and array indexes. */
export type DocPath = readonly (string | number)[];

/** A parsed document with what is needed to locate its nodes. */
export interface Source {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain value (objects, arrays, scalars). */
  readonly value: Record<string, unknown>;
}

/**
 * Reads and parses `file` (YAML, or JSON when it ends in `.json`).
 * @throws ManifestError FILE_MISSING, NOT_A_FILE, TOO_LARGE, NOT_UTF8, YAML_SYNTAX, JSON_SYNTAX,
 * DUPLICATE_KEY, MULTI_DOCUMENT, ALIAS_LIMIT, NOT_A_MAPPING.
 */
export function readSource(file: string): Source {
  return parseSource(readBytes(file), file);
}

/** Reads a regular file of at most MAX_FILE_BYTES. */
function readBytes(file: string): Uint8Array {
  let fd: number;
  try {
    // Checked before open: opening a FIFO would block.
    if (!statSync(file).isFile()) throw fileError(file, 'NOT_A_FILE', 'must be a regular file');
    fd = openSync(file, 'r');
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw fileError(file, 'FILE_MISSING', `must exist and be readable (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fileError(file, 'NOT_A_FILE', 'must be a regular file');
    if (stat.size > MAX_FILE_BYTES) throw fileError(file, 'TOO_LARGE', `must be at most ${MAX_FILE_BYTES} bytes (got ${stat.size})`);
    // Read to the end, not to the size stat saw: a file that grew since is still capped.
    const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_FILE_BYTES) throw fileError(file, 'TOO_LARGE', `must be at most ${MAX_FILE_BYTES} bytes`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses bytes as the document `file` names (YAML, or JSON for `.json`).
 * @throws ManifestError as `readSource`.
 */
export function parseSource(bytes: Uint8Array, file: string): Source {
  if (bytes.length > MAX_FILE_BYTES) throw fileError(file, 'TOO_LARGE', `must be at most ${MAX_FILE_BYTES} bytes (got ${bytes.length})`);
  const text = decodeUtf8(bytes, file);
  const lineCounter = new LineCounter();
  const isJson = file.toLowerCase().endsWith('.json');
  if (isJson) checkJsonSyntax(text, file);
  let doc: Document.Parsed;
  try {
    // The parser's own duplicate-key check compares each key with every earlier one (quadratic in
    // a wide mapping); duplicateKeys below does the same check in one pass.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true, strict: true, version: '1.2' });
  } catch (error) {
    // The parser itself failed (e.g. nesting deep enough to exhaust the stack).
    throw fileError(file, 'YAML_SYNTAX', `must be parseable YAML (${messageOfUnknown(error).slice(0, 200)})`);
  }
  // One problem per position: the parser often reports a cascade at the same spot.
  const positions = new Set<number>();
  const problems = [...doc.errors, ...doc.warnings, ...duplicateKeys(doc)].filter((problem) => {
    if (positions.has(problem.pos[0])) return false;
    positions.add(problem.pos[0]);
    return true;
  });
  if (problems.length > 0) {
    throw new ManifestError(
      problems.map((problem) => {
        const pos = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
        const located = { file, line: pos.line, col: pos.col, path: '' };
        switch (problem.code) {
          case 'DUPLICATE_KEY': {
            const key = 'key' in problem ? problem.key : text.slice(problem.pos[0], problem.pos[1]);
            return {
              ...located,
              code: 'DUPLICATE_KEY',
              message: `the key ${JSON.stringify(key.slice(0, 60))} must appear once in its mapping (got it again)`,
            };
          }
          case 'MULTIPLE_DOCS':
            return { ...located, code: 'MULTI_DOCUMENT', message: 'the file must hold exactly one YAML document (got more)' };
          default: {
            const detail = firstLine(problem.message).replace(/ at line \d+, column \d+:?$/, '');
            return { ...located, code: 'YAML_SYNTAX', message: `the file must be valid YAML (${detail})` };
          }
        }
      }),
    );
  }
  if (!isMap(doc.contents)) {
    const at = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    throw new ManifestError([
      {
        file,
        line: at.line,
        col: at.col,
        path: '',
        message: `the document must be a mapping (got ${describeNode(doc.contents)})`,
        code: 'NOT_A_MAPPING',
      },
    ]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw fileError(file, 'ALIAS_LIMIT', `must expand at most ${MAX_ALIAS_COUNT} aliases (a resource exhaustion attack?)`);
    }
    throw fileError(file, 'YAML_SYNTAX', `must be a plain YAML document (${firstLine(messageOfUnknown(error))})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Map) {
    throw fileError(file, 'NOT_A_MAPPING', 'the document must be a mapping');
  }
  return { file, doc, lineCounter, value: value as Record<string, unknown> };
}

/**
 * A DUPLICATE_KEY problem at each scalar key equal (as the parser compares them) to an earlier key
 * of the same mapping. Iterative, so no nesting depth exhausts the stack.
 */
function duplicateKeys(
  doc: Document.Parsed,
): { code: 'DUPLICATE_KEY'; message: string; pos: [number, number]; key: string; linePos?: undefined }[] {
  const found: { code: 'DUPLICATE_KEY'; message: string; pos: [number, number]; key: string }[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const start = pair.key.range?.[0];
          if (seen.has(pair.key.value) && start !== undefined) {
            found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [start, start + 1], key: String(pair.key.value) });
          }
          seen.add(pair.key.value);
        } else {
          pending.push(pair.key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return found;
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    // A leading BOM is accepted and stripped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstBadUtf8Line(bytes);
    throw new ManifestError([
      { file, line, col: 1, path: '', message: 'the file must be UTF-8 text (found an invalid byte sequence)', code: 'NOT_UTF8' },
    ]);
  }
}

/** The 1-based line holding the first invalid UTF-8 sequence. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line += 1;
      start = i + 1;
    }
  }
  return 1;
}

/** JSON files must be strict JSON: JSON.parse is the gate, errors mapped to line:col. */
function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = messageOfUnknown(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const pos = offset === undefined ? Math.max(0, text.length - 1) : Number(offset);
    const { line, col } = linePosOf(text, pos);
    throw new ManifestError([
      {
        file,
        line,
        col,
        path: '',
        message: `the file must be valid JSON (${firstLine(message).replace(/ in JSON at position \d+.*$/, '')})`,
        code: 'JSON_SYNTAX',
      },
    ]);
  }
}

function linePosOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * The line and column of the node at `docPath`: its value, or its key when `at` is `key`. Walks as
 * far as the document goes and answers the deepest node found (a missing field points at its parent).
 */
export function locate(source: Source, docPath: DocPath, at: 'value' | 'key' = 'value'): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const segment of docPath) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: unknown;
    let nextKey: unknown;
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(segment));
      if (pair !== undefined) {
        nextKey = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined || next === null) break;
    node = next;
    keyNode = nextKey;
  }
  const target = at === 'key' && keyNode !== undefined ? keyNode : node;
  const range = (target as Node | undefined)?.range;
  if (range === undefined || range === null) return { line: 1, col: 1 };
  return source.lineCounter.linePos(range[0]);
}

const pairIndexes = new WeakMap<object, Map<string, Pair>>();

/** A mapping's pairs by scalar key (the first of equal keys), built once per mapping: locating stays linear. */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/** Formats a document path for people: `tools[2].actions[0]`. */
export function formatPath(docPath: DocPath): string {
  let out = '';
  for (const segment of docPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Builds a located error for the node at `docPath`. */
export function errorAt(source: Source, docPath: DocPath, code: string, message: string, at: 'value' | 'key' = 'value'): LocatedError {
  const { line, col } = locate(source, docPath, at);
  return { file: source.file, line, col, path: formatPath(docPath), message, code };
}

function fileError(file: string, code: string, message: string): ManifestError {
  return new ManifestError([{ file, line: 1, col: 1, path: '', message: `the file ${message}`, code }]);
}

function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'an empty document';
  if (isSeq(node)) return 'a sequence';
  // JSON.stringify gives undefined for a value JSON cannot render
  if (isScalar(node)) return `a scalar ${(JSON.stringify(node.value) as string | undefined)?.slice(0, 40) ?? ''}`.trim();
  if (isAlias(node)) return 'an alias';
  return 'something else';
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end === -1 ? message : message.slice(0, end)).slice(0, 300);
}

function messageOfUnknown(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps anything unexpected thrown while loading as bad input, never a crash. */
export function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  return new InputError('MANIFEST_UNREADABLE', `${file} could not be read (${firstLine(messageOfUnknown(error))})`, { cause: error });
}
