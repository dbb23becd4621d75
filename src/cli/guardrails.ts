/**
 * Guardrails for one agent, as `check`, `report` and `gate` all run them: the offline plan's
 * resources through every rule, with the rule config the agent implies (its high-risk actions,
 * its name and manifest digest for the supply-chain rule) under the user's overrides.
 */
import { gatewayTools } from '../cedar/targets.js';
import { groupTargets } from '../components/aws/builders/agentcore.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { LoadedAgent } from '../manifest/load.js';
import type { PlanDocument } from '../plan/read.js';
import type { Evaluation, PackConfig } from '../rules/evaluate.js';
import type { PlannedResource, VerificationLookup } from '../rules/types.js';
import { fileDigest } from '../verify/report.js';

/** Rule config implied by the agent's manifest: its high-risk tools, its name, manifest and trust-policy digests and artifacts. */
export function agentRuleConfig(agent: LoadedAgent): PackConfig {
  const manifest = agent.manifest.manifest;
  const highRiskTools = manifest.tools
    .filter((tool) => tool.risk === 'high')
    .map((tool) => ({ name: tool.name, actions: [...tool.actions], resources: [...tool.resources] }));
  const manifestDigest = fileDigest(agent.manifest.file);
  const trustPolicyDigest = fileDigest(agent.trustPolicy.file);
  const artifacts = [
    ...manifest.models.map((m) => ({ kind: 'model', name: m.name })),
    ...manifest.plugins.flatMap((p) => ('name' in p ? [{ kind: 'plugin', name: p.name }] : [])),
    ...manifest.apis.map((a) => ({ kind: 'api', name: a.name })),
  ];
  const exposed = gatewayTools(manifest);
  return {
    'high-risk-actions-via-approval-gate': { highRiskTools },
    'agentcore-target-declared': { targets: groupTargets(exposed).map((target) => target.name) },
    'agentcore-high-risk-via-approval': {
      gatedTools: exposed
        .filter((entry) => entry.gated)
        .map((entry) => ({ tool: entry.tool.name, toolName: entry.tool.mcp.toolName, action: entry.action })),
    },
    'supply-chain-verified': { agent: manifest.name, manifestDigest, trustPolicyDigest, artifacts },
    'network-firewall-allowlist-verified': { agent: manifest.name },
  };
}

/**
 * Reads pack-style rule overrides (`--config F`): a JSON object.
 * @throws InputError CHECK_INPUT_UNREADABLE, CHECK_CONFIG_MALFORMED.
 */
export function readRuleConfigFile(file: string | undefined, cwd: string): PackConfig {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(
      'CHECK_INPUT_UNREADABLE',
      `--config ${file} must be a readable file (got ${(error as NodeJS.ErrnoException).code ?? 'an error'})`,
      { cause: error },
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new InputError('CHECK_CONFIG_MALFORMED', `--config ${file} must be JSON (got: ${(error as Error).message})`, { cause: error });
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InputError(
      'CHECK_CONFIG_MALFORMED',
      `--config ${file} must be a JSON object (got ${Array.isArray(config) ? 'an array' : typeof config})`,
    );
  }
  return config as PackConfig;
}

/** Merges derived rule config under the user's overrides: the user wins, field by field. */
export function mergeRuleConfig(derived: PackConfig, user: PackConfig): PackConfig {
  const out: Record<string, unknown> = { ...derived };
  for (const [key, value] of Object.entries(user)) {
    const base = out[key];
    if (typeof base === 'object' && base !== null && typeof value === 'object' && value !== null) out[key] = { ...base, ...value };
    else if (typeof value === 'string' && typeof base === 'object' && base !== null) out[key] = { ...base, enforcementLevel: value };
    else out[key] = value;
  }
  return out;
}

export interface AgentPlan {
  readonly document: PlanDocument;
  /** The raw preview document, as `agentfence plan --json` prints it. */
  readonly preview: unknown;
}

/**
 * Runs the offline plan of a loaded agent (loads Pulumi: call only where needed).
 * @throws InputError when the program cannot run for this stack.
 */
export async function planLoadedAgent(agent: LoadedAgent, cwd: string): Promise<AgentPlan> {
  const { planAgent } = await import('../plan/offline.js');
  const { readPlanDocument } = await import('../plan/read.js');
  const preview = await planAgent(agent.manifest.file, cwd);
  return { preview, document: readPlanDocument(preview, `plan of ${agent.manifest.manifest.name}`) };
}

export interface CheckAgentOptions {
  readonly userConfig?: PackConfig;
  readonly unknownAsAdvisory?: boolean;
  /** The verdict the supply-chain rules judge against. Defaults to "no report" (they block). */
  readonly verification?: VerificationLookup;
}

/** Evaluates every rule over an agent's planned resources. @throws ConfigError RULE_CONFIG_INVALID. */
export async function checkAgentPlan(
  agent: LoadedAgent,
  resources: readonly PlannedResource[],
  options: CheckAgentOptions = {},
): Promise<Evaluation> {
  const { evaluateRules } = await import('../rules/evaluate.js');
  return evaluateRules(resources, {
    config: mergeRuleConfig(agentRuleConfig(agent), options.userConfig ?? {}),
    ...(options.verification === undefined ? {} : { verification: options.verification }),
    unknownAsAdvisory: options.unknownAsAdvisory === true,
  });
}
