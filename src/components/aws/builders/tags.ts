/** Resource tags: the agent, its owner and its risk tier on every agentfence resource, sorted by key. */

/** Tags every agentfence resource carries, so ownership and blast radius are visible in AWS. */
export interface AgentTagInput {
  readonly agent: string;
  readonly owner: string;
  readonly riskTier: string;
}

/** `agentfence:agent`, `agentfence:owner`, `agentfence:risk-tier` (+ extras), sorted by key. */
export function agentTags(input: AgentTagInput, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const tags: Record<string, string> = {
    'agentfence:agent': input.agent,
    'agentfence:owner': input.owner,
    'agentfence:risk-tier': input.riskTier,
    ...extra,
  };
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
