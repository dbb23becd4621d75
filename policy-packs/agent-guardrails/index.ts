/**
 * The agent-guardrails CrossGuard pack: `pulumi preview|up --policy-pack policy-packs/agent-guardrails`.
 * Mandatory for least privilege, data protection, network and supply chain; advisory for tags and
 * monitoring; every rule's level and config overridable with `--policy-pack-config` in the
 * `{all, "<rule-id>": level | {enforcementLevel, ...config}}` shape.
 */
import { PolicyPack } from '@pulumi/policy';
import { toPolicies } from './policies.js';

new PolicyPack('agent-guardrails', {
  description: 'agentfence guardrails: fences AI agents on AWS (identity, least privilege, data protection, network, monitoring, supply chain).',
  displayName: 'agentfence agent guardrails',
  enforcementLevel: 'mandatory',
  policies: toPolicies(),
});
