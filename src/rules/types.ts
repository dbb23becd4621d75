/**
 * Guardrail rules: pure functions over one planned resource `(type, props)` or over the whole
 * stack, returning findings. No Pulumi import: the CrossGuard pack and `agentfence check` both
 * adapt these.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type EnforcementLevel = 'mandatory' | 'advisory' | 'disabled';
export type Pillar =
  | 'identity'
  | 'least-privilege'
  | 'data-protection'
  | 'network'
  | 'monitoring'
  | 'supply-chain'
  | 'human-oversight';

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
