/**
 * What an AgentEnvironment records about its agent for the rules, as the component's input
 * `agentfence` (so `pulumi preview --json` carries it in the component's inputs, and the state in its
 * outputs): the agent, its role, the kill switch and every declared tool with risk and approval.
 * `check --preview`, `--state` and the pack enforce the approval gate and the effective permissions
 * from it, without `--config`.
 */
import type { PlannedResource, StackView } from '../types.js';
import { isRecord } from '../values.js';

export const AGENT_ENVIRONMENT = 'agentfence:aws:AgentEnvironment';

/** One declared tool as recorded. */
export interface RecordedTool {
  readonly name: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly risk: 'low' | 'high';
  readonly approval: 'required' | 'none';
}

/** The recorded metadata, version 1. */
export interface AgentMetadata {
  readonly version: 1;
  readonly agent: string;
  /** IAM name of the agent's role. */
  readonly roleName: string;
  readonly paused: boolean;
  readonly tools: readonly RecordedTool[];
}

/** Builds the metadata an AgentEnvironment records. */
export function buildAgentMetadata(input: Omit<AgentMetadata, 'version'>): AgentMetadata {
  return {
    version: 1,
    agent: input.agent,
    roleName: input.roleName,
    paused: input.paused,
    tools: input.tools.map((tool) => ({
      name: tool.name,
      actions: [...tool.actions],
      resources: [...tool.resources],
      risk: tool.risk,
      approval: tool.approval,
    })),
  };
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The metadata of one AgentEnvironment resource: the value, absent, or invalid with the reason. */
export function readAgentMetadata(
  resource: PlannedResource,
): { kind: 'value'; value: AgentMetadata } | { kind: 'absent' } | { kind: 'invalid'; reason: string } {
  const raw = resource.props['agentfence'];
  if (raw === undefined) return { kind: 'absent' };
  if (!isRecord(raw) || raw['version'] !== 1) return { kind: 'invalid', reason: 'agentfence metadata must be an object of version 1' };
  const { agent, roleName, paused, tools } = raw;
  if (typeof agent !== 'string' || typeof roleName !== 'string' || typeof paused !== 'boolean' || !Array.isArray(tools)) {
    return { kind: 'invalid', reason: 'agentfence metadata must hold agent, roleName, paused and tools' };
  }
  const parsed: RecordedTool[] = [];
  for (const tool of tools) {
    if (
      !isRecord(tool) ||
      typeof tool['name'] !== 'string' ||
      !strings(tool['actions']) ||
      !strings(tool['resources']) ||
      (tool['risk'] !== 'low' && tool['risk'] !== 'high') ||
      (tool['approval'] !== 'required' && tool['approval'] !== 'none')
    ) {
      return { kind: 'invalid', reason: 'each recorded tool must hold name, actions, resources, risk and approval' };
    }
    parsed.push({
      name: tool['name'],
      actions: tool['actions'],
      resources: tool['resources'],
      risk: tool['risk'],
      approval: tool['approval'],
    });
  }
  return { kind: 'value', value: { version: 1, agent, roleName, paused, tools: parsed } };
}

/** Whether a recorded tool goes through its approval gate (as the components decide). */
export function isGatedTool(tool: Pick<RecordedTool, 'risk' | 'approval'>): boolean {
  return tool.approval === 'required' || tool.risk === 'high';
}

/** Every AgentEnvironment of the stack with readable metadata. */
export function agentEnvironments(stack: StackView): { resource: PlannedResource; metadata: ReturnType<typeof readAgentMetadata> }[] {
  return stack.ofType(AGENT_ENVIRONMENT).map((resource) => ({ resource, metadata: readAgentMetadata(resource) }));
}
