/**
 * `agentfence check <agent> | --preview F | --state F`: the guardrail rules over planned (or
 * deployed) resources, offline. Exit 0 when no mandatory finding, 1 when blocked, 2 on bad input.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ExitCode, InputError } from '../../errors.js';
import { present } from '../../invariant.js';
import type { PlanDocument } from '../../plan/read.js';
import type { Evaluation, PackConfig } from '../../rules/evaluate.js';
import type { VerificationLookup } from '../../rules/types.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { parseCommandArgs } from '../flags.js';
import { checkFinding, paint, plural, verdictLine, type FindingLocator } from '../render.js';
import { packageVersion } from '../../version.js';
import { MAX_ARTIFACT_BYTES } from '../input.js';
import { guardrailDescriptor, toSarif } from '../sarif.js';

const USAGE = `agentfence check <agent> | --preview F | --state F [--config F] [--allow-unknown] [--format text|json|sarif] [--quiet]

Runs the guardrail rules (the same rules as policy-packs/agent-guardrails) over:
  <agent>         the offline plan of a stack (stacks/<agent>/agent.yaml), with the agent's
                  high-risk actions, name, manifest digest and artifacts filled into the rule config
  --preview F     a \`pulumi preview --json\` document (or \`agentfence plan --json\` output)
  --state F       a \`pulumi stack export\` document (deployment version 3)
  --config F      pack-style overrides: {"all": level, "<rule-id>": level | {"enforcementLevel": level, ...config}}
  --allow-unknown report findings on values unknown before deploy as advisory (default: they block)
Exit: 0 no mandatory finding, 1 blocked, 2 bad input.`;

/** Where the resources came from, for messages and SARIF locations. */
interface Source {
  readonly kind: 'agent' | 'preview' | 'state';
  readonly label: string;
  /** A file path relative to the project root, when there is one. */
  readonly file?: string;
}

/** Reads a plan or export whole; messages name it as the user did (`shown`), not by its absolute path. */
function readText(file: string, what: string, shown: string): string {
  let size: number | undefined;
  try {
    size = statSync(file).size;
  } catch {
    // reported by the read below
  }
  // Refused before reading: a plan or export is parsed whole.
  if (size !== undefined && size > MAX_ARTIFACT_BYTES)
    throw new InputError('INPUT_TOO_LARGE', `${what} ${shown} must be at most ${MAX_ARTIFACT_BYTES} bytes (got ${size})`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      'CHECK_INPUT_UNREADABLE',
      `${what} ${shown} must be a readable file (got ${(error as NodeJS.ErrnoException).code ?? 'an error'})`,
      { cause: error },
    );
  }
}

async function planOfAgent(
  ref: string,
  cwd: string,
): Promise<{
  document: PlanDocument;
  derived: PackConfig;
  source: Source;
  verification: VerificationLookup;
  locator: FindingLocator;
}> {
  const { loadAgent } = await import('../../manifest/load.js');
  // The offline plan loads Pulumi: imported only on this path.
  const { agentRuleConfig, planLoadedAgent } = await import('../guardrails.js');
  const { agentReportFile, lookupOf, readAgentReport } = await import('../verification.js');
  const agent = loadAgent(ref, cwd);
  const { document } = await planLoadedAgent(agent, cwd);
  const root = agent.location.projectRoot;
  // The agent's own report, refused when stale; the rules turn "none" into a block with this reason.
  const file = path.relative(root, agentReportFile(agent));
  let verification: VerificationLookup;
  try {
    verification = lookupOf(readAgentReport(agent), file);
  } catch (error) {
    if (!(error instanceof AgentfenceError) || error.kind !== 'input') throw error;
    verification = lookupOf(undefined, file, error.message);
  }
  const { ManifestLocator } = await import('../locations.js');
  const locator = new ManifestLocator(agent.manifest.file, root, agent.manifest.manifest);
  return {
    document,
    derived: agentRuleConfig(agent),
    verification,
    source: { kind: 'agent', label: agent.manifest.manifest.name, file: path.relative(root, agent.manifest.file) },
    locator,
  };
}

/** SARIF 2.1.0 for an evaluation: a descriptor for every enabled rule, one result per finding. */
export function toCheckSarif(
  version: string,
  evaluation: Evaluation,
  where: { file?: string; locator?: FindingLocator; agent?: string; exitCode?: number },
): object {
  const enabled = evaluation.settings.filter((s) => s.enforcementLevel !== 'disabled');
  return toSarif({
    command: 'check',
    ...(where.agent === undefined ? {} : { agent: where.agent }),
    version,
    ...(where.exitCode === undefined ? {} : { exitCode: where.exitCode }),
    rules: enabled.map((s) => guardrailDescriptor(s.rule)),
    findings: evaluation.findings.map((f) => checkFinding(f, where)),
  });
}

