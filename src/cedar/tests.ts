/**
 * The manifest's authorization tests, run with the real engine against the generated policies: each
 * call's decision must equal the expected one. A test with `paused: true` runs against the policies
 * of the paused agent (with the kill switch).
 */
import type { AgentManifest } from '../manifest/types.js';
import { authorizeCall, buildGatewayCedar, type CallDecision, type GatewayCedar } from './gateway.js';

/** The outcome of one authorization test. */
export interface AuthorizationTestResult {
  readonly index: number;
  readonly name: string;
  readonly tool: string;
  readonly expected: 'allow' | 'deny';
  readonly got: CallDecision;
  readonly passed: boolean;
}

/** Runs every authorization test of the manifest; `base` is the unpaused gateway Cedar (built when absent). */
export function runAuthorizationTests(manifest: AgentManifest, base?: GatewayCedar): AuthorizationTestResult[] {
  const running = base ?? buildGatewayCedar(manifest);
  let paused: GatewayCedar | undefined;
  let unpaused: GatewayCedar | undefined;
  return (manifest.authorizationTests ?? []).map((test, index) => {
    const wantsPaused = test.paused ?? manifest.paused === true;
    let cedar = running;
    if (wantsPaused !== running.policies.some((policy) => policy.role === 'kill-switch')) {
      cedar = wantsPaused
        ? (paused ??= buildGatewayCedar(manifest, { gatewayArn: running.gatewayArn, paused: true }))
        : (unpaused ??= buildGatewayCedar(manifest, { gatewayArn: running.gatewayArn, paused: false }));
    }
    const got = authorizeCall(cedar, { tool: test.tool, input: test.input, ...(test.claims !== undefined ? { claims: test.claims } : {}) });
    return { index, name: test.name, tool: test.tool, expected: test.expect, got, passed: got.decision === test.expect };
  });
}

/** What the reviewer's report shows per gateway tool: its action, its Cedar policies and its tests. */
export interface ToolPolicyView {
  readonly tool: string;
  readonly risk: 'low' | 'high';
  readonly action: string;
  readonly target: string;
  readonly policies: readonly { readonly id: string; readonly effect: 'permit' | 'forbid'; readonly text: string }[];
  readonly tests: readonly {
    readonly name: string;
    readonly expected: 'allow' | 'deny';
    readonly got: 'allow' | 'deny';
    readonly passed: boolean;
    readonly decidedBy: readonly string[];
  }[];
}

/** The per-tool view of the generated policies (running agent) and the manifest's tests, for the report. */
export function toolPolicyViews(manifest: AgentManifest): ToolPolicyView[] {
  const cedar = buildGatewayCedar(manifest, { paused: false });
  const results = runAuthorizationTests(manifest, cedar);
  return cedar.tools.map((entry) => ({
    tool: entry.tool.name,
    risk: entry.tool.risk,
    action: entry.action,
    target: entry.target,
    policies: cedar.policies
      .filter((policy) => policy.tool === entry.tool.name)
      .map((policy) => ({ id: policy.id, effect: policy.effect, text: policy.text })),
    tests: results
      .filter((result) => result.tool === entry.tool.name)
      .map((result) => ({
        name: result.name,
        expected: result.expected,
        got: result.got.decision,
        passed: result.passed,
        decidedBy: result.got.policies,
      })),
  }));
}
