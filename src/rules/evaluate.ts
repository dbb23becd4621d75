/**
 * Running the rules: the catalogue, pack-style configuration (`{all: level, "<rule-id>": level |
 * {enforcementLevel, ...config}}`, validated with ajv against each rule's schema, defaults filled),
 * and one pass over the resources that turns violations into findings.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import { present } from '../invariant.js';
import { agentcoreRules } from './agentcore.js';
import { dataProtectionRules } from './data-protection.js';
import { identityRules } from './identity.js';
import { leastPrivilegeRules } from './least-privilege.js';
import { monitoringRules } from './monitoring.js';
import { networkRules } from './network.js';
import { createStackView } from './violations.js';
import { supplyChainRules } from './supply-chain.js';
import type {
  EnforcementLevel,
  Finding,
  PlannedResource,
  ResourceRule,
  Rule,
  RuleConfig,
  RuleContext,
  VerificationLookup,
  Violation,
} from './types.js';
import { noVerification } from './verification.js';
import { isRecord } from './values.js';

/** Every guardrail rule, in a stable order. */
export const rules: readonly Rule[] = [
  ...identityRules,
  ...leastPrivilegeRules,
  ...dataProtectionRules,
  ...networkRules,
  ...monitoringRules,
  ...supplyChainRules,
  ...agentcoreRules,
];

const LEVELS: readonly EnforcementLevel[] = ['mandatory', 'advisory', 'disabled'];

/** Pack-style configuration, as `pulumi --policy-pack-config` and `agentfence check --config` take it. */
export type PackConfig = Readonly<Record<string, unknown>>;

