/**
 * The verification report's one home: where an agent's report lives
 * (`.agentfence/<agent>/verification.json`), its versioned JSON Schema, the file digests it records
 * and the reader every consumer (check, gate, sbom, report, the policy pack) goes through. A report
 * is read whole only below a size cap, validated with ajv, and refused as stale when the manifest,
 * the trust policy or any file it verified has changed since.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AgentfenceError, InputError, messageOf } from '../errors.js';
import type { VerificationLookup } from '../rules/types.js';
import type { VerificationReport } from './types.js';
import { isRecord } from '../json.js';

/** The versioned schema id of the report this version writes and reads. */
export const VERIFICATION_SCHEMA_VERSION = 'agentfence.verification/v2' as const;

/** A report larger than this is refused before it is read. */
export const MAX_VERIFICATION_REPORT_BYTES = 16 * 1024 * 1024;

/** Stack folder names, as the manifest schema spells agent names: the only names that become paths. */
const AGENT_FOLDER = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * The folder of one agent's outputs (verification report, HTML report) under a project root.
 * @throws InputError VERIFICATION_REPORT_INVALID when `agent` is not a plain stack folder name.
 */
export function agentOutputDir(projectRoot: string, agent: string): string {
  // The name becomes a path: nothing but a kebab-case folder name may reach the file system.
  if (!AGENT_FOLDER.test(agent)) {
    throw new InputError(
      'VERIFICATION_REPORT_INVALID',
      `an agent's report folder must be a kebab-case stack name (got ${JSON.stringify(agent)})`,
    );
  }
  return path.join(projectRoot, '.agentfence', agent);
}

/** Where `agentfence verify <agent>` writes the agent's report. */
export function verificationReportFile(projectRoot: string, agent: string): string {
  return path.join(agentOutputDir(projectRoot, agent), 'verification.json');
}

/** `sha256:<hex>` of a file's bytes: the digest the report records for the manifest, trust policy and verified files. */
export function fileDigest(file: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}

const DIGEST = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' } as const;
const TEXT = { type: 'string' } as const;

/** The report's JSON Schema (draft 2020-12); results keep their kind-specific `details` open. */
export const verificationReportSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentfence.dev/schemas/verification/v2.json',
  title: 'agentfence verification report',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'agent', 'mode', 'manifestDigest', 'trustPolicyDigest', 'files', 'results', 'verifiedHosts', 'summary'],
  properties: {
    schemaVersion: { const: VERIFICATION_SCHEMA_VERSION },
    agent: { type: 'string', minLength: 1, maxLength: 200 },
    mode: { enum: ['enforce', 'warn'] },
    manifestDigest: DIGEST,
    trustPolicyDigest: DIGEST,
    files: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'digest'],
        properties: { path: { type: 'string', minLength: 1, maxLength: 4096 }, digest: DIGEST },
      },
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'name', 'status', 'message'],
        properties: {
          kind: { enum: ['model', 'plugin', 'api', 'image'] },
          name: { type: 'string', minLength: 1 },
          version: TEXT,
          status: { enum: ['verified', 'allow-listed', 'blocked', 'warned'] },
          reason: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
          message: TEXT,
          signer: {
            type: 'object',
            required: ['identity'],
            properties: {
              identity: TEXT,
              issuer: TEXT,
              keyHint: TEXT,
              authority: TEXT,
              extensions: { type: 'object', additionalProperties: TEXT },
            },
            additionalProperties: false,
          },
          expected: TEXT,
          digests: { type: 'object', additionalProperties: TEXT },
          tlogIndexes: { type: 'array', items: TEXT },
          timestamps: { type: 'array', items: TEXT },
          trustRoot: TEXT,
          details: { type: 'object' },
        },
      },
    },
    verifiedHosts: { type: 'array', items: TEXT },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['verified', 'allowListed', 'blocked', 'warned'],
      properties: Object.fromEntries(['verified', 'allowListed', 'blocked', 'warned'].map((key) => [key, { type: 'integer', minimum: 0 }])),
    },
    notes: { type: 'array', items: TEXT },
  },
} as const;

let validator: ValidateFunction | undefined;

function validate(doc: unknown): string | undefined {
  validator ??= new Ajv2020({ allErrors: false, strict: true }).compile(verificationReportSchema);
  if (validator(doc)) return undefined;
  const first = validator.errors?.[0];
  return first === undefined ? 'does not match the schema' : `${first.instancePath || '/'} ${first.message ?? 'is invalid'}`;
}

/**
 * Parses and schema-checks a report's bytes; `source` names it in messages.
 * @throws InputError VERIFICATION_REPORT_INVALID (too large, not JSON, an older or unknown schema, not the schema's shape).
 */
