/**
 * `agentfence init <agent> [--risk low|high]`: scaffolds a stack a newcomer can gate at once: the
 * manifest from the template of its risk tier, `stacks/Pulumi.<agent>.yaml`, and the trust-policy
 * entries the manifest needs (its hosted model on the allow-list, a model authority whose public
 * key `agentfence keygen` writes). Existing files are never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { InputError } from '../../errors.js';
import type { Command } from './index.js';
import { onePositional, parseCommandArgs } from '../flags.js';

const USAGE = `agentfence init <agent> [--risk low|high] [--account ID] [--region R] [--email E]

Scaffolds a new agent stack in the project (the folder with package.json; stacks/ is created):
  stacks/<agent>/agent.yaml      the manifest, from the template of the risk tier:
                                 low  = read-only tools, one reviewed write, assistive
                                 high = a high-risk tool behind a human approval gate, supervised
  stacks/Pulumi.<agent>.yaml     the stack config naming the manifest (pulumi up --stack <agent>)
  stacks/trust-policy.yaml       created or extended: the template's hosted model on the allow-list,
                                 and a model authority <agent>-release for the models you will sign
  --account ID   the AWS account (12 digits; default 111122223333, a placeholder)
  --region R     the AWS region (default eu-west-1)
  --email E      the owner's address for alarms (default owner@example.com)
Next steps (printed after init):
  agentfence keygen --name <agent>-release   the authority's key pair (public half into stacks/keys/)
  agentfence gate <agent>                    validate -> plan -> verify -> check -> sbom -> report
Exit: 0 scaffolded, 2 bad input or the agent exists already.`;

const NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
const HOSTED_MODEL = 'anthropic.claude-haiku-4-5-20251001-v1:0';

interface TemplateInput {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly email: string;
}

function lowRisk(t: TemplateInput): string {
  return `# The ${t.name} agent (low risk, from \`agentfence init\`): read-only tools and one reviewed write.
# Replace the tools, stores and goals with what the agent really does; \`agentfence help validate\`
# explains every check, \`agentfence gate ${t.name}\` runs them all.
version: 1
name: ${t.name}
description: Describe what the ${t.name} agent does in one sentence.
owner:
  team: ${t.name}-owners
  email: ${t.email}
riskTier: low
autonomy: assistive
goals:
  - Say what the agent achieves, one goal per line.
identity:
  runtime: lambda
  account: "${t.account}"
  region: ${t.region}
tools:
  - name: read-records
    description: Read the records the agent works on.
    actions: [dynamodb:GetItem, dynamodb:Query]
    resources:
      - arn:aws:dynamodb:${t.region}:${t.account}:table/${t.name}-records
    risk: low
    approval: none
  - name: escalate-to-human
    description: Ask a person to take over.
    actions: [sns:Publish]
    resources:
      - arn:aws:sns:${t.region}:${t.account}:${t.name}-escalations
    risk: high
    approval: required
dataStores:
  - name: memory
    kind: dynamodb
    classification: internal
    retentionDays: 90
    description: Working state of the agent.
models:
  - name: assistant
    description: The hosted model the agent reasons with.
    hosted: ${HOSTED_MODEL}
    supplier: Anthropic
plugins: []
apis: []
network:
  egress: firewall
monitoring:
  logRetentionDays: 90
  alarmEmail: ${t.email}
paused: false
`;
}

function highRisk(t: TemplateInput): string {
  return `# The ${t.name} agent (high risk, from \`agentfence init --risk high\`): its consequential action
# runs only after a human approves it, and it keeps a year of audit logs.
# Replace the tools, stores and goals with what the agent really does; \`agentfence gate ${t.name}\`
# runs every check.
version: 1
name: ${t.name}
description: Describe what the ${t.name} agent does in one sentence.
owner:
  team: ${t.name}-owners
  email: ${t.email}
riskTier: high
autonomy: supervised
goals:
  - Say what the agent achieves, one goal per line.
identity:
  # ecs until you have a runtime image: agentcore needs runtimeImage (an ECR image pinned by digest,
  # with a signed provenance attestation); see stacks/payments/agent.yaml.
  runtime: ecs
  account: "${t.account}"
  region: ${t.region}
tools:
  - name: read-records
    description: Read the records the agent works on.
    actions: [dynamodb:GetItem, dynamodb:Query]
    resources:
      - arn:aws:dynamodb:${t.region}:${t.account}:table/${t.name}-records
    risk: low
    approval: none
  - name: act
    description: The consequential action; runs only after a reviewer approves it.
    actions: [lambda:InvokeFunction]
    resources:
      - arn:aws:lambda:${t.region}:${t.account}:function:${t.name}-act
    risk: high
    approval: required
dataStores:
  - name: memory
    kind: dynamodb
    classification: restricted
    retentionDays: 400
    description: Working state of the agent.
  - name: evidence
    kind: s3
    classification: confidential
    retentionDays: 2555
    description: What the agent decided and why, kept for audit.
models:
  - name: assistant
    description: The hosted model the agent reasons with.
    hosted: ${HOSTED_MODEL}
    supplier: Anthropic
plugins: []
apis: []
network:
  egress: firewall
monitoring:
  logRetentionDays: 365
  alarmEmail: ${t.email}
paused: false
`;
}

const NEW_TRUST_POLICY = `# Who the organisation trusts to sign what. Anything not matched here is denied.
version: 1
mode: enforce
trustedRoots:
  - name: public-good
    source: public-good
models:
  authorities: []
  hosted: []
plugins:
  authorities: []
apis:
  authorities: []
`;

/** Adds the hosted model and the agent's model authority to the trust policy, keeping its comments. */
function extendTrustPolicy(text: string, authority: string): { text: string; added: string[] } {
  const doc = parseDocument(text);
  const added: string[] = [];
  if (!isMap(doc.contents)) throw new InputError('TRUST_POLICY_INVALID', 'stacks/trust-policy.yaml must be a YAML mapping to be extended');
  if (!doc.hasIn(['models'])) doc.setIn(['models'], doc.createNode({ authorities: [], hosted: [] }));
  const hosted = doc.getIn(['models', 'hosted']);
  if (hosted === undefined) {
    doc.setIn(['models', 'hosted'], doc.createNode([HOSTED_MODEL]));
    added.push(`models.hosted ${HOSTED_MODEL}`);
  } else if (isSeq(hosted) && !hosted.items.some((item) => String((item as { value?: unknown }).value ?? item) === HOSTED_MODEL)) {
    hosted.flow = false;
    hosted.add(doc.createNode(HOSTED_MODEL));
    added.push(`models.hosted ${HOSTED_MODEL}`);
  }
  const authorities = doc.getIn(['models', 'authorities']);
  const entry = doc.createNode({ name: authority, key: { publicKey: `keys/${authority}.pub.pem` } });
  if (authorities === undefined) {
    doc.setIn(['models', 'authorities'], doc.createNode([entry]));
    added.push(`models.authorities ${authority}`);
  } else if (isSeq(authorities)) {
    if (!authorities.items.some((item) => isMap(item) && item.get('name') === authority)) {
      authorities.flow = false;
      authorities.add(entry);
      added.push(`models.authorities ${authority}`);
    }
  }
  return { text: doc.toString(), added };
}

