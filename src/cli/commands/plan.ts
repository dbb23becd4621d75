/**
 * `agentfence plan <agent> [--format text|json] [--json]`: the offline plan. Runs the Pulumi program
 * for the agent's stack under mocks and prints the `pulumi preview --json` document (json) or a tree
 * of the planned resources with counts (text). Pulumi is imported only when this command runs.
 */
import { ExitCode } from '../../errors.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs, toFormat } from '../flags.js';
import type { PreviewDocument } from '../../plan/offline.js';

const usage = `usage: agentfence plan <agent> [--format text|json] [--json] [--quiet]

Plans the agent's fenced environment offline: runs the Pulumi program for stacks/Pulumi.<agent>.yaml
under Pulumi's mocks (no Pulumi CLI, no cloud, no credentials) and prints what \`pulumi preview --json\`
would show for a first deployment. \`agentfence check <agent>\` checks this plan.
<agent> is a name under stacks/, a stack folder, or a manifest file.
  --format json, --json   the preview document (steps[].newState{urn,type,inputs,parent,custom})
  --format text           a tree of the planned resources (type, name) and counts per type
Exit codes: 0 planned, 2 bad input (manifest, stack config, descriptors, usage).
`;

export const command: Command = {
  usage,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
    const agentRef = onePositional(positionals, 'plan takes exactly one <agent>');
    const format = values['json'] === true ? 'json' : toFormat(ctx.format, ['text', 'json']);
    const { planAgent } = await import('../../plan/offline.js');
    const plan = await planAgent(agentRef, ctx.cwd);
    if (format === 'json') ctx.out(JSON.stringify(plan, null, 2));
    else ctx.out(renderText(plan, ctx));
    return ExitCode.PASS;
  },
};

function nameOf(urn: string): string {
  return urn.split('::').slice(3).join('::');
}

/** The resource tree, indented by parent, then counts per type. */
export function renderText(plan: PreviewDocument, ctx: Pick<CommandContext, 'color'>): string {
  const depth = new Map<string, number>();
  const lines: string[] = [];
  const dim = (text: string): string => (ctx.color ? `\u001b[2m${text}\u001b[22m` : text);
  for (const step of plan.steps) {
    const state = step.newState;
    const level = state.parent !== undefined ? (depth.get(state.parent) ?? -1) + 1 : 0;
    depth.set(step.urn, level);
    const flags = [state.protect === true ? 'protect' : '', state.retainOnDelete === true ? 'retain' : ''].filter((flag) => flag !== '');
    lines.push(`${'  '.repeat(level)}+ ${state.type}  ${nameOf(step.urn)}${flags.length > 0 ? dim(` [${flags.join(', ')}]`) : ''}`);
  }
  const counts = new Map<string, number>();
  for (const step of plan.steps) counts.set(step.newState.type, (counts.get(step.newState.type) ?? 0) + 1);
  const custom = plan.steps.filter((step) => step.newState.custom).length;
  lines.push('', `Resources: ${plan.steps.length} to create (${custom} cloud resources, ${plan.steps.length - custom} components)`);
  for (const [type, count] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${String(count).padStart(4)}  ${type}`);
  return lines.join('\n');
}
