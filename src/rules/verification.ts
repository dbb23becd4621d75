/**
 * Reading the supply-chain verdict (`.agentfence/verification.json`, written by `agentfence
 * verify`) for the rules that depend on it. A missing or malformed report is a problem to report,
 * never a pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VerificationReport } from '../verify/types.js';
import { isRecord } from './values.js';

export type LoadedVerification =
  | { readonly ok: true; readonly report: VerificationReport; readonly file: string }
  | { readonly ok: false; readonly problem: string; readonly file: string };

function check(doc: unknown): string | undefined {
  if (!isRecord(doc)) return 'not a JSON object';
  if (doc['schemaVersion'] !== 'agentfence.verification/v1') return `schemaVersion ${JSON.stringify(doc['schemaVersion'])}, expected "agentfence.verification/v1"`;
  if (typeof doc['agent'] !== 'string') return 'no agent name';
  if (!Array.isArray(doc['results'])) return 'no results list';
  for (const result of doc['results']) {
    if (!isRecord(result) || typeof result['name'] !== 'string' || !['model', 'plugin', 'api', 'image'].includes(result['kind'] as string)) return 'a result without kind and name';
    if (!['verified', 'blocked', 'warned'].includes(result['status'] as string)) return `result ${JSON.stringify(result['name'])} with status ${JSON.stringify(result['status'])}`;
  }
  if (!Array.isArray(doc['verifiedHosts']) || doc['verifiedHosts'].some((h) => typeof h !== 'string')) return 'no verifiedHosts list';
  return undefined;
}

/** Loads and shape-checks a verification report; relative paths resolve against `baseDir`. */
export function loadVerification(file: string, baseDir: string): LoadedVerification {
  const absolute = path.resolve(baseDir, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return { ok: false, problem: `no verification report at ${file}; run \`agentfence verify\``, file: absolute };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, problem: `an invalid verification report at ${file}: malformed JSON`, file: absolute };
  }
  const problem = check(doc);
  if (problem !== undefined) return { ok: false, problem: `an invalid verification report at ${file}: ${problem}`, file: absolute };
  return { ok: true, report: doc as VerificationReport, file: absolute };
}
