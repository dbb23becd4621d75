/**
 * Gateway targets and Cedar action names of a manifest's tools, the way AgentCore names them: one
 * target per Lambda tool (named after the tool), per API (OpenAPI operations share it) and per MCP
 * server plugin; a tool that needs approval is reachable only through its approval-gate target.
 * The action of a tool is `<target>___<toolName>` (three underscores).
 * See https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/policy-scope.html
 */
import { isGated } from '../components/aws/builders/least-privilege.js';
import type { AgentManifest, ToolInterfaceSpec, ToolSpec } from '../manifest/types.js';

/** How a gateway target reaches its tools. */
export type TargetKind = 'lambda' | 'openapi' | 'mcp-server' | 'approval-gate';

/** One tool as the gateway exposes it. */
export interface GatewayTool {
  /** The manifest tool. */
  readonly tool: ToolSpec & { readonly mcp: ToolInterfaceSpec };
  /** Index of the tool in `manifest.tools`. */
  readonly index: number;
  /** The gateway target the tool is reached through. */
  readonly target: string;
  readonly kind: TargetKind;
  /** The Cedar action id, `<target>___<toolName>`. */
  readonly action: string;
  /** True when a human approves each call: the target is the approval gate, never the tool itself. */
  readonly gated: boolean;
}

/** The separator AgentCore puts between a target name and a tool name. */
export const ACTION_SEPARATOR = '___';

/** An npm package name as a target name (letters, digits, single hyphens). */
export function pluginTargetName(plugin: string): string {
  return plugin
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** The gateway tools of a manifest, in manifest order; tools without an `mcp` interface are not exposed. */
export function gatewayTools(manifest: AgentManifest): GatewayTool[] {
  const out: GatewayTool[] = [];
  manifest.tools.forEach((tool, index) => {
    const mcp = tool.mcp;
    if (mcp === undefined) return;
    const gated = isGated(tool);
    let target: string;
    let kind: TargetKind;
    if (gated) {
      target = `${tool.name}-approval`;
      kind = 'approval-gate';
    } else if ('lambda' in mcp.target) {
      target = tool.name;
      kind = 'lambda';
    } else if ('openApi' in mcp.target) {
      target = mcp.target.openApi.api;
      kind = 'openapi';
    } else {
      target = pluginTargetName(mcp.target.mcpServer.plugin);
      kind = 'mcp-server';
    }
    out.push({ tool: { ...tool, mcp }, index, target, kind, action: `${target}${ACTION_SEPARATOR}${mcp.toolName}`, gated });
  });
  return out;
}
