/**
 * The guardrail rules as CrossGuard policies: one resource policy per resource rule, one stack
 * policy per stack rule, same ids, levels, severities and messages as `agentfence check`. Kept
 * apart from `index.ts` (which starts the gRPC server) so tests can import it.
 */
import path from 'node:path';
import type {
  Policies,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';
import { RULE_DOCS_URL, ruleAnchor } from '../../src/cli/sarif.js';
import { present } from '../../src/invariant.js';
import { findProjectRoot } from '../../src/manifest/resolve.js';
import { createStackView, resolveRuleConfig, rules as catalogue } from '../../src/rules/index.js';
import type { PlannedResource, ResourceRule, Rule, RuleContext, StackRule, Violation } from '../../src/rules/index.js';
import { stackOfUrn, stackReportLookup } from '../../src/verify/report.js';

/** The proxy key under which `@pulumi/policy` exposes the raw props (unknowns as sentinels). */
const PROXY_TARGET = '__getSpecialProxyTarget';

/** The raw props behind the SDK's unknown-checking proxy, so rules can report unknowns themselves. */
function rawProps(props: unknown): Record<string, unknown> {
  if (props === null || typeof props !== 'object') return {};
  const target = (props as Record<string, unknown>)[PROXY_TARGET];
  return (target ?? props) as Record<string, unknown>;
}

export interface PolicyOptions {
  /** Project root whose `.agentfence/<stack>/verification.json` the supply-chain rules read. Defaults to AGENTFENCE_ROOT, else the project above the pack. */
  readonly baseDir?: string;
}

/** The rule context of one validation: the verdict of the stack the resource belongs to (its URN names it). */
type ContextOf = (urn: string | undefined) => RuleContext;

function defaultBaseDir(): string {
  const fromEnv = process.env['AGENTFENCE_ROOT'];
  // Pulumi runs a pack in its own folder: the project is the nearest one above it
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : findProjectRoot(process.cwd());
}

function toConfigSchema(rule: Rule): PolicyConfigSchema | undefined {
  const schema = rule.configSchema;
  if (schema === undefined) return undefined;
  return { properties: schema['properties'] as PolicyConfigSchema['properties'] };
}

/** Reports a violation; one that rests on a value unknown during preview is advisory, as CrossGuard's own unknown handling is. */
function report(reportViolation: ReportViolation, violation: Violation, urn?: string): void {
  if (violation.unknown === true) {
    // The SDK accepts a violation object with its own level (server.js makeReportViolationFun).
    (reportViolation as unknown as (v: { message: string; urn?: string; enforcementLevel: 'advisory' }) => void)({
      message: violation.message,
      ...(urn === undefined ? {} : { urn }),
      enforcementLevel: 'advisory',
    });
    return;
  }
  reportViolation(violation.message, urn);
}

function common(rule: Rule) {
  const schema = toConfigSchema(rule);
  return {
    name: rule.id,
    description: rule.description,
    displayName: rule.title,
    enforcementLevel: rule.defaultEnforcement,
    severity: rule.severity,
    tags: [
      rule.pillar,
      ...rule.owasp.map((threat) => present(threat.split(' ')[0], 'OWASP threat id')),
      ...(rule.checkov === undefined ? [] : [rule.checkov]),
    ],
    remediationSteps: rule.remediation,
    url: `${RULE_DOCS_URL}#${ruleAnchor(rule.id)}`,
    ...(schema === undefined ? {} : { configSchema: schema }),
  };
}

function resourcePolicy(rule: ResourceRule, contextOf: ContextOf): ResourceValidationPolicy {
  const types = new Set(rule.types);
  return {
    ...common(rule),
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      if (!types.has(args.type)) return;
      const resource: PlannedResource = {
        urn: args.urn,
        type: args.type,
        name: args.name,
        props: rawProps(args.props),
        ...(args.opts.parent === undefined ? {} : { parent: args.opts.parent }),
        protect: args.opts.protect,
      };
      const config = resolveRuleConfig(rule, args.getConfig<Record<string, unknown>>());
      for (const violation of rule.evaluate(resource, config, contextOf(args.urn))) report(reportViolation, violation);
    },
  };
}

function toPlanned(resource: PolicyResource): PlannedResource {
  return {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    props: rawProps(resource.props),
    ...(resource.parent === undefined ? {} : { parent: resource.parent.urn }),
    protect: resource.opts.protect,
    // what each property refers to, even while its value is unknown: the graph rules follow it
    dependencies: Object.fromEntries(
      Object.entries(resource.propertyDependencies).map(([key, list]) => [key, list.map((dependency) => dependency.urn)]),
    ),
  };
}

function stackPolicy(rule: StackRule, contextOf: ContextOf): StackValidationPolicy {
  return {
    ...common(rule),
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
      const view = createStackView(args.resources.map(toPlanned));
      const config = resolveRuleConfig(rule, args.getConfig<Record<string, unknown>>());
      for (const violation of rule.evaluateStack(view, config, contextOf(args.resources[0]?.urn)))
        report(reportViolation, violation, violation.urn);
    },
  };
}

/** Every guardrail rule as a CrossGuard policy. */
export function toPolicies(options: PolicyOptions = {}, rules: readonly Rule[] = catalogue): Policies {
  const root = path.resolve(options.baseDir ?? defaultBaseDir());
  // The pack knows its stack, not a report: it reads that stack's own report file, on demand.
  const contextOf: ContextOf = (urn) => ({ verification: stackReportLookup(root, stackOfUrn(urn)) });
  return rules.map((rule) => (rule.kind === 'resource' ? resourcePolicy(rule, contextOf) : stackPolicy(rule, contextOf)));
}