function renderText(ctx: CommandContext, evaluation: Evaluation, source: Source): void {
  const mandatory = evaluation.findings.filter((f) => f.enforcementLevel === 'mandatory');
  const advisory = evaluation.findings.filter((f) => f.enforcementLevel === 'advisory');
  for (const f of [...mandatory, ...advisory]) {
    const level = f.enforcementLevel === 'mandatory' ? paint(ctx, 31, 'MANDATORY') : paint(ctx, 33, 'ADVISORY ');
    ctx.out(`${level} ${f.severity.padEnd(8)} ${f.ruleId}: ${f.message}${f.urn === undefined ? '' : `\n          at ${f.urn}`}`);
  }
  const rulesRun = evaluation.settings.filter((s) => s.enforcementLevel !== 'disabled').length;
  ctx.out(
    verdictLine(
      ctx,
      mandatory.length > 0 ? 'blocked' : 'pass',
      source.label,
      `${plural(evaluation.resourceCount, 'resource')}, ${plural(rulesRun, 'rule')}, ${mandatory.length} mandatory and ${plural(advisory.length, 'advisory finding')}`,
    ),
  );
}

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      preview: { type: 'string' },
      state: { type: 'string' },
      config: { type: 'string', short: 'c' },
      'allow-unknown': { type: 'boolean', default: false },
    });
    const preview = values['preview'] as string | undefined;
    const state = values['state'] as string | undefined;
    const sources = positionals.length + (preview === undefined ? 0 : 1) + (state === undefined ? 0 : 1);
    if (sources !== 1 || positionals.length > 1) {
      throw new InputError('CLI_USAGE', `check needs exactly one of <agent>, --preview F or --state F (got ${sources})`);
    }
    const { mergeRuleConfig, readRuleConfigFile } = await import('../guardrails.js');
    const userConfig = readRuleConfigFile(values['config'] as string | undefined, ctx.cwd);
    const { findProjectRoot } = await import('../../manifest/resolve.js');
    const { readPlanDocument } = await import('../../plan/read.js');
    const { evaluateRules, isBlocked } = await import('../../rules/evaluate.js');

    let document: PlanDocument;
    let derived: PackConfig = {};
    let source: Source;
    let verification: VerificationLookup;
    let locator: FindingLocator | undefined;
    const [agentRef] = positionals;
    if (agentRef !== undefined) {
      ({ document, derived, source, verification, locator } = await planOfAgent(agentRef, ctx.cwd));
    } else {
      const root = findProjectRoot(ctx.cwd);
      const file = present(preview ?? state, 'the one --preview or --state file');
      const flag = preview !== undefined ? '--preview' : '--state';
      const absolute = path.resolve(ctx.cwd, file);
      document = readPlanDocument(readText(absolute, flag, file), file);
      const expected = preview !== undefined ? 'preview' : 'export';
      if (document.kind !== expected) {
        throw new InputError(
          'PLAN_INVALID',
          `${flag} ${file} must be a ${expected === 'preview' ? '`pulumi preview --json`' : '`pulumi stack export`'} document (got a ${document.kind === 'preview' ? 'preview' : 'stack export'})`,
        );
      }
      source = { kind: preview !== undefined ? 'preview' : 'state', label: file, file: path.relative(root, absolute) };
      // A plan names its stack in every URN: the rules judge against that stack's own report.
      const { stackOfUrn, stackReportLookup } = await import('../../verify/report.js');
      verification = stackReportLookup(root, stackOfUrn(document.resources[0]?.urn));
    }

    const evaluation = evaluateRules(document.resources, {
      config: mergeRuleConfig(derived, userConfig),
      verification,
      unknownAsAdvisory: values['allow-unknown'] === true,
    });
    if (ctx.format === 'json') {
      const mandatory = evaluation.findings.filter((f) => f.enforcementLevel === 'mandatory').length;
      ctx.out(
        JSON.stringify(
          {
            schemaVersion: 'agentfence.check/v1',
            source: { kind: source.kind, name: source.label, ...(source.file === undefined ? {} : { file: source.file }) },
            resourceCount: evaluation.resourceCount,
            rules: evaluation.settings.map((s) => ({ id: s.rule.id, enforcementLevel: s.enforcementLevel })),
            summary: { blocked: mandatory > 0, mandatory, advisory: evaluation.findings.length - mandatory },
            findings: evaluation.findings,
          },
          null,
          2,
        ),
      );
    } else if (ctx.format === 'sarif') {
      const file = source.file?.split(path.sep).join('/');
      const exitCode = isBlocked(evaluation.findings) ? ExitCode.BLOCKED : ExitCode.PASS;
      ctx.out(
        JSON.stringify(
          toCheckSarif(packageVersion(), evaluation, {
            ...(file === undefined ? {} : { file }),
            ...(locator === undefined ? {} : { locator }),
            ...(source.kind === 'agent' ? { agent: source.label } : {}),
            exitCode,
          }),
          null,
          2,
        ),
      );
    } else {
      renderText(ctx, evaluation, source);
    }
    return isBlocked(evaluation.findings) ? ExitCode.BLOCKED : ExitCode.PASS;
  },
};