/** A rule with its effective enforcement level and config. */
export interface RuleSetting {
  readonly rule: Rule;
  readonly enforcementLevel: EnforcementLevel;
  readonly config: RuleConfig;
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validators = new WeakMap<Rule, ValidateFunction>();

function validatorFor(rule: Rule): ValidateFunction | undefined {
  if (rule.configSchema === undefined) return undefined;
  let validate = validators.get(rule);
  if (validate === undefined) {
    validate = ajv.compile(rule.configSchema);
    validators.set(rule, validate);
  }
  return validate;
}

function assertLevel(value: unknown, where: string): EnforcementLevel {
  if (typeof value === 'string' && (LEVELS as readonly string[]).includes(value)) return value as EnforcementLevel;
  throw new ConfigError('RULE_CONFIG_INVALID', `${where} must be one of ${LEVELS.join('|')} (got ${JSON.stringify(value)})`);
}

/**
 * Validates one rule's config and fills its schema defaults.
 * @throws ConfigError RULE_CONFIG_INVALID when the config does not match the rule's schema.
 */
export function resolveRuleConfig(rule: Rule, raw: Readonly<Record<string, unknown>> = {}): RuleConfig {
  const config: Record<string, unknown> = structuredClone({ ...raw });
  const validate = validatorFor(rule);
  if (validate === undefined) {
    const keys = Object.keys(config);
    if (keys.length > 0) throw new ConfigError('RULE_CONFIG_INVALID', `rule ${rule.id} takes no configuration (got ${keys.join(', ')})`);
    return config;
  }
  if (!validate(config)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
    throw new ConfigError('RULE_CONFIG_INVALID', `config of rule ${rule.id} must match its schema (got ${errors})`);
  }
  return config;
}

/**
 * Resolves pack-style configuration into one setting per rule.
 * @throws ConfigError RULE_CONFIG_INVALID on an unknown rule id, a bad level or a config that fails the rule's schema.
 */
export function resolveSettings(config: PackConfig = {}, catalogue: readonly Rule[] = rules): RuleSetting[] {
  if (!isRecord(config)) throw new ConfigError('RULE_CONFIG_INVALID', 'rule configuration must be a JSON object');
  const known = new Map(catalogue.map((rule) => [rule.id, rule]));
  for (const key of Object.keys(config)) {
    if (key !== 'all' && !known.has(key)) {
      throw new ConfigError(
        'RULE_CONFIG_INVALID',
        `rule configuration names rule ${JSON.stringify(key)}, which must be one of all, ${[...known.keys()].join(', ')}`,
      );
    }
  }
  const all = config['all'] === undefined ? undefined : assertLevel(config['all'], 'config "all"');
  return catalogue.map((rule) => {
    const entry = config[rule.id];
    let level = all ?? rule.defaultEnforcement;
    let raw: Record<string, unknown> = {};
    if (typeof entry === 'string') {
      level = assertLevel(entry, `config "${rule.id}"`);
    } else if (isRecord(entry)) {
      const { enforcementLevel, ...rest } = entry;
      if (enforcementLevel !== undefined) level = assertLevel(enforcementLevel, `config "${rule.id}".enforcementLevel`);
      raw = rest;
    } else if (entry !== undefined) {
      throw new ConfigError('RULE_CONFIG_INVALID', `config "${rule.id}" must be a level or an object (got ${JSON.stringify(entry)})`);
    }
    return { rule, enforcementLevel: level, config: resolveRuleConfig(rule, raw) };
  });
}

export interface EvaluateOptions {
  /** Pack-style overrides of levels and configs. */
  readonly config?: PackConfig;
  /** The supply-chain verdict for the rules that judge against it. Defaults to "no report" (they block). */
  readonly verification?: VerificationLookup;
  /** Report findings that rest on unknown values at `advisory` instead of the rule's level. Defaults to false (fail closed). */
  readonly unknownAsAdvisory?: boolean;
  /** The rules to run. Defaults to the whole catalogue. */
  readonly rules?: readonly Rule[];
}

export interface Evaluation {
  readonly findings: readonly Finding[];
  readonly settings: readonly RuleSetting[];
  readonly resourceCount: number;
}

function toFinding(setting: RuleSetting, violation: Violation, unknownAsAdvisory: boolean): Finding {
  const level = violation.unknown === true && unknownAsAdvisory ? 'advisory' : setting.enforcementLevel;
  return {
    ruleId: setting.rule.id,
    severity: setting.rule.severity,
    enforcementLevel: level,
    message: violation.message,
    ...(violation.urn === undefined ? {} : { urn: violation.urn }),
    ...(violation.resourceType === undefined ? {} : { resourceType: violation.resourceType }),
    ...(violation.unknown === true ? { unknown: true } : {}),
  };
}

/**
 * Runs every enabled rule over the resources: resource rules on the types they declare, stack
 * rules once. Findings come back in rule order, then resource order.
 * @throws ConfigError RULE_CONFIG_INVALID on bad configuration.
 */
export function evaluateRules(resources: readonly PlannedResource[], options: EvaluateOptions = {}): Evaluation {
  const settings = resolveSettings(options.config ?? {}, options.rules ?? rules);
  const context: RuleContext = { verification: options.verification ?? noVerification };
  const unknownAsAdvisory = options.unknownAsAdvisory === true;
  const enabled = settings.filter((s) => s.enforcementLevel !== 'disabled');
  const byType = new Map<string, RuleSetting[]>();
  for (const setting of enabled) {
    if (setting.rule.kind !== 'resource') continue;
    for (const type of setting.rule.types) byType.set(type, [...(byType.get(type) ?? []), setting]);
  }
  const perRule = new Map<RuleSetting, Finding[]>(enabled.map((s) => [s, []]));
  for (const resource of resources) {
    for (const setting of byType.get(resource.type) ?? []) {
      const rule = setting.rule as ResourceRule;
      const found = present(perRule.get(setting), 'the findings of an enabled rule');
      for (const v of rule.evaluate(resource, setting.config, context)) found.push(toFinding(setting, v, unknownAsAdvisory));
    }
  }
  const stack = createStackView(resources);
  for (const setting of enabled) {
    if (setting.rule.kind !== 'stack') continue;
    const found = present(perRule.get(setting), 'the findings of an enabled rule');
    for (const v of setting.rule.evaluateStack(stack, setting.config, context)) found.push(toFinding(setting, v, unknownAsAdvisory));
  }
  return { findings: enabled.flatMap((s) => perRule.get(s) ?? []), settings, resourceCount: resources.length };
}

/** Whether any finding blocks (is mandatory). */
export function isBlocked(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.enforcementLevel === 'mandatory');
}
