/**
 * `agentfence report <agent> [-o report.html|-] [--plan F] [--verification run|file|none]`: gathers
 * the manifest, the verifier's verdicts, the guardrail findings on the offline plan (or a given
 * preview/export file) and the SBOM with its scorecard, and renders the self-contained HTML page.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ExitCode, InputError, messageOf } from '../../errors.js';
import type { LoadedAgent } from '../../manifest/index.js';
import type { Finding, PlannedResource, VerificationLookup } from '../../rules/types.js';
import type { VerificationReport } from '../../verify/types.js';
import type { Command } from '../commands.js';
import { type CommandContext, parseCommandArgs, toFormat } from '../context.js';

const USAGE = `usage: agentfence report <agent> [-o FILE|-] [--plan PREVIEW_OR_EXPORT.json] [--verification run|file|none]

Renders one self-contained HTML page for a reviewer (verdict, identity and permissions, models,
plugins and APIs with their verification and signer, guardrail findings, SBOM minimum elements,
trust-boundary picture). Default output: .agentfence/<agent>/report.html under the project root.
  -o, --output FILE   where to write it ('-' for stdout)
  --plan FILE         check guardrails on this pulumi preview --json / stack export instead of the offline plan
  --verification M    run: verify in-process (default); file: a fresh .agentfence/<agent>/verification.json; none`;

const MAX_PLAN_BYTES = 64 * 1024 * 1024;

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: 'string', short: 'o' },
      plan: { type: 'string' },
      verification: { type: 'string', default: 'run' },
    });
    const format = toFormat(values['format'], ['text', 'json']);
    if (positionals.length !== 1) throw new InputError('CLI_USAGE', `report takes exactly one <agent> (got ${positionals.length})`);
    const mode = values['verification'];
    if (mode !== 'run' && mode !== 'file' && mode !== 'none') {
      throw new InputError('CLI_USAGE', `--verification must be one of run|file|none (got ${JSON.stringify(mode)})`);
    }
    const { loadAgent } = await import('../../manifest/index.js');
    const { agentReportFile, lookupOf, readAgentReport } = await import('../verification.js');
    const sbom = await import('../../sbom/index.js');
    const agent = loadAgent(positionals[0]!, ctx.cwd);
    const given = typeof values['plan'] === 'string' ? await readGivenPlan(ctx.cwd, values['plan']) : undefined;

    let verification: VerificationReport | undefined;
    if (mode === 'run') {
      const { verifyAgent } = await import('../../verify/agent.js');
      verification = sbom.relativizeVerification(await verifyAgent(agent), agent.location.projectRoot);
    } else if (mode === 'file') {
      try {
        verification = sbom.relativizeVerification(readAgentReport(agent), agent.location.projectRoot);
      } catch (error) {
        if (!(error instanceof AgentfenceError) || error.kind !== 'input') throw error;
        ctx.log(`agentfence report: ${error.message}`);
      }
    }
    const built = await sbom.buildAgentSbom(agent, {
      profile: sbom.SpecProfiles[sbom.DEFAULT_SPEC],
      verificationSource: verification === undefined ? 'none' : mode === 'run' ? 'in-process' : 'file',
      ...(verification === undefined ? {} : { verification }),
    });
    const guardrails = await checkGuardrails(ctx, agent, given, lookupOf(verification, mode === 'file' ? path.relative(agent.location.projectRoot, agentReportFile(agent)) : 'the in-process verification', `no verification (--verification ${mode})`));
    const { toolIdentity } = await import('../../sbom/agent.js');
    const input: import('../../sbom/report.js').ReportInput = {
      agentName: agent.location.name,
      manifest: agent.manifest.manifest,
      manifestPath: path.relative(agent.location.projectRoot, agent.manifest.file).split(path.sep).join('/'),
      ...(verification === undefined ? {} : { verification }),
      ...guardrails,
      sbom: built.doc,
      scorecard: sbom.scoreSbom(built.doc),
      tool: toolIdentity(),
      toolPolicies: (await import('../../cedar/tests.js')).toolPolicyViews(agent.manifest.manifest),
    };
    const html = sbom.renderReport(input);
    const verdict = sbom.reportVerdict(input);
    const output = typeof values['output'] === 'string' ? values['output'] : undefined;
    if (output === '-') {
      ctx.stdout.write(html);
      return ExitCode.PASS;
    }
    const target = output === undefined ? path.join(path.dirname(agentReportFile(agent)), 'report.html') : path.resolve(ctx.cwd, output);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    const shown = path.relative(ctx.cwd, target) || target;
    if (format === 'json') {
      ctx.out(JSON.stringify({ schemaVersion: 'agentfence.report/v1', agent: agent.location.name, file: shown, verdict, findings: input.findings?.length ?? null }));
    } else {
      ctx.out(`wrote ${shown} (verdict: ${verdict})`);
    }
    return ExitCode.PASS;
  },
};

/**
 * Reads a `--plan` file (preview or stack export) up front, before any verification runs.
 * @throws InputError PLAN_NOT_FOUND, PLAN_TOO_LARGE, PLAN_NOT_JSON, or the reader's PLAN_* codes.
 */
async function readGivenPlan(cwd: string, planFile: string): Promise<readonly PlannedResource[]> {
  const { readPlanDocument } = await import('../../plan/read.js');
  const file = path.resolve(cwd, planFile);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError('PLAN_NOT_FOUND', `--plan ${planFile} must be an existing file`);
  if (statSync(file).size > MAX_PLAN_BYTES) throw new InputError('PLAN_TOO_LARGE', `--plan ${planFile} must be at most ${MAX_PLAN_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError('PLAN_NOT_JSON', `--plan ${planFile} must be JSON (${messageOf(error)})`, { cause: error });
  }
  return readPlanDocument(json, planFile).resources;
}

/** Guardrail findings on the given resources or the offline plan; a plan failure is shown, never hidden as "no findings". */
async function checkGuardrails(
  ctx: CommandContext,
  agent: LoadedAgent,
  given: readonly PlannedResource[] | undefined,
  verification: VerificationLookup,
): Promise<{ findings: readonly Finding[] } | { findingsProblem: string }> {
  const { checkAgentPlan, planLoadedAgent } = await import('../guardrails.js');
  let resources: readonly PlannedResource[];
  if (given !== undefined) {
    resources = given;
  } else {
    try {
      resources = (await planLoadedAgent(agent, ctx.cwd)).document.resources;
    } catch (error) {
      ctx.log(`agentfence report: offline plan failed: ${messageOf(error)}`);
      return { findingsProblem: `the offline plan failed: ${messageOf(error)}` };
    }
  }
  // The rules judge the verification this report shows, handed to them as data.
  const evaluation = await checkAgentPlan(agent, resources, { verification });
  return { findings: evaluation.findings };
}
