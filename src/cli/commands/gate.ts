/**
 * `agentfence gate <agent>`: the one command CI runs before deploy. Stages run in order and share
 * what they learn: validate -> plan -> verify -> check -> sbom -> report. Verify runs before check
 * because the supply-chain guardrail reads the verifier's fresh result. A stage that cannot run
 * (bad input, broken config) stops the gate with exit 2; a blocking stage lets the later stages
 * run so every reason is reported at once, and the gate exits 1.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, codeOf, ExitCode, InputError, messageOf } from '../../errors.js';
import type { LoadedAgent } from '../../manifest/load.js';
import type { PackConfig, Evaluation } from '../../rules/evaluate.js';
import type { ArtifactResult, VerificationReport } from '../../verify/types.js';
import type { FleetAgent } from '../../sbom/fleet.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { agentName, agentsUnderStacks, onePositional, parseCommandArgs } from '../flags.js';
import { artifactSarifFinding, checkFinding, paint as paintCode, plural, summaryText } from '../render.js';
import { packageVersion } from '../../version.js';
import { present } from '../../invariant.js';
import type { ManifestLocator } from '../locations.js';
import {
  gateDescriptor,
  MANIFEST_DESCRIPTORS,
  SUPPLY_CHAIN_DESCRIPTORS,
  guardrailDescriptor,
  manifestRuleId,
  toSarif,
  type RuleDescriptor,
  type SarifFinding,
} from '../sarif.js';

const USAGE = `agentfence gate <agent> | --all [--check-sbom] [--output-dir DIR] [--config F] [--online] [--format text|json|sarif] [--quiet]

Runs every pre-deploy check for one agent, in order:
  validate  manifest and trust policy (schema + semantic checks)
  plan      the Pulumi program under mocks (no CLI, no cloud, no credentials)
  verify    models, plugins and APIs against the trust policy -> DIR/verification.json
  check     guardrail rules on the planned resources (incl. supply chain)
  sbom      writes sbom/<agent>.cdx.json (unless blocked), or with --check-sbom compares with the committed file
  report    the reviewer's HTML page -> DIR/report.html
  --all             the gate for every agent under stacks/ (each writing its own outputs), then one fleet
                    table (agent, verdict, blocked and warned artifacts, findings); json: one fleet object,
                    sarif: one run per agent. Exit 2 if any agent's gate could not run, else 1 if any is blocked
  --output-dir DIR  where verification.json and report.html go (default: .agentfence/<agent>/ under the project root;
                    with --all, DIR/<agent>/)
  --config F        pack-style rule overrides, as for \`agentfence check --config\`
  --online          read plugin evidence from the registry in npm's configuration
Exit: 0 deploy may proceed, 1 blocked, 2 bad input (the gate stops at the stage that could not run).`;

type StageName = 'validate' | 'plan' | 'verify' | 'check' | 'sbom' | 'report';
type StageStatus = 'pass' | 'blocked' | 'warned' | 'error' | 'skipped';

interface StageOutcome {
  readonly name: StageName;
  status: StageStatus;
  summary: string;
  ms: number;
}

/** One reason the gate blocks or warns, from any stage, in a common shape. */
interface GateFinding {
  readonly stage: StageName;
  readonly id: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly location?: string;
}

/** What the stages learn for the SARIF log: the union of every stage's rules and findings. */
interface GateState {
  evaluation?: Evaluation;
  locator?: ManifestLocator;
  readonly rules: RuleDescriptor[];
  readonly sarif: SarifFinding[];
}

interface GateOptions {
  readonly checkSbom: boolean;
  readonly outputDir?: string;
  readonly userConfig: PackConfig;
  readonly online: boolean;
}

/** Stops the gate at a stage that could not run; carries the exit code of the cause. */
class StageFailure extends Error {
  constructor(
    readonly stage: StageName,
    readonly causeError: unknown,
  ) {
    super(messageOf(causeError));
  }
}

function artifactFinding(result: ArtifactResult): GateFinding {
  return {
    stage: 'verify',
    id: `supply-chain-${result.kind}`,
    level: result.status === 'blocked' ? 'error' : 'warning',
    message: `${result.kind} ${result.name}${result.version === undefined ? '' : `@${result.version}`} ${result.status} ${result.reason ?? 'ERROR'}: ${result.message}`,
    location: `${result.kind}:${result.name}`,
  };
}

