import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  agentOutputDir,
  fileDigest,
  MAX_VERIFICATION_REPORT_BYTES,
  parseVerificationReport,
  readVerificationReport,
  reportStaleness,
  stackOfUrn,
  stackReportLookup,
  verificationReportFile,
} from '../../../src/verify/report.js';
import type { VerificationReport } from '../../../src/verify/types.js';

const root = mkdtempSync(path.join(tmpdir(), 'agentfence-report-'));
mkdirSync(path.join(root, 'stacks', 'demo'), { recursive: true });
const manifest = path.join(root, 'stacks', 'demo', 'agent.yaml');
const policy = path.join(root, 'stacks', 'trust-policy.yaml');
const signature = path.join(root, 'stacks', 'demo', 'model.sig');
writeFileSync(manifest, 'name: demo\n');
writeFileSync(policy, 'version: 1\n');
writeFileSync(signature, '{}');

function report(changes: Partial<VerificationReport> = {}): VerificationReport {
  return {
    schemaVersion: 'agentfence.verification/v2',
    agent: 'demo',
    mode: 'enforce',
    manifestDigest: fileDigest(manifest),
    trustPolicyDigest: fileDigest(policy),
    files: [
      { path: 'stacks/demo/agent.yaml', digest: fileDigest(manifest) },
      { path: 'stacks/demo/model.sig', digest: fileDigest(signature) },
      { path: 'stacks/trust-policy.yaml', digest: fileDigest(policy) },
    ],
    results: [{ kind: 'model', name: 'planner', status: 'allow-listed', message: 'hosted model planner is allow-listed' }],
    verifiedHosts: [],
    summary: { verified: 0, allowListed: 1, blocked: 0, warned: 0 },
    ...changes,
  };
}