export function parseVerificationReport(bytes: Buffer | string, source: string): VerificationReport {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > MAX_VERIFICATION_REPORT_BYTES) {
    throw new InputError('VERIFICATION_REPORT_INVALID', `${source} must be at most ${MAX_VERIFICATION_REPORT_BYTES} bytes (got ${size})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (error) {
    throw new InputError('VERIFICATION_REPORT_INVALID', `${source} must be a JSON verification report (got malformed JSON)`, {
      cause: error,
    });
  }
  const version = isRecord(doc) ? doc['schemaVersion'] : undefined;
  // A v1 report records no trust-policy digest: it cannot show it is still valid, so it is refused, not upgraded.
  if (version !== VERIFICATION_SCHEMA_VERSION) {
    const got =
      version === 'agentfence.verification/v1'
        ? 'a v1 report from an older agentfence, which records no trust-policy digest'
        : `schemaVersion ${JSON.stringify(version)}`;
    throw new InputError(
      'VERIFICATION_REPORT_INVALID',
      `${source} must be an ${VERIFICATION_SCHEMA_VERSION} report (got ${got}); run agentfence verify again`,
    );
  }
  const problem = validate(doc);
  if (problem !== undefined)
    throw new InputError('VERIFICATION_REPORT_INVALID', `${source} must be a valid ${VERIFICATION_SCHEMA_VERSION} report (got ${problem})`);
  return doc as VerificationReport;
}

/**
 * Why a report no longer describes the project (a recorded file changed, vanished or points outside
 * the project), or undefined when every recorded digest still matches.
 */
export function reportStaleness(report: VerificationReport, projectRoot: string): string | undefined {
  const root = path.resolve(projectRoot);
  for (const entry of report.files) {
    const full = path.resolve(root, entry.path);
    const rel = path.relative(root, full);
    // The report is untrusted input: it must not make us hash files outside the project.
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
      return `it records ${JSON.stringify(entry.path)}, which is outside the project`;
    let digest: string;
    try {
      digest = fileDigest(full);
    } catch {
      return `${entry.path} is gone since it was verified`;
    }
    if (digest !== entry.digest) return `${entry.path} changed since it was verified`;
  }
  return undefined;
}

/** What the reader checks a report against. */
export interface ReportExpectation {
  /** The manifest `name` the report must be about; unchecked when absent (the rules compare it themselves). */
  readonly agent?: string;
  /** Root the report's recorded file paths are relative to. */
  readonly projectRoot: string;
  /** The manifest and trust policy in use now; their digests must be the report's. */
  readonly manifestFile?: string;
  readonly trustPolicyFile?: string;
}

/**
 * Reads an agent's report and refuses it unless it is about this agent, this manifest and trust
 * policy, and every file it verified is unchanged.
 * @throws InputError VERIFICATION_REPORT_MISSING | VERIFICATION_REPORT_INVALID | VERIFICATION_REPORT_STALE
 */
export function readVerificationReport(file: string, expect: ReportExpectation): VerificationReport {
  const shown = path.relative(expect.projectRoot, file) || file;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new InputError('VERIFICATION_REPORT_MISSING', `${shown} must exist; run agentfence verify first`, { cause: error });
  }
  if (size > MAX_VERIFICATION_REPORT_BYTES) {
    throw new InputError('VERIFICATION_REPORT_INVALID', `${shown} must be at most ${MAX_VERIFICATION_REPORT_BYTES} bytes (got ${size})`);
  }
  const report = parseVerificationReport(readFileSync(file), shown);
  const stale = (why: string) =>
    new InputError(
      'VERIFICATION_REPORT_STALE',
      `${shown} must describe the agent as it is now (got a stale report: ${why}); run agentfence verify again`,
    );
  if (expect.agent !== undefined && report.agent !== expect.agent)
    throw stale(`it is about agent ${JSON.stringify(report.agent)}, not ${JSON.stringify(expect.agent)}`);
  if (expect.manifestFile !== undefined && fileDigest(expect.manifestFile) !== report.manifestDigest)
    throw stale('it was made for another version of the manifest');
  if (expect.trustPolicyFile !== undefined && fileDigest(expect.trustPolicyFile) !== report.trustPolicyDigest)
    throw stale('it was made under another trust policy');
  const changed = reportStaleness(report, expect.projectRoot);
  if (changed !== undefined) throw stale(changed);
  return report;
}

/** The stack name of a Pulumi URN (`urn:pulumi:<stack>::<project>::...`), or undefined. */
export function stackOfUrn(urn: string | undefined): string | undefined {
  const match = urn === undefined ? null : /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

/**
 * A verdict lookup that reads the stack's own report, `.agentfence/<stack>/verification.json` under
 * `projectRoot` (the policy pack and `check --preview` use it: they know the stack, not the report).
 * Without a stack the agent name names the folder. A missing, invalid or stale report is the
 * lookup's problem, which the rules report as a block.
 */
export function stackReportLookup(projectRoot: string, stack: string | undefined): VerificationLookup {
  return (agent) => {
    const folder = stack ?? agent;
    if (folder === undefined)
      return { ok: false, problem: 'no stack or agent name to find the verification report by; set the rule\'s "agent" config' };
    try {
      const file = verificationReportFile(projectRoot, folder);
      return { ok: true, report: readVerificationReport(file, { projectRoot }), source: path.relative(projectRoot, file) };
    } catch (error) {
      if (!(error instanceof AgentfenceError)) throw error;
      return { ok: false, problem: messageOf(error) };
    }
  };
}
