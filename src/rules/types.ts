/**
 * Guardrail rules: pure functions over one planned resource `(type, props)` or over the whole
 * stack, returning findings. No Pulumi import: the CrossGuard pack and `agentfence check` both
 * adapt these.
 */
import type { VerificationReport } from '../verify/types.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type EnforcementLevel = 'mandatory' | 'advisory' | 'disabled';
export type Pillar = 'identity' | 'least-privilege' | 'data-protection' | 'network' | 'monitoring' | 'supply-chain' | 'human-oversight';

/** One planned or deployed resource, as the rules see it. */
export interface PlannedResource {
  readonly urn: string;
  /** Pulumi type token, e.g. `aws:iam/role:Role` or `agentfence:aws:AgentIdentity`. */
  readonly type: string;
  readonly name: string;
  /** Inputs (preview) or outputs (state); may hold the unknown sentinel or `[secret]`. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly parent?: string;
  /** `protect` and `retainOnDelete`, where the source knows them. */
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  /**
   * URNs each top-level property depends on (Pulumi's `propertyDependencies`), where the source has
   * them: how a reference unknown before deploy is still followed to the resource it names.
   */
  readonly dependencies?: Readonly<Record<string, readonly string[]>>;
}

/** A rule's verdict on one resource (or the stack). */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly enforcementLevel: EnforcementLevel;
  /** "X must Y (got Z)". */
  readonly message: string;
  readonly urn?: string;
  readonly resourceType?: string;
  /** Whether the finding comes from a value unknown before deploy. */
  readonly unknown?: boolean;
}

/** A JSON Schema (draft-07, as CrossGuard's `configSchema` uses) for a rule's configuration. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A rule's configuration after defaults from its schema are applied. */
export type RuleConfig = Readonly<Record<string, unknown>>;

/** What a rule reports; the runner adds the rule id, severity and enforcement level. */
export interface Violation {
  /** "X must Y (got Z)". */
  readonly message: string;
  readonly urn?: string;
  readonly resourceType?: string;
  /** The verdict depends on a value unknown before deploy. */
  readonly unknown?: boolean;
}

/** An agent's supply-chain verdict as a rule receives it: the report, or why there is none. */
export type LoadedVerification =
  | { readonly ok: true; readonly report: VerificationReport; /** Names the report in messages, e.g. its file. */ readonly source: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Answers the verdict for an agent (its manifest name, when the rule knows it). The CLI answers
 * the report it holds; the policy pack reads the stack's own report file.
 */
export type VerificationLookup = (agent: string | undefined) => LoadedVerification;

/** Inputs a rule may need beyond the resources, as data: rules read no files. */
export interface RuleContext {
  /** The supply-chain verdict the supply-chain and firewall rules judge against. */
  readonly verification: VerificationLookup;
}

/** What every rule declares about itself; the catalogue, SARIF and the pack read it. */
export interface RuleMetadata {
  /** Stable kebab-case id; also the CrossGuard policy name and the config key. */
  readonly id: string;
  readonly title: string;
  /** "Checks whether ...". */
  readonly description: string;
  readonly severity: Severity;
  readonly pillar: Pillar;
  /** OWASP agentic threats it mitigates, e.g. `ASI03 Identity & Privilege Abuse`. */
  readonly owasp: readonly string[];
  /** The matching Checkov check, where one exists. */
  readonly checkov?: string;
  readonly defaultEnforcement: EnforcementLevel;
  /** JSON Schema of the rule's config (object with defaults); absent when not configurable. */
  readonly configSchema?: JsonSchema;
  /** One sentence on how to fix a finding. */
  readonly remediation: string;
}

/** A rule over one resource at a time (a CrossGuard resource policy). */
export interface ResourceRule<C extends RuleConfig = RuleConfig> extends RuleMetadata {
  readonly kind: 'resource';
  /** Pulumi type tokens the rule applies to. */
  readonly types: readonly string[];
  evaluate(resource: PlannedResource, config: C, context: RuleContext): readonly Violation[];
}

/** A rule over the whole stack (a CrossGuard stack policy). */
export interface StackRule<C extends RuleConfig = RuleConfig> extends RuleMetadata {
  readonly kind: 'stack';
  evaluateStack(stack: StackView, config: C, context: RuleContext): readonly Violation[];
}

export type Rule = ResourceRule | StackRule;

/** The stack as stack rules see it: every resource, indexed once. */
export interface StackView {
  readonly resources: readonly PlannedResource[];
  ofType(...types: string[]): readonly PlannedResource[];
  byUrn(urn: string): PlannedResource | undefined;
}
