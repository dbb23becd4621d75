/**
 * The guardrails as a library for an organisation's own CrossGuard pack, the way `@pulumi/awsguard`
 * is used:
 *
 *   import { AgentGuardrails } from 'agentfence/policy-pack';
 *   new AgentGuardrails({ all: 'mandatory', 'agent-required-tags': 'advisory' });
 *
 * One policy per guardrail rule (same ids, levels, config schemas and messages as `agentfence
 * check`), each with a `url` to its documentation. The config is CrossGuard's own
 * `{all, "<rule-id>": level | {enforcementLevel, ...config}}` shape, and `--policy-pack-config`
 * still overrides it.
 */
import { PolicyPack, type PolicyPackConfig } from '@pulumi/policy';
import { toPolicies, type PolicyOptions } from '../../policy-packs/agent-guardrails/policies.js';
import { rules } from '../rules/index.js';

export { toPolicies, type PolicyOptions };

/** Options beyond the rule config: the pack's name and where relative rule-config paths resolve. */
export interface AgentGuardrailsOptions extends PolicyOptions {
  /** The pack name Pulumi shows and `pulumi policy publish` registers (default `agent-guardrails`). */
  readonly name?: string;
  readonly description?: string;
}

const RULE_IDS = new Set(rules.map((rule) => rule.id));

type Level = 'advisory' | 'mandatory' | 'remediate' | 'disabled';

/** The level a config entry sets: the string itself or its `enforcementLevel`. */
function levelOf(entry: unknown): Level | undefined {
  const level =
    typeof entry === 'string'
      ? entry
      : typeof entry === 'object' && entry !== null
        ? (entry as { enforcementLevel?: unknown }).enforcementLevel
        : undefined;
  return level === 'advisory' || level === 'mandatory' || level === 'remediate' || level === 'disabled' ? level : undefined;
}

/**
 * A CrossGuard policy pack of every agentfence guardrail rule. Constructing it starts the pack's
 * Analyzer server, as `new PolicyPack` does; construct one per process.
 * @throws Error for a config key that names no rule (a typo would silently keep the default).
 */
export class AgentGuardrails extends PolicyPack {
  constructor(config: PolicyPackConfig = {}, options: AgentGuardrailsOptions = {}) {
    const unknown = Object.keys(config).filter((key) => key !== 'all' && !RULE_IDS.has(key));
    if (unknown.length > 0) {
      throw new Error(
        `AgentGuardrails config keys must be "all" or rule ids (got ${unknown.map((k) => JSON.stringify(k)).join(', ')}); see the rule catalogue in docs/rules.md`,
      );
    }
    super(
      options.name ?? 'agent-guardrails',
      {
        description:
          options.description ??
          'agentfence guardrails: fences AI agents on AWS (identity, least privilege, data protection, network, monitoring, supply chain).',
        displayName: 'agentfence agent guardrails',
        enforcementLevel: 'mandatory',
        // the levels are applied to the policies themselves (as awsguard does), so the pack lists
        // what it enforces; the config also goes to the engine for rule properties and `all`
        policies: toPolicies(options.baseDir === undefined ? {} : { baseDir: options.baseDir }).map((policy) => {
          const level = levelOf(config[policy.name]) ?? levelOf(config['all']);
          return level === undefined ? policy : { ...policy, enforcementLevel: level };
        }),
      },
      config,
    );
  }
}
