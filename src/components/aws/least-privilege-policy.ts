/**
 * LeastPrivilegePolicy: the agent role's permissions, generated from the manifest. One statement per
 * directly granted tool (explicit actions on explicit ARNs), its own stores' data and keys, only
 * `states:StartExecution` on each approval gate, and writing its own audit log stream. Statements
 * are packed into managed policies within AWS's size limit and attached to the role.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { ToolSpec } from '../../manifest/types.js';
import { argError, isMissing, assertAgentName, assertArn, assertOneOf, assertScope, assertSlug } from './builders/args.js';
import { type AwsScope } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { type Statement, toPolicyDocument } from './builders/policy-document.js';
import {
  assertTools,
  buildAgentPolicy,
  chunkStatements,
  foundationModelArn,
  type GateGrant,
  type ModelGrant,
} from './builders/least-privilege.js';

/** A store the agent may use, with its key (an Output until the key exists). */
export interface StoreGrantArgs {
  readonly name: string;
  readonly kind: 's3' | 'dynamodb';
  /** Bucket or table ARN (deterministic). */
  readonly arn: string;
  readonly keyArn: pulumi.Input<string>;
}

/** LeastPrivilegePolicyArgs describe what the agent may do. */
export interface LeastPrivilegePolicyArgs {
  /** The agent's name. */
  readonly agentName: string;
  /** Account and region. */
  readonly scope: AwsScope;
  /** Name of the agent role the policies attach to. */
  readonly roleName: pulumi.Input<string>;
  /** The manifest's tools; gated (high-risk or approval-required) tools are not granted. */
  readonly tools: readonly ToolSpec[];
  /** The agent's own stores. Defaults to none. */
  readonly stores?: readonly StoreGrantArgs[];
  /** Approval gates (one per gated tool) the agent may start. Defaults to none. */
  readonly gates?: readonly GateGrant[];
  /** Hosted models (Bedrock ids) the agent invokes. Defaults to none. */
  readonly models?: readonly ModelGrant[];
  /** The agent's audit log stream ARN (deterministic). Defaults to no log permission. */
  readonly logStreamArn?: string;
}

const COMPONENT = 'LeastPrivilegePolicy';
/** Fixed-length stand-in for a KMS key ARN while sizing documents (`arn:<p>:kms:<r>:<a>:key/<uuid>`). */
const KEY_PLACEHOLDER = (scope: AwsScope, index: number): string =>
  `arn:aws:kms:${scope.region}:${scope.account}:key/${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** Validates args; every error names the arg. */
export function validateLeastPrivilegePolicyArgs(args: LeastPrivilegePolicyArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertScope(COMPONENT, 'scope', args.scope);
  if (isMissing(args.roleName) || args.roleName === '') throw argError(COMPONENT, 'roleName', 'be the agent role name', args.roleName);
  if (!Array.isArray(args.tools)) throw argError(COMPONENT, 'tools', 'be a list', args.tools);
  assertTools(args.tools, COMPONENT);
  (args.stores ?? []).forEach((store, i) => {
    assertSlug(COMPONENT, `stores[${i}].name`, store.name);
    assertOneOf(COMPONENT, `stores[${i}].kind`, store.kind, ['s3', 'dynamodb'] as const);
    assertArn(COMPONENT, `stores[${i}].arn`, store.arn);
  });
  (args.gates ?? []).forEach((gate, i) => {
    assertSlug(COMPONENT, `gates[${i}].tool`, gate.tool);
    assertArn(COMPONENT, `gates[${i}].stateMachineArn`, gate.stateMachineArn);
  });
  (args.models ?? []).forEach((model, i) => {
    assertSlug(COMPONENT, `models[${i}].name`, model.name);
    if (typeof model.hostedId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(model.hostedId)) {
      throw argError(COMPONENT, `models[${i}].hostedId`, 'be a Bedrock model id', model.hostedId);
    }
    assertArn(COMPONENT, `models[${i}].hostedId`, foundationModelArn(args.scope.region, model.hostedId));
  });
  if (args.logStreamArn !== undefined) assertArn(COMPONENT, 'logStreamArn', args.logStreamArn);
}

export class LeastPrivilegePolicy extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:LeastPrivilegePolicy';
  /** Managed policies holding the statements, in order. */
  readonly policies: aws.iam.Policy[] = [];
  readonly attachments: aws.iam.RolePolicyAttachment[] = [];
  /** The statement ids granted, in order (for review and tests). */
  readonly sids: readonly string[];

  constructor(name: string, args: LeastPrivilegePolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(LeastPrivilegePolicy.__pulumiType, name, {}, opts);
    validateLeastPrivilegePolicyArgs(args);
    const stores = args.stores ?? [];
    // Size with fixed-length placeholders for key ARNs, then substitute the real ARNs once known.
    const placeholders = stores.map((_, index) => KEY_PLACEHOLDER(args.scope, index));
    const statements: readonly Statement[] = buildAgentPolicy({
      region: args.scope.region,
      tools: args.tools,
      stores: stores.map((store, index) => ({
        name: store.name,
        kind: store.kind,
        arn: store.arn,
        keyArn: KEY_PLACEHOLDER(args.scope, index),
      })),
      gates: args.gates ?? [],
      models: args.models ?? [],
      ...(args.logStreamArn !== undefined ? { logStreamArn: args.logStreamArn } : {}),
    }).Statement;
    if (statements.length === 0)
      throw argError(COMPONENT, 'tools', 'grant at least one permission (tools, stores, gates or log stream)', []);
    this.sids = statements.map((statement) => statement.Sid);
    const chunks = chunkStatements(statements);
    const keyArns = pulumi.all(stores.map((store) => store.keyArn));
    chunks.forEach((chunk, index) => {
      const suffix = chunks.length === 1 ? '' : `-${index + 1}`;
      const policy = new aws.iam.Policy(
        `${name}-policy${suffix}`,
        {
          name: physicalName(['agentfence', args.agentName, `least-privilege${suffix}`], 128),
          description: `Least-privilege permissions of agent ${args.agentName}${chunks.length > 1 ? ` (part ${index + 1} of ${chunks.length})` : ''}, generated from its manifest.`,
          policy: keyArns.apply((arns) => {
            let text = JSON.stringify(toPolicyDocument(chunk));
            placeholders.forEach((placeholder, i) => {
              text = text.split(placeholder).join(arns[i]);
            });
            return text;
          }),
        },
        { parent: this },
      );
      this.policies.push(policy);
      this.attachments.push(
        new aws.iam.RolePolicyAttachment(`${name}-attach${suffix}`, { role: args.roleName, policyArn: policy.arn }, { parent: this }),
      );
    });
    this.registerOutputs({ policyArns: this.policies.map((policy) => policy.arn) });
  }
}
