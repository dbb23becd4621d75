/**
 * Supply-chain rule (stack level): every agent in the stack has a verification report, for this
 * agent and this manifest, in which nothing is blocked and every model, plugin and API the stack
 * references has a result. A missing report is a violation, never a pass.
 */
import { label, violation } from './violations.js';
import type { LoadedVerification, PlannedResource, StackRule, Violation } from './types.js';
import { isRecord, show } from './values.js';

const AGENT_TYPES = ['agentfence:aws:AgentEnvironment', 'agentfence:aws:AgentIdentity'] as const;

type ArtifactRef = { kind: 'model' | 'plugin' | 'api'; name: string };
type SupplyChainConfig = { agent?: string; manifestDigest?: string; trustPolicyDigest?: string; artifacts: ArtifactRef[] };

/** Artifact names a component's inputs reference (`models`, `plugins`, `apis` lists of `{name}`). */
function referenced(resource: PlannedResource): ArtifactRef[] {
  const out: ArtifactRef[] = [];
  const source = isRecord(resource.props['manifest']) ? resource.props['manifest'] : resource.props;
  for (const [key, kind] of [
    ['models', 'model'],
    ['plugins', 'plugin'],
    ['apis', 'api'],
  ] as const) {
    const list = source[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) if (isRecord(entry) && typeof entry['name'] === 'string') out.push({ kind, name: entry['name'] });
  }
  return out;
}

export const supplyChainVerified: StackRule<SupplyChainConfig> = {
  kind: 'stack',
  id: 'supply-chain-verified',
  title: 'Every model, plugin and API passed verification',
  description:
    'Checks whether each agent in the stack has a supply-chain verification report (agentfence verify) for the same agent and manifest, with no blocked model, plugin or API and a result for every artifact the stack references.',
  severity: 'critical',
  pillar: 'supply-chain',
  owasp: ['ASI04 Agentic Supply Chain Vulnerabilities', 'LLM03:2025 Supply Chain'],
  defaultEnforcement: 'mandatory',
  remediation: 'Run `agentfence verify <agent>` and fix every blocked artifact (sign it, or trust its signer in the trust policy).',
  configSchema: {
    type: 'object',
    properties: {
      agent: { type: 'string', minLength: 1 },
      manifestDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      trustPolicyDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      artifacts: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'name'],
          properties: { kind: { enum: ['model', 'plugin', 'api'] }, name: { type: 'string', minLength: 1 } },
          additionalProperties: false,
        },
        default: [],
      },
    },
    additionalProperties: false,
  },
  evaluateStack(stack, config, context) {
    const environments = stack.ofType(AGENT_TYPES[0]);
    const agents = environments.length > 0 ? environments : stack.ofType(AGENT_TYPES[1]);
    // A stack without our components is still checked when the config names the agent or its artifacts.
    const configured = config.agent !== undefined || config.artifacts.length > 0;
    if (agents.length === 0 && !configured) return [];
    if (agents.length === 0) {
      return verdict(
        context.verification(config.agent),
        config,
        `agent ${show(config.agent ?? 'of this stack')} supply chain`,
        config.agent,
        [],
        (message) => ({ message }),
      );
    }
    return agents.flatMap((agent) => {
      const name = config.agent ?? agent.name;
      return verdict(context.verification(name), config, `${label(agent)} supply chain`, name, referenced(agent), (message) =>
        violation(agent, message),
      );
    });
  },
};

/** The report's verdict for one agent: present, for this agent and manifest, nothing blocked, every artifact covered. */
function verdict(
  loaded: LoadedVerification,
  config: SupplyChainConfig,
  subject: string,
  expectedAgent: string | undefined,
  inputs: readonly ArtifactRef[],
  at: (message: string) => Violation,
): Violation[] {
  if (!loaded.ok) return [at(`${subject} must be verified before deploy (got ${loaded.problem})`)];
  const report = loaded.report;
  if (expectedAgent !== undefined && report.agent !== expectedAgent) {
    return [at(`${subject} must be verified for agent ${show(expectedAgent)} (got a report for ${show(report.agent)})`)];
  }
  const out: Violation[] = [];
  if (config.manifestDigest !== undefined && report.manifestDigest !== config.manifestDigest) {
    out.push(
      at(
        `${subject} must be verified against the current manifest ${config.manifestDigest} (got a stale report for ${show(report.manifestDigest)})`,
      ),
    );
  }
  // A report judged under another trust policy (say, before it was tightened) is stale too.
  if (config.trustPolicyDigest !== undefined && report.trustPolicyDigest !== config.trustPolicyDigest) {
    out.push(
      at(
        `${subject} must be verified under the current trust policy ${config.trustPolicyDigest} (got a stale report for ${show(report.trustPolicyDigest)})`,
      ),
    );
  }
  for (const result of report.results) {
    if (result.status === 'blocked') {
      out.push(
        at(
          `${result.kind} ${show(result.name)} must pass supply-chain verification (got blocked ${result.reason ?? 'ERROR'}: ${result.message})`,
        ),
      );
    }
  }
  // Every artifact the agent references (component inputs, or the manifest via config) needs a result.
  const refs = [...inputs, ...config.artifacts].filter(
    (ref, i, all) => all.findIndex((r) => r.kind === ref.kind && r.name === ref.name) === i,
  );
  for (const ref of refs) {
    if (!report.results.some((r) => r.kind === ref.kind && r.name === ref.name)) {
      out.push(at(`${ref.kind} ${show(ref.name)} must have a verification result (got none in ${loaded.source})`));
    }
  }
  return out;
}

export const supplyChainRules = [supplyChainVerified] as const;
