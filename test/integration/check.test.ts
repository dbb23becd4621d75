/**
 * `agentfence check` on the built CLI, in-process (run-cli.ts; `npm run build` first):
 * the real pulumi-json samples with their exact findings, the example stacks after a real
 * `agentfence verify`, a seeded misconfiguration, SARIF validity, and bad input (exit 2).
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { agentfence, root, type CliResult } from './run-cli.js';

const samples = path.resolve(root, '../shared/fixtures/pulumi-json');
const work = mkdtempSync(path.join(tmpdir(), 'agentfence-check-'));

const cli = (...args: string[]): Promise<CliResult> => agentfence(args);

interface CheckJson {
  schemaVersion: string;
  resourceCount: number;
  summary: { blocked: boolean; mandatory: number; advisory: number };
  findings: { ruleId: string; enforcementLevel: string; message: string; urn?: string; severity: string }[];
}

function checkJson(...args: string[]): Promise<{ status: number; doc: CheckJson; stderr: string }> {
  return checkJsonIn(root, ...args);
}

const cliIn = (cwd: string, ...args: string[]): Promise<CliResult> => agentfence(args, { cwd, env: { CI: '1' } });

async function checkJsonIn(cwd: string, ...args: string[]): Promise<{ status: number; doc: CheckJson; stderr: string }> {
  const r = await cliIn(cwd, 'check', ...args, '--format', 'json');
  return { status: r.status, doc: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

const findings = (doc: CheckJson) => doc.findings.map((f) => [f.ruleId, f.enforcementLevel, f.message]).sort();

// The Lambda role of the sample and its nine managed-policy attachments (one is read-only X-Ray).
const ROLE = [
  [
    'iam-role-trust-scoped',
    'mandatory',
    'IAM role "docsHandler" trust policy must condition on aws:SourceAccount or aws:SourceArn (got no conditions)',
  ],
  ['iam-role-permissions-boundary', 'mandatory', 'IAM role "docsHandler" must have a permissions boundary (got not set)'],
  [
    'agent-required-tags',
    'advisory',
    'IAM role "docsHandler" must have tags "agentfence:agent", "agentfence:owner", "agentfence:risk-tier" (got missing "agentfence:agent", "agentfence:owner", "agentfence:risk-tier")',
  ],
];
const ADMIN = [
  ['a1de8170', 'AmazonDynamoDBFullAccess'],
  ['7cd09230', 'AmazonSQSFullAccess'],
  ['e1a3786d', 'AmazonKinesisFullAccess'],
  ['019020e7', 'AmazonCognitoPowerUser'],
  ['b5aeb6b6', 'AWSLambda_FullAccess'],
  ['d32a66fa', 'CloudWatchFullAccessV2'],
  ['4aaabb8e', 'AmazonS3FullAccess'],
  ['74d12784', 'CloudWatchEventsFullAccess'],
].map(([id, policy]) => [
  'iam-no-admin-policy',
  'mandatory',
  `IAM role policy attachment "docsHandler-${id}" must not attach admin or full-access managed policies (got "arn:aws:iam::aws:policy/${policy}")`,
]);
const bucket = (encryption: string, versioning: string) => [
  ['s3-bucket-encrypted-cmk', 'mandatory', `S3 bucket "docs" must be encrypted with a customer-managed KMS key (got ${encryption})`],
  ['s3-bucket-public-access-blocked', 'mandatory', 'S3 bucket "docs" must have a public access block with all four flags on (got none)'],
  ['s3-bucket-versioning', 'mandatory', `S3 bucket "docs" must have versioning enabled (got versioning ${versioning})`],
  ['s3-bucket-tls-only', 'mandatory', 'S3 bucket "docs" must deny requests without TLS (got no bucket policy)'],
];
// The managed policies together let the role pass an events role to services that run it: a real escalation path.
const ESCALATION = [
  'iam-escalation-paths',
  'mandatory',
  'role docsHandler-9eca035 can pass role arn:aws:iam::*:role/AWS_Events_Invoke_Targets to lambda:CreateFunction, lambda:UpdateFunctionConfiguration, datapipeline:CreatePipeline, events:PutTargets, scheduler:CreateSchedule: an escalation path (IAM role "docsHandler" must not hold both iam:PassRole and an action that takes a passed role)',
];
const PREVIEW_BUCKET = bucket('no server-side encryption configuration', 'not set');

describe('agentfence check', () => {
  describe.concurrent('when given the real pulumi-json samples', () => {
    it.each([
      [
        'sample-preview-creates.json',
        '--preview',
        16,
        [
          ...ROLE,
          ...ADMIN,
          ...PREVIEW_BUCKET,
          [
            'iam-role-one-per-agent',
            'mandatory',
            'Lambda function "docsHandler": role cannot be checked before deploy (got a value unknown until deploy)',
          ],
        ],
      ],
      ['sample-preview-update.json', '--preview', 16, [...ROLE, ...ADMIN, ESCALATION, ...PREVIEW_BUCKET]],
      ['sample-preview-deletes.json', '--preview', 2, PREVIEW_BUCKET],
      ['sample-export.json', '--state', 17, [...ROLE, ...ADMIN, ESCALATION, ...bucket('sseAlgorithm "AES256"', 'false')]],
    ])('reports the exact findings of %s and exits 1', async (file, flag, count, expected) => {
      const { status, doc } = await checkJson(flag, path.join(samples, file));
      expect(status).toBe(1);
      expect(doc.schemaVersion).toBe('agentfence.check/v1');
      expect(doc.resourceCount).toBe(count);
      expect(findings(doc)).toEqual([...expected].sort());
      expect(doc.summary).toEqual({
        blocked: true,
        mandatory: expected.filter((e) => e[1] === 'mandatory').length,
        advisory: expected.filter((e) => e[1] === 'advisory').length,
      });
    });
    it('downgrades unknown values to advisory with --allow-unknown', async () => {
      const { doc } = await checkJson('--preview', path.join(samples, 'sample-preview-creates.json'), '--allow-unknown');
      expect(doc.findings.find((f) => f.ruleId === 'iam-role-one-per-agent')).toMatchObject({
        enforcementLevel: 'advisory',
        unknown: true,
      });
    });
    it('prints one line per finding and a verdict in text', async () => {
      const r = await cli('check', '--preview', path.join(samples, 'sample-preview-deletes.json'));
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(
        'MANDATORY critical s3-bucket-public-access-blocked: S3 bucket "docs" must have a public access block with all four flags on (got none)\n          at urn:pulumi:dev::sample::aws:s3/bucket:Bucket::docs',
      );
      expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(
        /^BLOCKED: .*sample-preview-deletes\.json: 2 resources, \d+ rules, 4 mandatory and 0 advisory findings$/,
      );
    });
    it('passes with exit 0 when every finding is downgraded by --config', async () => {
      const config = path.join(work, 'advisory.json');
      writeFileSync(config, JSON.stringify({ all: 'advisory' }));
      const { status, doc } = await checkJson('--preview', path.join(samples, 'sample-preview-deletes.json'), '--config', config);
      expect(status).toBe(0);
      expect(doc.summary).toEqual({ blocked: false, mandatory: 0, advisory: 4 });
    });
  });

  describe('when asked for SARIF', () => {
    // No SARIF schema ships in node_modules and there is no network: this is the subset of the
    // SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that our output uses, with its required fields.
    const sarifSchema = {
      type: 'object',
      required: ['version', 'runs'],
      properties: {
        version: { const: '2.1.0' },
        $schema: { type: 'string', format: 'uri' },
        runs: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['tool'],
            properties: {
              tool: {
                type: 'object',
                required: ['driver'],
                properties: {
                  driver: {
                    type: 'object',
                    required: ['name'],
                    properties: {
                      name: { type: 'string' },
                      version: { type: 'string' },
                      informationUri: { type: 'string', format: 'uri' },
                      rules: {
                        type: 'array',
                        uniqueItems: true,
                        items: {
                          type: 'object',
                          required: ['id'],
                          properties: {
                            id: { type: 'string' },
                            name: { type: 'string' },
                            shortDescription: { $ref: '#/$defs/message' },
                            fullDescription: { $ref: '#/$defs/message' },
                            properties: { type: 'object' },
                          },
                        },
                      },
                    },
                  },
                },
              },
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['message'],
                  properties: {
                    ruleId: { type: 'string' },
                    ruleIndex: { type: 'integer', minimum: -1 },
                    level: { enum: ['none', 'note', 'warning', 'error'] },
                    message: { $ref: '#/$defs/message' },
                    locations: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          physicalLocation: {
                            type: 'object',
                            properties: { artifactLocation: { type: 'object', properties: { uri: { type: 'string' } } } },
                          },
                          logicalLocations: {
                            type: 'array',
                            items: { type: 'object', properties: { fullyQualifiedName: { type: 'string' } } },
                          },
                        },
                      },
                    },
                    properties: { type: 'object' },
                  },
                },
              },
            },
          },
        },
      },
      $defs: {
        message: { type: 'object', anyOf: [{ required: ['text'] }, { required: ['id'] }], properties: { text: { type: 'string' } } },
      },
    };
    it('emits a valid SARIF 2.1.0 log whose results point at their rule metadata', async () => {
      const r = await cli('check', '--state', path.join(samples, 'sample-export.json'), '--format', 'sarif');
      expect(r.status).toBe(1);
      const sarif = JSON.parse(r.stdout);
      const ajv = new Ajv({ allErrors: true, strict: false });
      (await import('ajv-formats')).default.default(ajv);
      const validate = ajv.compile(sarifSchema);
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      const run = sarif.runs[0];
      expect(run.results).toHaveLength(16);
      for (const result of run.results) {
        const rule = run.tool.driver.rules[result.ruleIndex];
        expect(rule.id).toBe(result.ruleId);
        expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
        expect(result.level).toBe(result.properties.enforcementLevel === 'mandatory' ? 'error' : 'warning');
        expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^urn:pulumi:/);
      }
      expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'iam-no-admin-policy').properties).toMatchObject({
        checkov: 'CKV_AWS_274',
        pillar: 'least-privilege',
        owasp: ['ASI03 Identity & Privilege Abuse'],
      });
    });
  });

  describe.concurrent('when checking the example stacks', () => {
    // A copy of the project: `verify` writes each agent's own .agentfence/<agent>/verification.json there.
    const project = path.join(work, 'project');
    let copies = 0;
    /** Another copy of the verified project (reports included), changed by `edit`. */
    const variant = (edit: (dir: string) => void): string => {
      const dir = path.join(work, `variant-${copies++}`);
      cpSync(project, dir, { recursive: true });
      edit(dir);
      return dir;
    };
    const reportOf = (dir: string, agent: string) => path.join(dir, '.agentfence', agent, 'verification.json');
    beforeAll(async () => {
      cpSync(path.join(root, 'stacks'), path.join(project, 'stacks'), { recursive: true });
      writeFileSync(path.join(project, 'package.json'), '{"name":"scratch","private":true}\n');
      // Both agents one after the other: the second report must not replace the first.
      for (const agent of ['payments', 'support-triage']) {
        const verify = await cliIn(project, 'verify', agent, '--quiet');
        expect(verify.status, verify.stderr).toBe(0);
      }
    }, 120_000);
    it.each(['payments', 'support-triage'])(
      'passes %s after `verify payments; verify support-triage`, from its own report, without verifying again',
      async (agent) => {
        const before = readFileSync(reportOf(project, agent), 'utf8');
        const { status, doc } = await checkJsonIn(project, agent);
        expect(doc.findings).toEqual([]);
        expect(status).toBe(0);
        expect(doc.resourceCount).toBeGreaterThan(80);
        // check reads the report; it neither re-verifies nor rewrites it.
        expect(readFileSync(reportOf(project, agent), 'utf8')).toBe(before);
      },
    );
    it('blocks payments when its report is about another agent', async () => {
      const dir = variant((d) => cpSync(reportOf(d, 'support-triage'), reportOf(d, 'payments')));
      const { status, doc } = await checkJsonIn(dir, 'payments');
      expect(status).toBe(1);
      expect(findings(doc)).toEqual([
        ['network-firewall-allowlist-verified', 'mandatory', expect.stringContaining('it is about agent "support-triage", not "payments"')],
        [
          'supply-chain-verified',
          'mandatory',
          expect.stringContaining(
            '.agentfence/payments/verification.json must describe the agent as it is now (got a stale report: it is about agent "support-triage", not "payments")',
          ),
        ],
      ]);
    });
    it.each<[string, string, RegExp]>([
      ['the manifest', 'stacks/payments/agent.yaml', /another version of the manifest/],
      ['the trust policy', 'stacks/trust-policy.yaml', /under another trust policy/],
      [
        'a verified API descriptor',
        'stacks/payments/apis/payments-gateway.json',
        /stacks\/payments\/apis\/payments-gateway\.json changed since it was verified/,
      ],
    ])('blocks a stale report: %s changed after verify', async (_, file, reason) => {
      const dir = variant((d) => appendFileSync(path.join(d, file), file.endsWith('.json') ? ' ' : '\n# changed\n'));
      const { status, doc } = await checkJsonIn(dir, 'payments');
      expect(status).toBe(1);
      expect(doc.findings.filter((f) => f.ruleId === 'supply-chain-verified').map((f) => f.message)).toEqual([
        expect.stringMatching(reason),
      ]);
    });
    it('blocks a report of the old schema with a clear reason', async () => {
      const dir = variant((d) => {
        const old = JSON.parse(readFileSync(reportOf(d, 'payments'), 'utf8')) as Record<string, unknown>;
        writeFileSync(reportOf(d, 'payments'), JSON.stringify({ ...old, schemaVersion: 'agentfence.verification/v1' }));
      });
      const { status, doc } = await checkJsonIn(dir, 'payments');
      expect(status).toBe(1);
      expect(doc.findings.map((f) => f.message)).toContain(
        'agent "payments" supply chain must be verified before deploy (got .agentfence/payments/verification.json must be an agentfence.verification/v2 report (got a v1 report from an older agentfence, which records no trust-policy digest); run agentfence verify again)',
      );
    });
    it('blocks when the agent has no report yet', async () => {
      const dir = variant((d) => rmSync(path.join(d, '.agentfence', 'payments'), { recursive: true }));
      const { status, doc } = await checkJsonIn(dir, 'payments');
      expect(status).toBe(1);
      expect(doc.findings.map((f) => f.message)).toContain(
        'agent "payments" supply chain must be verified before deploy (got .agentfence/payments/verification.json must exist; run agentfence verify first)',
      );
    });
    it('blocks an API of the manifest that the report does not cover', async () => {
      const dir = variant((d) => {
        const report = JSON.parse(readFileSync(reportOf(d, 'payments'), 'utf8')) as { results: { kind: string }[] };
        writeFileSync(reportOf(d, 'payments'), JSON.stringify({ ...report, results: report.results.filter((r) => r.kind !== 'api') }));
      });
      const { status, doc } = await checkJsonIn(dir, 'payments');
      expect(status).toBe(1);
      expect(findings(doc)).toEqual([
        [
          'supply-chain-verified',
          'mandatory',
          `api "payments-gateway" must have a verification result (got none in ${path.join('.agentfence', 'payments', 'verification.json')})`,
        ],
      ]);
    });
    it("blocks a seeded PUBLIC runtime in a plan file with the right rule, judged against the plan's stack report", async () => {
      const plan = await cliIn(project, 'plan', 'payments', '--json');
      expect(plan.status, plan.stderr).toBe(0);
      const doc = JSON.parse(plan.stdout) as { steps: { newState: { type: string; inputs: Record<string, unknown> } }[] };
      const runtime = doc.steps.find((s) => s.newState.type === 'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime')!;
      runtime.newState.inputs['networkConfiguration'] = { networkMode: 'PUBLIC' };
      const file = path.join(work, 'public-runtime.json');
      writeFileSync(file, JSON.stringify(doc));
      const { status, doc: result } = await checkJsonIn(project, '--preview', file);
      expect(status).toBe(1);
      expect(findings(result)).toEqual([
        ['agentcore-runtime-in-vpc', 'mandatory', 'AgentCore runtime "payments-runtime" must run in network mode VPC (got "PUBLIC")'],
      ]);
    });
  });

  describe.concurrent('when the input is bad', () => {
    beforeAll(() => {
      writeFileSync(path.join(work, 'malformed.json'), '{"steps": [');
      writeFileSync(path.join(work, 'sbom.json'), '{"bomFormat": "CycloneDX", "specVersion": "1.6"}');
      writeFileSync(path.join(work, 'v2.json'), '{"version": 2, "deployment": {"resources": []}}');
      writeFileSync(path.join(work, 'bad-config.json'), '{"iam-role-session-duration": {"maxSeconds": "an hour"}}');
      writeFileSync(path.join(work, 'unknown-rule.json'), '{"no-such-rule": "advisory"}');
      writeFileSync(path.join(work, 'config-not-json.json'), 'all: advisory');
      writeFileSync(path.join(work, 'config-array.json'), '["advisory"]');
      // sparse: refused by its size before a byte is read
      writeFileSync(path.join(work, 'huge.json'), '');
      truncateSync(path.join(work, 'huge.json'), 300 * 1024 * 1024);
    });
    it.each([
      ['malformed JSON', ['--preview', 'W/malformed.json'], 'must be JSON', 'PLAN_MALFORMED_JSON'],
      [
        'not a preview or export',
        ['--preview', 'W/sbom.json'],
        'must be a `pulumi preview --json` document (with steps) or a `pulumi stack export` document',
        'PLAN_INVALID',
      ],
      [
        'an unsupported export version',
        ['--state', 'W/v2.json'],
        'must be deployment version 3 (got version 2)',
        'PLAN_UNSUPPORTED_VERSION',
      ],
      [
        'a preview given as --state',
        ['--state', 'S/sample-preview-creates.json'],
        'must be a `pulumi stack export` document (got a preview)',
        'PLAN_INVALID',
      ],
      ['a missing file', ['--preview', 'W/absent.json'], 'must be a readable file (got ENOENT)', 'CHECK_INPUT_UNREADABLE'],
      [
        'a file too large to read',
        ['--state', 'W/huge.json'],
        `huge.json must be at most ${256 * 1024 * 1024} bytes (got ${300 * 1024 * 1024})`,
        'INPUT_TOO_LARGE',
      ],
      [
        'a config failing its schema',
        ['--preview', 'S/sample-preview-deletes.json', '--config', 'W/bad-config.json'],
        'config of rule iam-role-session-duration must match its schema',
        'RULE_CONFIG_INVALID',
      ],
      [
        'a config naming an unknown rule',
        ['--preview', 'S/sample-preview-deletes.json', '--config', 'W/unknown-rule.json'],
        'names rule "no-such-rule"',
        'RULE_CONFIG_INVALID',
      ],
      [
        'a config that is not JSON',
        ['--preview', 'S/sample-preview-deletes.json', '--config', 'W/config-not-json.json'],
        '--config',
        'CHECK_CONFIG_MALFORMED',
      ],
      [
        'a config that is not an object',
        ['--preview', 'S/sample-preview-deletes.json', '--config', 'W/config-array.json'],
        'must be a JSON object (got an array)',
        'CHECK_CONFIG_MALFORMED',
      ],
      [
        'a bad --format',
        ['--preview', 'S/sample-preview-deletes.json', '--format', 'xml'],
        '--format must be one of text|json|sarif (got "xml")',
        '',
      ],
      ['an unknown flag', ['--preview', 'S/sample-preview-deletes.json', '--strict'], "Unknown option '--strict'", 'CLI_USAGE'],
      ['no source', [], 'check needs exactly one of <agent>, --preview F or --state F (got 0)', 'CLI_USAGE'],
      [
        'two sources',
        ['payments', '--preview', 'S/sample-preview-deletes.json'],
        'check needs exactly one of <agent>, --preview F or --state F (got 2)',
        'CLI_USAGE',
      ],
      ['an unknown agent', ['no-such-agent'], 'agent "no-such-agent" must be a name under stacks/', 'AGENT_NOT_FOUND'],
    ])('exits 2 on %s with a clear message and no stack trace', async (_, args, message, code) => {
      const r = await cli('check', ...args.map((a) => a.replace(/^W\//, `${work}/`).replace(/^S\//, `${samples}/`)));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      if (code !== '') expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));
