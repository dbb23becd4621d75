/**
 * `agentfence report <agent> | --all [-o report.html|-] [--plan F] [--verification run|file|none]`:
 * gathers the manifest, the verifier's verdicts, the guardrail findings on the offline plan (or a
 * given preview/export file), the SBOM with its scorecard, who vouched (trust-policy authorities
 * with key fingerprints), when and from which commit, and renders the self-contained HTML page;
 * `--all` renders one page over every agent under stacks/. Exits 1 when the verdict is blocked.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ExitCode, InputError, messageOf } from '../../errors.js';
import type { LoadedAgent } from '../../manifest/index.js';
import type { Finding, PlannedResource, VerificationLookup } from '../../rules/types.js';
import type { ReportInput } from '../../sbom/report.js';
import type { VerificationReport } from '../../verify/types.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { agentsUnderStacks, onePositional, parseCommandArgs, toFormat } from '../flags.js';

const USAGE = `usage: agentfence report <agent> | --all [-o FILE|-] [--plan PREVIEW_OR_EXPORT.json] [--verification run|file|none]

Renders one self-contained HTML page for a reviewer (verdict, who vouched and with which key,
when and from which commit, trust-boundary picture coloured by verdict, models, plugins and APIs
with their verification, identity and permissions, guardrail findings, SBOM minimum elements).
Default output: .agentfence/<agent>/report.html under the project root. Exit 1 when blocked.
  --all               one page over every agent under stacks/ (verdicts, what each uses, signers,
                      where each model/plugin/API version is used); default .agentfence/report-all.html
  -o, --output FILE   where to write it ('-' for stdout)
  --plan FILE         check guardrails on this pulumi preview --json / stack export instead of the offline plan
  --verification M    run: verify in-process (default); file: a fresh .agentfence/<agent>/verification.json; none
  The page's time is SOURCE_DATE_EPOCH when set, else now.`;

const MAX_PLAN_BYTES = 64 * 1024 * 1024;

type Mode = 'run' | 'file' | 'none';

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: 'string', short: 'o' },
      plan: { type: 'string' },
      verification: { type: 'string', default: 'run' },
      all: { type: 'boolean', default: false },
    });
    const format = toFormat(values['format'], ['text', 'json']);
    const all = values['all'] === true;
    if (all && positionals.length !== 0) throw new InputError('CLI_USAGE', `report --all takes no <agent> (got ${positionals.length})`);
    if (all && typeof values['plan'] === 'string')
      throw new InputError('CLI_USAGE', "--plan is one agent's plan and cannot be combined with --all");
    const agentRef = all ? undefined : onePositional(positionals, 'report takes exactly one <agent> or --all');
    const mode = values['verification'];
    if (mode !== 'run' && mode !== 'file' && mode !== 'none') {
      throw new InputError('CLI_USAGE', `--verification must be one of run|file|none (got ${JSON.stringify(mode)})`);
    }
    const output = typeof values['output'] === 'string' ? values['output'] : undefined;
    const generatedAt = (await import('../../sbom/index.js')).sbomTimestamp(ctx.env['SOURCE_DATE_EPOCH'], new Date());
    if (agentRef === undefined) return runAll(ctx, mode, output, format, generatedAt);

    const { loadAgent } = await import('../../manifest/index.js');
    const agent = loadAgent(agentRef, ctx.cwd);
    const given = typeof values['plan'] === 'string' ? await readGivenPlan(ctx.cwd, values['plan']) : undefined;
    const { input, verdict } = await assemble(ctx, agent, mode, given, generatedAt);
    const sbom = await import('../../sbom/index.js');
    const html = sbom.renderReport(input);
    const exit = verdict === 'blocked' ? ExitCode.BLOCKED : ExitCode.PASS;
    if (output === '-') {
      ctx.stdout.write(html);
      return exit;
    }
    const target =
      output === undefined
        ? path.join(agent.location.projectRoot, '.agentfence', agent.location.name, 'report.html')
        : path.resolve(ctx.cwd, output);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    const shown = path.relative(ctx.cwd, target) || target;
    if (format === 'json') {
      ctx.out(
        JSON.stringify({
          schemaVersion: 'agentfence.report/v1',
          agent: agent.location.name,
          file: shown,
          verdict,
          findings: input.findings?.length ?? null,
        }),
      );
    } else {
      ctx.out(`wrote ${shown} (verdict: ${verdict})`);
    }
    return exit;
  },
};

/** Everything one agent's report page shows, gathered here so the renderer stays pure. */
async function assemble(
  ctx: CommandContext,
  agent: LoadedAgent,
  mode: Mode,
  given: readonly PlannedResource[] | undefined,
  generatedAt: string,
): Promise<{ input: ReportInput; verdict: import('../../sbom/report.js').Verdict }> {
  const sbom = await import('../../sbom/index.js');
  const context = await import('../sbom-context.js');
  let verification: VerificationReport | undefined;
  if (mode === 'run') {
    const { verifyAgent } = await import('../../verify/agent.js');
    verification = sbom.relativizeVerification(await verifyAgent(agent), agent.location.projectRoot);
  } else if (mode === 'file') {
    const { readAgentReport } = await import('../verification.js');
    try {
      verification = sbom.relativizeVerification(readAgentReport(agent), agent.location.projectRoot);
    } catch (error) {
      if (!(error instanceof AgentfenceError) || error.kind !== 'input') throw error;
      ctx.log(`agentfence report: ${error.message}`);
    }
  }
  const repositoryUrl = await context.repositoryBase(agent.location.projectRoot, { env: ctx.env });
  const built = await sbom.buildAgentSbom(agent, {
    profile: sbom.SpecProfiles[sbom.DEFAULT_SPEC],
    verificationSource: verification === undefined ? 'none' : mode === 'run' ? 'in-process' : 'file',
    ...(verification === undefined ? {} : { verification }),
    timestamp: generatedAt,
    ...(repositoryUrl === undefined ? {} : { repositoryUrl }),
  });
  const { agentReportFile, lookupOf } = await import('../verification.js');
  const lookup = lookupOf(
    verification,
    mode === 'file' ? path.relative(agent.location.projectRoot, agentReportFile(agent)) : 'the in-process verification',
    `no verification (--verification ${mode})`,
  );
  const guardrails = await checkGuardrails(ctx, agent, given, lookup);
  const { toolIdentity } = await import('../../sbom/agent.js');
  const fingerprints = await context.authorityFingerprints(agent.trustPolicy);
  const commit = context.currentCommit(agent.location.projectRoot);
  const input: ReportInput = {
    agentName: agent.location.name,
    manifest: agent.manifest.manifest,
    manifestPath: path.relative(agent.location.projectRoot, agent.manifest.file).split(path.sep).join('/'),
    ...(verification === undefined ? {} : { verification }),
    ...guardrails,
    sbom: built.doc,
    scorecard: sbom.scoreSbom(built.doc),
    tool: toolIdentity(),
    generatedAt,
    ...(commit === undefined ? {} : { commit }),
    vouchers: sbom.vouchersOf(agent.trustPolicy.policy, fingerprints, verification),
    toolPolicies: (await import('../../cedar/tests.js')).toolPolicyViews(agent.manifest.manifest),
  };
  return { input, verdict: sbom.reportVerdict(input) };
}

