/**
 * The Pulumi program (`Pulumi.yaml` main): builds the fenced environment of the agent named by the
 * stack config `agentfence:manifest`. Run `pulumi up --stack <agent> --policy-pack
 * policy-packs/agent-guardrails` from the project root; `agentfence plan <agent>` runs the same
 * stack definition offline under mocks.
 */
import { defineAgentStack } from './plan/stack.js';

/** Pulumi calls the default export and publishes what it returns as stack outputs. */
export default function program(): ReturnType<typeof defineAgentStack> {
  return defineAgentStack(process.cwd());
}