/** Runs the stages and collects outcomes; throws StageFailure where a stage could not run. */
async function runStages(
  ctx: CommandContext,
  ref: string,
  options: GateOptions,
  stages: StageOutcome[],
  findings: GateFinding[],
  state: GateState,
) {
  async function stage<T>(name: StageName, work: () => Promise<{ value: T; status: StageStatus; summary: string }>): Promise<T> {
    const started = performance.now();
    const outcome: StageOutcome = { name, status: 'error', summary: '', ms: 0 };
    stages.push(outcome);
    ctx.log(`gate: ${name} ...`);
    try {
      const { value, status, summary } = await work();
      outcome.status = status;
      outcome.summary = summary;
      return value;
    } catch (error) {
      outcome.summary = messageOf(error).split('\n')[0] ?? '';
      throw new StageFailure(name, error);
    } finally {
      outcome.ms = performance.now() - started;
    }
  }

  state.rules.push(...MANIFEST_DESCRIPTORS, gateDescriptor('stack-config-present'));
  const agent = await stage<LoadedAgent>('validate', async () => {
    const { loadAgent } = await import('../../manifest/load.js');
    const { ManifestError } = await import('../../manifest/errors.js');
    const { findProjectRoot } = await import('../../manifest/resolve.js');
    let loaded: LoadedAgent;
    try {
      loaded = loadAgent(ref, ctx.cwd);
      // The tools' Cedar policies validate and the manifest's authorization tests pass, or the gate stops.
      const { cedarManifestErrors } = await import('../../cedar/manifest-errors.js');
      const cedarErrors = cedarManifestErrors(loaded.manifest);
      if (cedarErrors.length > 0) throw new ManifestError(cedarErrors, ctx.cwd);
    } catch (error) {
      if (error instanceof ManifestError) {
        const root = findProjectRoot(ctx.cwd);
        for (const e of error.errors) {
          const file = path.relative(root, e.file).split(path.sep).join('/');
          state.sarif.push({
            ruleId: manifestRuleId(e.code),
            level: 'error',
            message: `${e.path === '' ? '' : `${e.path}: `}${e.message} [${e.code}]`,
            location: { file, startLine: e.line, startColumn: e.col },
            identity: [file, e.path, e.code].join('\u0000'),
            properties: { stage: 'validate', code: e.code },
          });
        }
      }
      throw error;
    }
    const m = loaded.manifest.manifest;
    const { ManifestLocator } = await import('../locations.js');
    const locator = new ManifestLocator(loaded.manifest.file, loaded.location.projectRoot, m);
    state.locator = locator;
    let status: StageStatus = 'pass';
    const block = (ruleId: string, message: string, location: SarifFinding['location'], id = ruleId) => {
      status = 'blocked';
      findings.push({ stage: 'validate', id, level: 'error', message, ...(location === undefined ? {} : { location: location.file }) });
      state.sarif.push({
        ruleId,
        level: 'error',
        message,
        ...(location === undefined ? {} : { location }),
        identity: id,
        properties: { stage: 'validate' },
      });
    };
    const { stackNameErrors } = await import('../../manifest/names.js');
    const nameAt = locator.at(['name']);
    for (const e of stackNameErrors(loaded.location, m.name, { line: nameAt.startLine, col: nameAt.startColumn ?? 1 }))
      block(manifestRuleId(e.code), e.message, nameAt, e.code);
    return {
      value: loaded,
      status,
      summary: [
        plural(m.tools.length, 'tool'),
        plural(m.dataStores.length, 'store'),
        plural(m.models.length, 'model'),
        plural(m.plugins.length, 'plugin'),
        plural(m.apis.length, 'API'),
        plural((m.authorizationTests ?? []).length, 'authorization test'),
      ].join(', '),
    };
  });
  const root = agent.location.projectRoot;
  const { agentReportFile, configuredRegistry, lookupOf, writeReport } = await import('../verification.js');
  const outputDir = options.outputDir === undefined ? path.dirname(agentReportFile(agent)) : path.resolve(ctx.cwd, options.outputDir);
  const shown = (file: string) => path.relative(ctx.cwd, file) || file;

  const { planLoadedAgent, checkAgentPlan } = await import('../guardrails.js');
  const plan = await stage('plan', async () => {
    const planned = await planLoadedAgent(agent, ctx.cwd);
    return { value: planned, status: 'pass', summary: `${planned.document.resources.length} resources` };
  });

  const verificationFile = path.join(outputDir, 'verification.json');
  const verification = await stage<VerificationReport>('verify', async () => {
    const { verifyAgent } = await import('../../verify/agent.js');
    const report = await verifyAgent(agent, {
      online: options.online,
      ...(options.online ? { registry: configuredRegistry(ctx.env) } : {}),
    });
    if (report.results.length === 0) {
      throw new InputError(
        'NOTHING_TO_VERIFY',
        `agent ${report.agent} must declare at least one model, plugin or API to verify (it declares none)`,
      );
    }
    writeReport(verificationFile, report);
    const kinds = new Set(report.results.map((r) => `supply-chain-${r.kind}`));
    state.rules.push(...SUPPLY_CHAIN_DESCRIPTORS.filter((d) => kinds.has(d.id)));
    for (const result of report.results) {
      if (result.status !== 'blocked' && result.status !== 'warned') continue;
      findings.push(artifactFinding(result));
      state.sarif.push({
        ...artifactSarifFinding(result, state.locator),
        properties: { stage: 'verify', reason: result.reason ?? 'ERROR' },
      });
    }
    const { blocked, warned } = report.summary;
    return { value: report, status: blocked > 0 ? 'blocked' : warned > 0 ? 'warned' : 'pass', summary: summaryText(report) };
  });

  const evaluation = await stage<Evaluation>('check', async () => {
    // The verdict travels as data: the rules judge the report this gate just made.
    const result = await checkAgentPlan(agent, plan.document.resources, {
      userConfig: options.userConfig,
      verification: lookupOf(verification, shown(verificationFile)),
    });
    const mandatory = result.findings.filter((f) => f.enforcementLevel === 'mandatory');
    const advisory = result.findings.filter((f) => f.enforcementLevel === 'advisory');
    for (const setting of result.settings) if (setting.enforcementLevel !== 'disabled') state.rules.push(guardrailDescriptor(setting.rule));
    for (const f of [...mandatory, ...advisory]) {
      const sarif = checkFinding(f, state.locator === undefined ? {} : { locator: state.locator });
      state.sarif.push({ ...sarif, properties: { ...sarif.properties, stage: 'check' } });
      findings.push({
        stage: 'check',
        id: f.ruleId,
        level: f.enforcementLevel === 'mandatory' ? 'error' : 'warning',
        message: f.message,
        ...(f.urn === undefined ? {} : { location: f.urn }),
      });
    }
    const rulesRun = result.settings.filter((s) => s.enforcementLevel !== 'disabled').length;
    state.evaluation = result;
    return {
      value: result,
      status: mandatory.length > 0 ? 'blocked' : advisory.length > 0 ? 'warned' : 'pass',
      summary: `${rulesRun} rules, ${mandatory.length} mandatory, ${advisory.length} advisory`,
    };
  });

  const sbomModule = await import('../../sbom/index.js');
  const built = await stage('sbom', async () => {
    const target = path.join(root, 'sbom', `${agent.location.name}.cdx.json`);
    const committed = options.checkSbom && existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    // a check compares content, so it reuses the committed timestamp; a write says when it was made
    const timestamp = options.checkSbom
      ? committed === undefined
        ? undefined
        : sbomModule.committedTimestamp(committed)
      : sbomModule.sbomTimestamp(ctx.env['SOURCE_DATE_EPOCH'], new Date());
    const repositoryUrl = await (
      await import('../sbom-context.js')
    ).repositoryBase(root, { env: ctx.env, check: options.checkSbom, ...(committed === undefined ? {} : { committed }) });
    const doc = await sbomModule.buildAgentSbom(agent, {
      profile: sbomModule.SpecProfiles[sbomModule.DEFAULT_SPEC],
      verification,
      verificationSource: 'in-process',
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(repositoryUrl === undefined ? {} : { repositoryUrl }),
    });
    if (options.checkSbom) {
      if (committed === doc.json) return { value: doc, status: 'pass', summary: `${shown(target)} is up to date` };
      state.rules.push(gateDescriptor('sbom-stale'));
      const sbomFile = path.relative(root, target).split(path.sep).join('/');
      state.sarif.push({
        ruleId: 'sbom-stale',
        level: 'error',
        message: `${sbomFile} must match the agent as it is now (got ${committed === undefined ? 'no committed SBOM' : 'a stale SBOM'}); run \`agentfence sbom ${agent.location.name}\` and commit the reviewed change`,
        location:
          committed === undefined
            ? present(state.locator, 'manifest locator of the validated agent').at([])
            : { file: sbomFile, startLine: 1 },
        identity: sbomFile,
        properties: { stage: 'sbom' },
      });
      findings.push({
        stage: 'sbom',
        id: 'sbom-stale',
        level: 'error',
        message: `${shown(target)} must match the agent as it is now (got ${committed === undefined ? 'no committed SBOM' : 'a stale SBOM'}); run \`agentfence sbom ${agent.location.name}\` and commit the reviewed change`,
        location: shown(target),
      });
      return { value: doc, status: 'blocked', summary: `${shown(target)} is ${committed === undefined ? 'missing' : 'stale'}` };
    }
    // sbom/ holds the reviewed record of deployable agents: a blocked gate leaves it alone
    if (findings.some((f) => f.level === 'error')) {
      return {
        value: doc,
        status: 'pass',
        summary: `built and validated (CycloneDX ${doc.specVersion}); not written to ${shown(target)} because the gate is blocked`,
      };
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, doc.json);
    return { value: doc, status: 'pass', summary: `wrote ${shown(target)} (CycloneDX ${doc.specVersion})` };
  });

  await stage('report', async () => {
    const { toolIdentity } = await import('../../sbom/agent.js');
    const input: import('../../sbom/report.js').ReportInput = {
      agentName: agent.location.name,
      manifest: agent.manifest.manifest,
      manifestPath: path.relative(root, agent.manifest.file).split(path.sep).join('/'),
      verification,
      findings: evaluation.findings,
      sbom: built.doc,
      scorecard: sbomModule.scoreSbom(built.doc),
      tool: toolIdentity(),
      toolPolicies: (await import('../../cedar/tests.js')).toolPolicyViews(agent.manifest.manifest),
      ...(await reportProvenance(agent, verification, ctx.env)),
    };
    const target = path.join(outputDir, 'report.html');
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(target, sbomModule.renderReport(input));
    return { value: undefined, status: 'pass', summary: `wrote ${shown(target)} (verdict: ${sbomModule.reportVerdict(input)})` };
  });
}

