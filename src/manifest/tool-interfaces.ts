/**
 * Semantic checks of the tools' MCP interfaces, conditions and authorization tests: what their
 * JSON Schema cannot say (references between fields, targets and the rest of the manifest). The
 * Cedar they compile to is checked by the Cedar engine (`src/cedar`), not here.
 */
import type { LocatedError } from './errors.js';
import { errorAt, type Source } from './source.js';
import type { AgentManifest } from './types.js';

/** Errors of the tools' `mcp` and `conditions` blocks and of `authorizationTests`. */
export function toolInterfaceErrors(source: Source, manifest: AgentManifest): LocatedError[] {
  const errors: LocatedError[] = [];
  const apis = new Set(manifest.apis.map((api) => api.name));
  const plugins = new Set(manifest.plugins.flatMap((plugin) => ('name' in plugin ? [plugin.name] : [])));
  const actions = new Map<string, number>();
  manifest.tools.forEach((tool, i) => {
    const mcp = tool.mcp;
    const props = mcp?.inputSchema.properties ?? {};
    if (mcp !== undefined) {
      const target = mcp.target;
      // A Lambda target runs in the agent's own account and region.
      if ('lambda' in target) {
        const [, , , region, account] = target.lambda.split(':');
        if (account !== manifest.identity.account || region !== manifest.identity.region) {
          errors.push(
            errorAt(
              source,
              ['tools', i, 'mcp', 'target', 'lambda'],
              'TARGET_FOREIGN',
              `tools[${i}].mcp.target.lambda must be a function in the agent's account ${manifest.identity.account} and region ${manifest.identity.region} (got ${target.lambda})`,
            ),
          );
        }
      }
      // An OpenAPI operation comes from a signed API descriptor the manifest declares.
      if ('openApi' in target && !apis.has(target.openApi.api)) {
        errors.push(
          errorAt(
            source,
            ['tools', i, 'mcp', 'target', 'openApi', 'api'],
            'TARGET_UNDECLARED',
            `tools[${i}].mcp.target.openApi.api must name an entry of apis (got ${JSON.stringify(target.openApi.api)})`,
          ),
        );
      }
      // An MCP server is a verified plugin the manifest declares.
      // (A lockfile entry may hold it: its packages are verified one by one.)
      const lockfiles = manifest.plugins.some((plugin) => 'lockfile' in plugin);
      if ('mcpServer' in target && !lockfiles && !plugins.has(target.mcpServer.plugin)) {
        errors.push(
          errorAt(
            source,
            ['tools', i, 'mcp', 'target', 'mcpServer', 'plugin'],
            'TARGET_UNDECLARED',
            `tools[${i}].mcp.target.mcpServer.plugin must name an entry of plugins (got ${JSON.stringify(target.mcpServer.plugin)})`,
          ),
        );
      }
      const key = `${'openApi' in target ? target.openApi.api : 'mcpServer' in target ? target.mcpServer.plugin : tool.name}\0${mcp.toolName}`;
      if (actions.has(key)) {
        errors.push(
          errorAt(
            source,
            ['tools', i, 'mcp', 'toolName'],
            'TOOL_NAME_REPEATED',
            `tools[${i}].mcp.toolName must be unique on its target (got ${mcp.toolName}, also tools[${actions.get(key)}])`,
          ),
        );
      } else actions.set(key, i);
      (mcp.inputSchema.required ?? []).forEach((field, j) => {
        if (props[field] === undefined)
          errors.push(
            errorAt(
              source,
              ['tools', i, 'mcp', 'inputSchema', 'required', j],
              'FIELD_UNKNOWN',
              `tools[${i}].mcp.inputSchema.required[${j}] must name a property (got ${field})`,
            ),
          );
      });
      for (const [field, property] of Object.entries(props)) {
        if (property.enum !== undefined && property.type !== 'string') {
          errors.push(
            errorAt(
              source,
              ['tools', i, 'mcp', 'inputSchema', 'properties', field, 'enum'],
              'FIELD_TYPE',
              `tools[${i}].mcp.inputSchema.properties.${field}.enum needs type string (got ${property.type})`,
            ),
          );
        }
        if ((property.items !== undefined) !== (property.type === 'array')) {
          errors.push(
            errorAt(
              source,
              ['tools', i, 'mcp', 'inputSchema', 'properties', field],
              'FIELD_TYPE',
              `tools[${i}].mcp.inputSchema.properties.${field} must have items exactly when its type is array (got type ${property.type})`,
            ),
          );
        }
      }
    }
    const c = tool.conditions;
    if (c === undefined) return;
    if (mcp === undefined) {
      errors.push(
        errorAt(
          source,
          ['tools', i, 'conditions'],
          'CONDITIONS_WITHOUT_MCP',
          `tools[${i}].conditions needs tools[${i}].mcp (the gateway enforces conditions only on the tools it exposes)`,
        ),
      );
      return;
    }
    const fieldOf = (kind: string, field: string, types: readonly string[]): void => {
      const property = props[field];
      if (property === undefined)
        errors.push(
          errorAt(
            source,
            ['tools', i, 'conditions', kind, field],
            'FIELD_UNKNOWN',
            `tools[${i}].conditions.${kind}.${field} must name an input property (got ${field})`,
            'key',
          ),
        );
      else if (!types.includes(property.type))
        errors.push(
          errorAt(
            source,
            ['tools', i, 'conditions', kind, field],
            'FIELD_TYPE',
            `tools[${i}].conditions.${kind}.${field} needs a field of type ${types.join(' or ')} (got ${property.type})`,
            'key',
          ),
        );
    };
    for (const [field, bound] of Object.entries(c.limits ?? {})) {
      fieldOf('limits', field, ['integer', 'number']);
      if (bound.min !== undefined && bound.max !== undefined && bound.min > bound.max) {
        errors.push(
          errorAt(
            source,
            ['tools', i, 'conditions', 'limits', field],
            'LIMITS_EMPTY',
            `tools[${i}].conditions.limits.${field} must have min <= max (got ${bound.min} > ${bound.max})`,
          ),
        );
      }
    }
    for (const field of Object.keys(c.allowedValues ?? {})) fieldOf('allowedValues', field, ['string']);
    (c.requiredFields ?? []).forEach((field, j) => {
      if (props[field] === undefined)
        errors.push(
          errorAt(
            source,
            ['tools', i, 'conditions', 'requiredFields', j],
            'FIELD_UNKNOWN',
            `tools[${i}].conditions.requiredFields[${j}] must name an input property (got ${field})`,
          ),
        );
    });
  });
  const exposed = new Set(manifest.tools.filter((tool) => tool.mcp !== undefined).map((tool) => tool.name));
  (manifest.authorizationTests ?? []).forEach((test, i) => {
    if (!exposed.has(test.tool)) {
      errors.push(
        errorAt(
          source,
          ['authorizationTests', i, 'tool'],
          'TEST_TOOL_UNKNOWN',
          `authorizationTests[${i}].tool must name a tool with an mcp interface (got ${JSON.stringify(test.tool)})`,
        ),
      );
    }
  });
  return errors;
}
