import { describe, expect, it } from 'vitest';

import { agentfence, type CliResult } from './run-cli.js';

const cli = (...args: string[]): Promise<CliResult> => agentfence(args);

const transfer = (amount: number) => JSON.stringify({ supplierId: 'SUP-1', amount, currency: 'EUR', reference: 'INV-1' });
const clerk = JSON.stringify({ sub: 'clerk-7', scope: 'openid payments:transfer' });

describe('agentfence authorize', () => {
  describe.each<[string, string[], number, RegExp]>([
    [
      'a small transfer through the gate',
      ['--tool', 'initiate-transfer', '--input', transfer(500), '--claims', clerk],
      0,
      /^ALLOW {2}initiate-transfer .*initiate-transfer-approval___initiate_transfer/m,
    ],
    [
      'a transfer above the limit',
      ['--tool', 'initiate-transfer', '--input', transfer(2_500_000), '--claims', clerk],
      1,
      /forbidden by forbid-initiate-transfer-amount-limit/,
    ],
    [
      'a transfer without the scope',
      ['--tool', 'initiate-transfer', '--input', transfer(500)],
      1,
      /no policy permits this call \(default deny\)/,
    ],
    ['any call while paused', ['--tool', 'read-ledger', '--input', '{"account":"4000"}', '--paused'], 1, /forbidden by kill-switch/],
    ['an input of the wrong type', ['--tool', 'initiate-transfer', '--input', '{"amount":"x"}', '--claims', clerk], 1, /error: /],
  ])('when asked about %s', (_name, args, exit, out) => {
    it(`exits ${exit}`, async () => {
      const r = await cli('authorize', 'payments', ...args);
      expect(r.status, r.stderr).toBe(exit);
      expect(r.stdout).toMatch(out);
    });
  });

  describe('when asked for JSON', () => {
    it('names the decision, the action and the deciding policy with its text', async () => {
      const r = await cli(
        'authorize',
        'payments',
        '--tool',
        'initiate-transfer',
        '--input',
        transfer(2_500_000),
        '--claims',
        clerk,
        '--format',
        'json',
      );
      const doc = JSON.parse(r.stdout) as { decision: string; action: string; policies: { id: string; text: string }[] };
      expect(doc).toMatchObject({ decision: 'deny', action: 'initiate-transfer-approval___initiate_transfer' });
      expect(doc.policies.map((p) => p.id)).toEqual(['forbid-initiate-transfer-amount-limit']);
    });
  });

  describe.each<[string, string[], RegExp]>([
    ['no --tool', ['--input', '{}'], /needs --tool/],
    ['no --input', ['--tool', 'read-ledger'], /needs --input/],
    ['input that is not JSON', ['--tool', 'read-ledger', '--input', '{'], /--input must be JSON/],
    ['input that is an array', ['--tool', 'read-ledger', '--input', '[]'], /must be a JSON object/],
    ['a claim that is not a string', ['--tool', 'read-ledger', '--input', '{}', '--claims', '{"n":1}'], /--claims\.n must be a string/],
    ['a tool the gateway does not expose', ['--tool', 'drop-tables', '--input', '{}'], /--tool must name a tool the gateway exposes/],
  ])('when given %s', (_name, args, message) => {
    it('exits 2 with a usage error and no stack trace', async () => {
      const r = await cli('authorize', 'payments', ...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('when the payments plan is made', () => {
    it('contains the gateway targets, the Cedar policies and a digest-pinned runtime image', async () => {
      const r = await cli('plan', 'payments', '--format', 'json');
      const doc = JSON.parse(r.stdout) as { steps: { newState: { type: string; inputs: Record<string, any> } }[] };
      const of = (type: string) => doc.steps.filter((s) => s.newState.type === type).map((s) => s.newState.inputs);
      expect(
        of('aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget')
          .map((t) => t['name'])
          .sort(),
      ).toEqual(['acme-ledger-mcp', 'initiate-transfer-approval', 'lookup-supplier']);
      expect(
        of('aws:bedrock/agentcorePolicy:AgentcorePolicy')
          .map((p) => p['name'])
          .sort(),
      ).toEqual([
        'forbid_initiate_transfer_amount_limit',
        'forbid_initiate_transfer_currency_values',
        'permit_initiate_transfer',
        'permit_lookup_supplier',
        'permit_read_ledger',
      ]);
      expect(
        of('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime')[0]!['agentRuntimeArtifact'].containerConfiguration.containerUri,
      ).toMatch(/@sha256:[a-f0-9]{64}$/);
    });
  });
});