function paint(ctx: CommandContext, status: StageStatus, text: string): string {
  return paintCode(ctx, status === 'pass' ? 32 : status === 'warned' ? 33 : status === 'skipped' ? 90 : 31, text);
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function renderText(
  ctx: CommandContext,
  agent: string,
  stages: readonly StageOutcome[],
  findings: readonly GateFinding[],
  verdict: string,
): void {
  // --quiet: only the findings and the verdict
  if (!ctx.quiet) {
    ctx.out(`agentfence gate ${agent}`);
    ctx.out(`  ${'stage'.padEnd(9)} ${'result'.padEnd(8)} ${'time'.padStart(8)}  details`);
    for (const s of stages) {
      ctx.out(`  ${s.name.padEnd(9)} ${paint(ctx, s.status, s.status.padEnd(8))} ${formatMs(s.ms).padStart(8)}  ${s.summary}`);
    }
  }
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  if (errors.length > 0) {
    ctx.out('');
    ctx.out('Blocking:');
    for (const f of errors) ctx.out(`  [${f.stage}] ${f.id}: ${f.message}${f.location === undefined ? '' : `\n      at ${f.location}`}`);
  }
  // Warnings are listed even with --quiet: a pass with warnings must show what it let through.
  if (warnings.length > 0) {
    ctx.out('');
    ctx.out('Warnings:');
    for (const f of warnings) ctx.out(`  [${f.stage}] ${f.id}: ${f.message}`);
  }
  ctx.out('');
  ctx.out(verdict);
}

/** One agent's gate run: every output format is rendered from it. */
interface GateRun {
  readonly ref: string;
  readonly stages: readonly StageOutcome[];
  readonly findings: readonly GateFinding[];
  readonly state: GateState;
  readonly failure: StageFailure | undefined;
  readonly blocked: boolean;
  readonly exit: number;
  /** The verdict line (`BLOCKED: payments must not be deployed (...)`). */
  readonly verdict: string;
}

/** Runs the gate for one agent; a stage that cannot run ends the run, never the process. */
async function gateAgent(ctx: CommandContext, ref: string, options: GateOptions): Promise<GateRun> {
  const stages: StageOutcome[] = [];
  const findings: GateFinding[] = [];
  let failure: StageFailure | undefined;
  const state: GateState = { rules: [], sarif: [] };
  try {
    await runStages(ctx, ref, options, stages, findings, state);
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    failure = error;
  }
  const ran = new Set(stages.map((s) => s.name));
  for (const name of ['validate', 'plan', 'verify', 'check', 'sbom', 'report'] as const) {
    if (!ran.has(name))
      stages.push({
        name,
        status: 'skipped',
        summary: failure === undefined ? '' : `not run: the ${failure.stage} stage could not run`,
        ms: 0,
      });
  }

  const blocked = findings.some((f) => f.level === 'error') || stages.some((s) => s.status === 'blocked');
  const exit =
    failure !== undefined
      ? failure.causeError instanceof AgentfenceError && failure.causeError.kind !== 'input' && failure.causeError.kind !== 'config'
        ? ExitCode.BLOCKED
        : ExitCode.BAD_INPUT
      : blocked
        ? ExitCode.BLOCKED
        : ExitCode.PASS;
  const verdict =
    failure !== undefined
      ? `ERROR: the ${failure.stage} stage could not run: ${failure.message}`
      : blocked
        ? `BLOCKED: ${ref} must not be deployed (${plural(findings.filter((f) => f.level === 'error').length, 'blocking finding')})`
        : findings.length > 0 || stages.some((s) => s.status === 'warned')
          ? `PASSED WITH WARNINGS: ${ref} may be deployed (${plural(findings.length, 'warning')}, listed above)`
          : `PASSED: ${ref} may be deployed`;

  return { ref, stages, findings, state, failure, blocked, exit, verdict };
}

/** The single-agent JSON document (`agentfence.gate/v1`). */
function gateJson(run: GateRun): object {
  const { ref, stages, findings, failure, blocked, exit } = run;
  return {
    schemaVersion: 'agentfence.gate/v1',
    tool: { name: 'agentfence', version: packageVersion() },
    agent: ref,
    verdict: failure !== undefined ? 'error' : blocked ? 'blocked' : 'pass',
    exitCode: exit,
    stages: stages.map((s) => ({ name: s.name, status: s.status, summary: s.summary, ms: Math.round(s.ms) })),
    findings,
    ...(failure === undefined
      ? {}
      : {
          error: {
            stage: failure.stage,
            code: codeOf(failure.causeError),
            message: failure.message,
          },
        }),
  };
}

/** The single-agent SARIF log: one run, the union of the stages' rules and findings. */
function gateSarif(run: GateRun): { runs: unknown[] } {
  const { ref, failure, state, exit } = run;
  const failures =
    failure === undefined
      ? []
      : [
          {
            stage: failure.stage,
            code: codeOf(failure.causeError),
            message: failure.message.split('\n')[0] ?? '',
          },
        ];
  return toSarif({
    command: 'gate',
    agent: agentName(ref),
    version: packageVersion(),
    exitCode: exit,
    rules: state.rules,
    findings: state.sarif,
    failures,
  }) as { runs: unknown[] };
}

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      'check-sbom': { type: 'boolean', default: false },
      'output-dir': { type: 'string' },
      config: { type: 'string', short: 'c' },
      online: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
    });
    const all = values['all'] === true;
    if (all && positionals.length !== 0) throw new InputError('CLI_USAGE', `gate --all takes no <agent> (got ${positionals.length})`);
    const agentRef = all ? undefined : onePositional(positionals, 'gate takes exactly one <agent> or --all');
    const options: GateOptions = {
      checkSbom: values['check-sbom'] === true,
      ...(typeof values['output-dir'] === 'string' ? { outputDir: values['output-dir'] } : {}),
      userConfig: (await import('../guardrails.js')).readRuleConfigFile(values['config'] as string | undefined, ctx.cwd),
      online: values['online'] === true,
    };
    if (agentRef === undefined) return gateAll(ctx, options);
    const run = await gateAgent(ctx, agentRef, options);
    if (ctx.format === 'json') ctx.out(JSON.stringify(gateJson(run), null, 2));
    else if (ctx.format === 'sarif') ctx.out(JSON.stringify(gateSarif(run), null, 2));
    else renderText(ctx, run.ref, run.stages, run.findings, run.verdict);
    if (run.failure !== undefined && ctx.format !== 'text') ctx.log(`agentfence gate: ${run.verdict}`);
    return run.exit;
  },
};

