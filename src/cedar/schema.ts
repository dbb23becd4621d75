/**
 * The Cedar schema AgentCore derives from a gateway's MCP tool manifest, built from the agent
 * manifest: namespace `AgentCore`; principal `OAuthUser` (id from the JWT `sub`, claims as String
 * tags) for a JWT-authorized gateway or `IamEntity` (id = caller ARN, no tags) for AWS_IAM; resource
 * `Gateway`; one action per tool named `<target>___<tool>`, member of `CallTool` (itself in `Mcp`),
 * whose context is `{ input }` typed from the tool's input schema (string -> String, integer -> Long,
 * number -> decimal, boolean -> Bool, array -> Set).
 * See https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/policy-schema-constraints.html
 */
import type { ToolInputProperty, ToolInputSchema, ToolInputType } from '../manifest/types.js';
import type { GatewayTool } from './targets.js';

/** How callers authenticate to the gateway, which fixes the principal type. */
export type GatewayAuthorizer = 'oauth' | 'iam';

/** The principal entity type for each authorizer. */
export const PRINCIPAL_TYPE: Readonly<Record<GatewayAuthorizer, string>> = Object.freeze({
  oauth: 'AgentCore::OAuthUser',
  iam: 'AgentCore::IamEntity',
});

const CEDAR_TYPE: Readonly<Record<ToolInputType, string>> = Object.freeze({
  string: 'String',
  integer: 'Long',
  number: 'decimal',
  boolean: 'Bool',
});

/** The Cedar type of one input field. */
export function cedarTypeOf(property: ToolInputProperty): string {
  if (property.type === 'array') {
    if (property.items === undefined) return 'Set<String>';
    return `Set<${CEDAR_TYPE[property.items.type]}>`;
  }
  return CEDAR_TYPE[property.type];
}

/** The record type of a tool's `context.input`. */
export function inputRecordType(schema: ToolInputSchema): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties).map(
    ([name, property]) => `${JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${cedarTypeOf(property)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

/** The Cedar schema (human-readable syntax) of a gateway exposing `tools`. */
export function buildCedarSchema(tools: readonly GatewayTool[], authorizer: GatewayAuthorizer = 'oauth'): string {
  const principal = authorizer === 'oauth' ? 'OAuthUser' : 'IamEntity';
  const lines = [
    'namespace AgentCore {',
    authorizer === 'oauth' ? '  entity OAuthUser = { "id": String } tags String;' : '  entity IamEntity = { "id": String };',
    '  entity Gateway;',
    '  action "Mcp";',
    '  action "CallTool" in ["Mcp"];',
  ];
  for (const entry of tools) {
    lines.push(
      `  action ${JSON.stringify(entry.action)} in ["CallTool"] appliesTo { principal: [${principal}], resource: [Gateway], context: { "input": ${inputRecordType(entry.tool.mcp.inputSchema)} } };`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}
