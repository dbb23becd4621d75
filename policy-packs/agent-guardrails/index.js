// The agent-guardrails CrossGuard pack: `pulumi preview|up --policy-pack policy-packs/agent-guardrails`,
// or `pulumi policy publish` from this folder. Self-contained: it needs only the agentfence package
// (package.json), whose `agentfence/policy-pack` entry holds every guardrail rule. Mandatory for
// least privilege, data protection, network and supply chain; advisory for tags and monitoring;
// every level and rule config overridable with `--policy-pack-config` ({all, "<rule-id>": ...}).
import { AgentGuardrails } from 'agentfence/policy-pack';

new AgentGuardrails();
