/**
 * `agentfence authorize <agent> --tool T --input JSON [--claims JSON] [--paused] [--format text|json]`:
 * decides one tool call with the real Cedar engine against the policies generated for the agent's
 * AgentCore gateway, and prints the decision, the policies that decided it, and any errors.
 */
import { ExitCode, InputError } from '../../errors.js';
import type { Command } from './index.js';
import { onePositional, parseCommandArgs, toFormat } from '../flags.js';

const usage = `usage: agentfence authorize <agent> --tool T --input JSON [--claims JSON] [--paused] [--format text|json]

Decides one call of tool T (a manifest tool name) through the agent's AgentCore gateway with the
Cedar engine, against the schema and policies generated from the manifest (what \`pulumi up\` deploys).
  --input JSON    the tool's input, e.g. '{"supplierId":"SUP-1","amount":500,"currency":"EUR"}'
  --claims JSON   the caller's token claims (string values; sub is the principal id), e.g. '{"sub":"u1","scope":"payments:transfer"}'
  --paused        decide as if the kill switch were on (default: the manifest's paused)
Exit codes: 0 allowed, 1 denied, 2 bad input.
`;

function parseJsonObject(flag: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('CLI_USAGE', `${flag} must be JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError('CLI_USAGE', `${flag} must be a JSON object (got ${text.slice(0, 80)})`);
  return value as Record<string, unknown>;
}

function parseClaims(text: string): Record<string, string> {
  const claims = parseJsonObject('--claims', text);
  for (const [key, value] of Object.entries(claims)) {
    if (typeof value !== 'string') throw new InputError('CLI_USAGE', `--claims.${key} must be a string (got ${JSON.stringify(value)})`);
  }
  return claims as Record<string, string>;
}

export const command: Command = {
  usage,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      tool: { type: 'string' },
      input: { type: 'string' },
      claims: { type: 'string' },
      paused: { type: 'boolean', default: false },
    });
    const agentRef = onePositional(positionals, 'authorize takes exactly one <agent>');
    const format = toFormat(ctx.format, ['text', 'json']);
    const tool = values['tool'];
    if (typeof tool !== 'string' || tool === '') throw new InputError('CLI_USAGE', 'authorize needs --tool <manifest tool name>');
    if (typeof values['input'] !== 'string') throw new InputError('CLI_USAGE', 'authorize needs --input <JSON object>');
    const input = parseJsonObject('--input', values['input']);
    const claims = typeof values['claims'] === 'string' ? parseClaims(values['claims']) : {};
    const { loadManifest, resolveAgent } = await import('../../manifest/index.js');
    const loaded = loadManifest(resolveAgent(agentRef, ctx.cwd).manifestFile);
    const { authorizeCall, buildGatewayCedar, validateGatewayCedar } = await import('../../cedar/index.js');
    const cedar = buildGatewayCedar(loaded.manifest, values['paused'] === true ? { paused: true } : {});
    const entry = cedar.tools.find((candidate) => candidate.tool.name === tool);
    if (entry === undefined) {
      throw new InputError(
        'CLI_USAGE',
        `--tool must name a tool the gateway exposes (got ${JSON.stringify(tool)}; tools: ${cedar.tools.map((entry) => entry.tool.name).join(', ') || 'none'})`,
      );
    }
    const problems = validateGatewayCedar(cedar);
    const decision =
      problems.length > 0
        ? {
            decision: 'deny' as const,
            policies: [],
            errors: problems.map((problem) => `${problem.policyId ?? 'policy set'}: ${problem.message}`),
          }
        : authorizeCall(cedar, { tool, input, claims });
    const deciding = decision.policies
      .map((id) => cedar.policies.find((policy) => policy.id === id))
      .filter((policy) => policy !== undefined);
    if (format === 'json') {
      ctx.out(
        JSON.stringify(
          {
            schemaVersion: 'agentfence.authorize/v1',
            agent: loaded.manifest.name,
            tool,
            action: entry.action,
            gateway: cedar.gatewayArn,
            decision: decision.decision,
            policies: deciding.map((policy) => ({ id: policy.id, effect: policy.effect, text: policy.text })),
            errors: decision.errors,
          },
          null,
          2,
        ),
      );
    } else {
      ctx.out(`${decision.decision.toUpperCase()}  ${tool} (action AgentCore::Action::"${entry.action}")`);
      // --quiet: the decision and any errors, without the policies that explain it
      if (deciding.length === 0 && !ctx.quiet) ctx.out(decision.decision === 'deny' ? '  no policy permits this call (default deny)' : '');
      for (const policy of ctx.quiet ? [] : deciding)
        ctx.out(`  ${policy.effect === 'permit' ? 'permitted by' : 'forbidden by'} ${policy.id}:\n${policy.text.replace(/^/gm, '    ')}`);
      for (const error of decision.errors) ctx.out(`  error: ${error}`);
    }
    return decision.decision === 'allow' ? ExitCode.PASS : ExitCode.BLOCKED;
  },
};