/** `report --all`: every agent's page plus the fleet page; an agent that fails to load is shown as such. */
async function runAll(ctx: CommandContext, mode: Mode, output: string | undefined, format: string, generatedAt: string): Promise<number> {
  const { findProjectRoot } = await import('../../manifest/resolve.js');
  const { loadAgent } = await import('../../manifest/index.js');
  const sbom = await import('../../sbom/index.js');
  const root = findProjectRoot(ctx.cwd);
  const names = agentsUnderStacks(root);
  if (names.length === 0)
    throw new InputError('AGENT_NOT_FOUND', `report --all needs at least one agent under ${path.join(root, 'stacks')} (found none)`);
  const agents: import('../../sbom/fleet.js').FleetAgent[] = [];
  for (const name of names) {
    try {
      const agent = loadAgent(name, root);
      const { input, verdict } = await assemble(ctx, agent, mode, undefined, generatedAt);
      const file = path.join(root, '.agentfence', name, 'report.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, sbom.renderReport(input));
      agents.push({ name, verdict, sbom: input.sbom, reportFile: path.relative(root, file).split(path.sep).join('/') });
    } catch (error) {
      // fail closed: an agent that cannot be assessed is not silently left out of the fleet
      agents.push({ name, verdict: 'error', problem: messageOf(error).split('\n')[0] ?? '' });
    }
  }
  const { currentCommit } = await import('../sbom-context.js');
  const { toolIdentity } = await import('../../sbom/agent.js');
  const commit = currentCommit(root);
  const fleet = { agents, tool: toolIdentity(), generatedAt, ...(commit === undefined ? {} : { commit }) };
  const html = sbom.renderFleetReport(fleet);
  const verdict = sbom.fleetVerdict(fleet);
  const exit = verdict === 'blocked' ? ExitCode.BLOCKED : ExitCode.PASS;
  if (output === '-') {
    ctx.stdout.write(html);
    return exit;
  }
  const target = output === undefined ? path.join(root, '.agentfence', 'report-all.html') : path.resolve(ctx.cwd, output);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, html);
  const shown = path.relative(ctx.cwd, target) || target;
  if (format === 'json') {
    ctx.out(
      JSON.stringify({
        schemaVersion: 'agentfence.report-all/v1',
        file: shown,
        verdict,
        agents: agents.map((a) => ({ name: a.name, verdict: a.verdict, ...(a.problem === undefined ? {} : { problem: a.problem }) })),
        usage: sbom.usageIndex(fleet),
      }),
    );
  } else {
    ctx.out(sbom.renderFleetText(fleet).trimEnd());
    // --quiet: the fleet verdict and each agent's, not where the page went
    if (!ctx.quiet) ctx.out(`wrote ${shown} (verdict: ${verdict})`);
  }
  return exit;
}

/**
 * Reads a `--plan` file (preview or stack export) up front, before any verification runs.
 * @throws InputError PLAN_NOT_FOUND, PLAN_TOO_LARGE, PLAN_NOT_JSON, or the reader's PLAN_* codes.
 */
async function readGivenPlan(cwd: string, planFile: string): Promise<readonly PlannedResource[]> {
  const { readPlanDocument } = await import('../../plan/read.js');
  const file = path.resolve(cwd, planFile);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError('PLAN_NOT_FOUND', `--plan ${planFile} must be an existing file`);
  if (statSync(file).size > MAX_PLAN_BYTES)
    throw new InputError('PLAN_TOO_LARGE', `--plan ${planFile} must be at most ${MAX_PLAN_BYTES} bytes`);
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