/** The fleet's view of one gate run: its verdict and counts, for the summary table. */
function fleetAgentOf(name: string, run: GateRun): FleetAgent {
  const warned = run.findings.length > 0 || run.stages.some((s) => s.status === 'warned');
  return {
    name,
    verdict: run.failure !== undefined ? 'error' : run.blocked ? 'blocked' : warned ? 'warnings' : 'pass',
    ...(run.failure === undefined
      ? {}
      : { problem: `the ${run.failure.stage} stage could not run: ${run.failure.message.split('\n')[0]}` }),
    counts: {
      blockedArtifacts: run.findings.filter((f) => f.stage === 'verify' && f.level === 'error').length,
      warnedArtifacts: run.findings.filter((f) => f.stage === 'verify' && f.level === 'warning').length,
      findings: run.findings.length,
    },
  };
}

/**
 * `gate --all`: the gate for every agent under stacks/, each writing its own outputs, then one
 * fleet summary. Exit 2 when any agent's gate could not run on its input, else 1 when any is blocked.
 */
async function gateAll(ctx: CommandContext, options: GateOptions): Promise<number> {
  const { findProjectRoot } = await import('../../manifest/resolve.js');
  const { fleetVerdict, renderFleetText } = await import('../../sbom/fleet.js');
  const root = findProjectRoot(ctx.cwd);
  const names = agentsUnderStacks(root);
  if (names.length === 0)
    throw new InputError('AGENT_NOT_FOUND', `gate --all needs at least one agent under ${path.join(root, 'stacks')} (found none)`);
  const runs: GateRun[] = [];
  const agents: FleetAgent[] = [];
  for (const name of names) {
    ctx.log(`gate --all: ${name}`);
    const outputDir = options.outputDir === undefined ? undefined : path.join(path.resolve(ctx.cwd, options.outputDir), name);
    const run = await gateAgent(ctx, name, { ...options, ...(outputDir === undefined ? {} : { outputDir }) });
    runs.push(run);
    agents.push(fleetAgentOf(name, run));
  }
  const fleet = { agents, tool: { name: 'agentfence', version: packageVersion() } };
  const verdict = fleetVerdict(fleet);
  const exit = runs.some((run) => run.exit === ExitCode.BAD_INPUT)
    ? ExitCode.BAD_INPUT
    : runs.some((run) => run.exit !== ExitCode.PASS)
      ? ExitCode.BLOCKED
      : ExitCode.PASS;
  if (ctx.format === 'json') {
    ctx.out(
      JSON.stringify(
        { schemaVersion: 'agentfence.gate-all/v1', tool: fleet.tool, verdict, exitCode: exit, agents: runs.map(gateJson) },
        null,
        2,
      ),
    );
  } else if (ctx.format === 'sarif') {
    // one SARIF run per agent, each with its own automationDetails.id (agentfence/gate/<agent>/)
    ctx.out(
      JSON.stringify(
        { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: runs.flatMap((run) => gateSarif(run).runs) },
        null,
        2,
      ),
    );
  } else {
    ctx.out(renderFleetText(fleet).trimEnd());
    runs.forEach((run, i) => {
      if (run.findings.length === 0) return;
      ctx.out('');
      ctx.out(`${names[i]}:`);
      for (const f of run.findings) ctx.out(`  ${f.level === 'error' ? 'BLOCKING' : 'WARNING '} [${f.stage}] ${f.id}: ${f.message}`);
    });
  }
  return exit;
}

/** When, from which commit and vouched by whom, for the gate's report page (the renderer is pure). */
async function reportProvenance(
  agent: import('../../manifest/index.js').LoadedAgent,
  verification: import('../../verify/types.js').VerificationReport | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Pick<import('../../sbom/report.js').ReportInput, 'generatedAt' | 'commit' | 'vouchers'>> {
  const sbom = await import('../../sbom/index.js');
  const context = await import('../sbom-context.js');
  const commit = context.currentCommit(agent.location.projectRoot);
  return {
    generatedAt: sbom.sbomTimestamp(env['SOURCE_DATE_EPOCH'], new Date()),
    ...(commit === undefined ? {} : { commit }),
    vouchers: sbom.vouchersOf(agent.trustPolicy.policy, await context.authorityFingerprints(agent.trustPolicy), verification),
  };
}