function write(name: string, content: unknown): string {
  const file = verificationReportFile(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const expectation = { agent: 'demo', projectRoot: root, manifestFile: manifest, trustPolicyFile: policy };

describe('verificationReportFile', () => {
  it('puts each agent in its own folder', () => {
    expect(path.relative(root, verificationReportFile(root, 'payments'))).toBe(path.join('.agentfence', 'payments', 'verification.json'));
    expect(verificationReportFile(root, 'payments')).not.toBe(verificationReportFile(root, 'support-triage'));
  });
  describe('when the agent name is not a plain folder name', () => {
    it.each(['..', '../x', 'a/b', '', 'UPPER', '-x', 'x-'])('refuses %j with VERIFICATION_REPORT_INVALID', (name) => {
      expect(() => agentOutputDir(root, name)).toThrow(expect.objectContaining({ code: 'VERIFICATION_REPORT_INVALID', kind: 'input' }));
    });
  });
});

describe('parseVerificationReport', () => {
  it('reads a v2 report', () => {
    expect(parseVerificationReport(JSON.stringify(report()), 'r.json').summary.allowListed).toBe(1);
  });
  describe('when the bytes are not a v2 report', () => {
    it.each<[string, string, RegExp]>([
      ['not JSON', '{', /malformed JSON/],
      [
        'a v1 report',
        JSON.stringify({ ...report(), schemaVersion: 'agentfence.verification/v1' }),
        /v1 report from an older agentfence, which records no trust-policy digest/,
      ],
      ['an unknown schema', JSON.stringify({ ...report(), schemaVersion: 'v9' }), /schemaVersion "v9"/],
      ['an array', '[]', /schemaVersion undefined/],
      ['no trust-policy digest', JSON.stringify({ ...report(), trustPolicyDigest: undefined }), /trustPolicyDigest/],
      [
        'a result of unknown status',
        JSON.stringify(report({ results: [{ kind: 'model', name: 'x', status: 'maybe' as 'verified', message: '' }] })),
        /status/,
      ],
      [
        'a result of unknown kind',
        JSON.stringify(report({ results: [{ kind: 'wasm' as 'model', name: 'x', status: 'verified', message: '' }] })),
        /kind/,
      ],
      ['a digest that is not sha256', JSON.stringify(report({ manifestDigest: 'md5:00' })), /manifestDigest/],
      ['fewer than two files', JSON.stringify(report({ files: [] })), /files/],
      ['an extra field', JSON.stringify({ ...report(), extra: 1 }), /additional/],
    ])('refuses %s with VERIFICATION_REPORT_INVALID', (_, text, message) => {
      expect(() => parseVerificationReport(text, 'r.json')).toThrow(
        expect.objectContaining({ code: 'VERIFICATION_REPORT_INVALID', kind: 'input', message: expect.stringMatching(message) }),
      );
    });
    it('refuses one over the size cap before parsing', () => {
      const big = Buffer.alloc(MAX_VERIFICATION_REPORT_BYTES + 1, 0x20);
      expect(() => parseVerificationReport(big, 'r.json')).toThrow(
        expect.objectContaining({ code: 'VERIFICATION_REPORT_INVALID', message: expect.stringContaining('must be at most') }),
      );
    });
  });
  it('accepts image results (the artifact kind containers use)', () => {
    expect(
      parseVerificationReport(
        JSON.stringify(report({ results: [{ kind: 'image', name: 'agent', status: 'verified', message: 'ok' }] })),
        'r.json',
      ).results[0]!.kind,
    ).toBe('image');
  });
});

describe('readVerificationReport', () => {
  it('reads a fresh report', () => {
    expect(readVerificationReport(write('demo', report()), expectation).agent).toBe('demo');
  });
  describe('when the report does not describe the agent as it is now', () => {
    it.each<[string, VerificationReport, Partial<typeof expectation>, RegExp]>([
      ['for another agent', report({ agent: 'payments' }), {}, /about agent "payments", not "demo"/],
      ['for another manifest version', report({ manifestDigest: `sha256:${'0'.repeat(64)}` }), {}, /another version of the manifest/],
      ['under another trust policy', report({ trustPolicyDigest: `sha256:${'0'.repeat(64)}` }), {}, /under another trust policy/],
      [
        'with a verified file changed since',
        report({ files: [...report().files.slice(0, 2), { path: 'stacks/trust-policy.yaml', digest: `sha256:${'0'.repeat(64)}` }] }),
        {},
        /stacks\/trust-policy.yaml changed/,
      ],
      [
        'with a verified file gone',
        report({ files: [...report().files, { path: 'stacks/demo/gone.json', digest: `sha256:${'0'.repeat(64)}` }] }),
        {},
        /gone\.json is gone/,
      ],
      [
        'pointing outside the project',
        report({ files: [...report().files, { path: '../../etc/passwd', digest: `sha256:${'0'.repeat(64)}` }] }),
        {},
        /outside the project/,
      ],
    ])('refuses one %s with VERIFICATION_REPORT_STALE', (_, content, change, message) => {
      expect(() => readVerificationReport(write('demo', content), { ...expectation, ...change })).toThrow(
        expect.objectContaining({ code: 'VERIFICATION_REPORT_STALE', kind: 'input', message: expect.stringMatching(message) }),
      );
    });
  });
  it('refuses a missing report with VERIFICATION_REPORT_MISSING', () => {
    expect(() => readVerificationReport(verificationReportFile(root, 'absent'), expectation)).toThrow(
      expect.objectContaining({ code: 'VERIFICATION_REPORT_MISSING', kind: 'input' }),
    );
  });
  it('refuses a malformed report with VERIFICATION_REPORT_INVALID', () => {
    expect(() => readVerificationReport(write('broken', '{'), expectation)).toThrow(
      expect.objectContaining({ code: 'VERIFICATION_REPORT_INVALID' }),
    );
  });
  it('sees a trust-policy change through the recorded digests alone (the pack knows no manifest)', () => {
    const tightened = path.join(root, 'stacks', 'other-policy.yaml');
    writeFileSync(tightened, 'version: 1\n');
    const before = report({ files: [...report().files, { path: 'stacks/other-policy.yaml', digest: fileDigest(tightened) }] });
    expect(reportStaleness(before, root)).toBeUndefined();
    writeFileSync(tightened, 'version: 1\nmode: enforce\n');
    expect(reportStaleness(before, root)).toBe('stacks/other-policy.yaml changed since it was verified');
  });
});

describe('stackReportLookup', () => {
  it("answers the stack folder's report", () => {
    write('demo', report());
    const loaded = stackReportLookup(root, 'demo')(undefined);
    expect(loaded).toMatchObject({ ok: true, source: path.join('.agentfence', 'demo', 'verification.json') });
  });
  it('falls back to the agent name without a stack', () => {
    expect(stackReportLookup(root, undefined)('demo')).toMatchObject({ ok: true });
  });
  describe('when there is no usable report', () => {
    it.each<[string, string | undefined, string | undefined, RegExp]>([
      ['no stack and no agent', undefined, undefined, /no stack or agent name/],
      ['a missing report', 'absent', undefined, /must exist/],
      ['a stack name that is not a folder name', '../x', undefined, /kebab-case/],
      ['a broken report', 'broken', undefined, /malformed JSON/],
    ])('answers the problem for %s (the rules block with it)', (_, stack, agent, problem) => {
      expect(stackReportLookup(root, stack)(agent)).toEqual({ ok: false, problem: expect.stringMatching(problem) });
    });
  });
});

describe('stackOfUrn', () => {
  it.each([
    ['urn:pulumi:payments::agentfence::aws:s3/bucket:Bucket::b', 'payments'],
    ['urn:pulumi:dev::p::t::n', 'dev'],
    ['not-a-urn', undefined],
    [undefined, undefined],
  ])('reads the stack of %j', (urn, stack) => {
    expect(stackOfUrn(urn)).toBe(stack);
  });
});