export const command: Command = {
  usage: USAGE,
  run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      risk: { type: 'string', default: 'low' },
      account: { type: 'string', default: '111122223333' },
      region: { type: 'string', default: 'eu-west-1' },
      email: { type: 'string', default: 'owner@example.com' },
    });
    const name = onePositional(positionals, 'init takes exactly one <agent>');
    if (!NAME.test(name))
      throw new InputError(
        'CLI_USAGE',
        `<agent> must be 2-40 lowercase letters, digits and dashes, starting with a letter (got ${JSON.stringify(name)})`,
      );
    const risk = values['risk'];
    if (risk !== 'low' && risk !== 'high') throw new InputError('CLI_USAGE', `--risk must be low or high (got ${JSON.stringify(risk)})`);
    const account = values['account'] as string;
    if (!/^\d{12}$/.test(account)) throw new InputError('CLI_USAGE', `--account must be 12 digits (got ${JSON.stringify(account)})`);
    const region = values['region'] as string;
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new InputError('CLI_USAGE', `--region must be an AWS region such as eu-west-1 (got ${JSON.stringify(region)})`);
    const email = values['email'] as string;
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email))
      throw new InputError('CLI_USAGE', `--email must be an email address (got ${JSON.stringify(email)})`);

    const root = ctx.cwd;
    if (!existsSync(path.join(root, 'package.json'))) {
      throw new InputError('CLI_USAGE', `init must run in the project folder, the one with package.json (got none in ${root})`);
    }
    const stacks = path.join(root, 'stacks');
    const stackDir = path.join(stacks, name);
    const manifestFile = path.join(stackDir, 'agent.yaml');
    const stackConfig = path.join(stacks, `Pulumi.${name}.yaml`);
    for (const file of [stackDir, stackConfig]) {
      if (existsSync(file))
        throw new InputError(
          'FILE_EXISTS',
          `${path.relative(ctx.cwd, file)} must not exist yet (got an existing ${file === stackDir ? 'folder' : 'file'}); pick another name or edit it`,
        );
    }
    const trustPolicyFile = path.join(stacks, 'trust-policy.yaml');
    const authority = `${name}-release`;
    const existing = existsSync(trustPolicyFile) ? readFileSync(trustPolicyFile, 'utf8') : NEW_TRUST_POLICY;
    const extended = extendTrustPolicy(existing, authority);

    mkdirSync(stackDir, { recursive: true });
    const input: TemplateInput = { name, account, region, email };
    writeFileSync(manifestFile, risk === 'high' ? highRisk(input) : lowRisk(input), { flag: 'wx' });
    writeFileSync(stackConfig, `config:\n  agentfence:manifest: ${name}/agent.yaml\n  aws:region: ${region}\n`, { flag: 'wx' });
    writeFileSync(trustPolicyFile, extended.text);

    const shown = (file: string) => path.relative(ctx.cwd, file);
    if (ctx.format === 'json') {
      ctx.out(
        JSON.stringify(
          {
            agent: name,
            risk,
            manifest: shown(manifestFile),
            stackConfig: shown(stackConfig),
            trustPolicy: shown(trustPolicyFile),
            authority,
          },
          null,
          2,
        ),
      );
    } else {
      ctx.out(
        `created ${shown(manifestFile)} (${risk} risk) and ${shown(stackConfig)}; ${existing === NEW_TRUST_POLICY ? 'created' : 'updated'} ${shown(trustPolicyFile)}${extended.added.length === 0 ? '' : ` (added ${extended.added.join(', ')})`}`,
      );
      ctx.log(
        `next:\n  agentfence keygen --name ${authority}    # the public key the trust policy now expects at stacks/keys/${authority}.pub.pem\n  agentfence gate ${name}                  # validate -> plan -> verify -> check -> sbom -> report`,
      );
    }
    return Promise.resolve(0);
  },
};
