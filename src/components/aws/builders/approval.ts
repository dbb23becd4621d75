/**
 * Pure builders for a human approval gate: the Step Functions definition (notify reviewers with a
 * task token, wait with a timeout, decide, then perform the tool's action through the SDK
 * integration), the executor role's trust and permissions, and the reviewer topic's policies.
 */
import { present } from '../../../invariant.js';
import type { ToolSpec } from '../../../manifest/types.js';
import { arn, type AwsScope } from './arn.js';
import { pascal, physicalName } from './names.js';
import { denyInsecureTransport, type PolicyDocument, serviceOf, toPolicyDocument, uniqueSorted } from './policy-document.js';

/** The gate's state machine name (deterministic: the executor role's trust condition names it). */
export function gateStateMachineName(agent: string, tool: string): string {
  return physicalName([physicalName(['agentfence', agent], 40), 'gate', tool], 80);
}

/** The gate's state machine ARN. */
export function gateStateMachineArn(agent: string, tool: string, scope: AwsScope): string {
  return arn(scope, 'states', `stateMachine:${gateStateMachineName(agent, tool)}`);
}

/** Step Functions service names that differ from the IAM prefix in `aws-sdk:<service>:<api>`. */
const SDK_SERVICE: Readonly<Record<string, string>> = { states: 'sfn', 'bedrock-agentcore': 'bedrockagentcore' };

/** The Task resource that performs one IAM action: API Gateway invoke or the generic SDK integration. */
export function integrationFor(action: string, partition = 'aws'): string {
  const service = serviceOf(action);
  const api = action.slice(action.indexOf(':') + 1);
  if (service === 'execute-api') return `arn:${partition}:states:::apigateway:invoke`;
  return `arn:${partition}:states:::aws-sdk:${SDK_SERVICE[service] ?? service}:${present(api[0], `the action name of ${action}`).toLowerCase()}${api.slice(1)}`;
}

export interface GateDefinitionInput {
  readonly tool: Pick<ToolSpec, 'name' | 'actions'>;
  readonly topicArn: string;
  readonly timeoutSeconds: number;
  readonly partition?: string;
}

/** Amazon States Language for one gated tool. Every path that is not an explicit approval ends in Fail. */
export function buildGateDefinition(input: GateDefinitionInput): Record<string, unknown> {
  const partition = input.partition ?? 'aws';
  const actions = uniqueSorted(input.tool.actions);
  const perform: Record<string, unknown> = {};
  for (const action of actions) {
    perform[`Perform${pascal(action)}`] = {
      Type: 'Task',
      Resource: integrationFor(action, partition),
      // The reviewed request's parameters become the API call's parameters, unchanged.
      InputPath: '$.request.parameters',
      End: true,
    };
  }
  return {
    Comment: `Human approval gate for tool ${input.tool.name}: nothing runs without a reviewer's explicit approval.`,
    StartAt: 'RequestApproval',
    TimeoutSeconds: input.timeoutSeconds + 3600,
    States: {
      RequestApproval: {
        Type: 'Task',
        Resource: `arn:${partition}:states:::sns:publish.waitForTaskToken`,
        Parameters: {
          TopicArn: input.topicArn,
          Subject: `Approval required: ${input.tool.name}`,
          Message: {
            tool: input.tool.name,
            'request.$': '$.request',
            'taskToken.$': '$$.Task.Token',
            'execution.$': '$$.Execution.Id',
          },
        },
        // A reviewer who does not answer in time is a rejection, never an approval.
        TimeoutSeconds: input.timeoutSeconds,
        ResultPath: '$.decision',
        Catch: [
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Rejected' },
        ],
        Next: 'Decide',
      },
      Decide: {
        Type: 'Choice',
        Choices: [
          {
            And: [
              { Variable: '$.decision.approved', IsPresent: true },
              { Variable: '$.decision.approved', BooleanEquals: true },
            ],
            Next: 'SelectAction',
          },
        ],
        Default: 'Rejected',
      },
      SelectAction: {
        Type: 'Choice',
        Choices: actions.map((action) => ({ Variable: '$.request.action', StringEquals: action, Next: `Perform${pascal(action)}` })),
        Default: 'Rejected',
      },
      ...perform,
      Rejected: { Type: 'Fail', Error: 'ApprovalRejected', Cause: 'A reviewer rejected the request or it was not an allowed action.' },
      TimedOut: { Type: 'Fail', Error: 'ApprovalTimedOut', Cause: 'No reviewer decided before the timeout.' },
    },
  };
}

/** Trust of the executor role: Step Functions, only for this gate's state machine in this account. */
export function buildExecutorTrustPolicy(stateMachineArn: string, scope: AwsScope): PolicyDocument {
  return toPolicyDocument([
    {
      Sid: 'AssumeByGateOnly',
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: ['sts:AssumeRole'],
      Condition: {
        StringEquals: { 'aws:SourceAccount': scope.account },
        ArnEquals: { 'aws:SourceArn': stateMachineArn },
      },
    },
  ]);
}

/** The executor's permissions: the tool's action (it alone holds it), notifying reviewers, its key. */
export function buildExecutorPolicy(
  tool: Pick<ToolSpec, 'name' | 'actions' | 'resources'>,
  topicArn: string,
  keyArn: string,
): PolicyDocument {
  return toPolicyDocument([
    { Sid: `Perform${pascal(tool.name)}`, Effect: 'Allow', Action: uniqueSorted(tool.actions), Resource: uniqueSorted(tool.resources) },
    { Sid: 'NotifyReviewers', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topicArn] },
    { Sid: 'UseGateKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [keyArn] },
  ]);
}

/** The executor's boundary: the same permissions with the key known only by its agent tag. */
export function buildExecutorBoundary(
  tool: Pick<ToolSpec, 'name' | 'actions' | 'resources'>,
  topicArn: string,
  agent: string,
  scope: AwsScope,
): PolicyDocument {
  return toPolicyDocument([
    { Sid: `Perform${pascal(tool.name)}`, Effect: 'Allow', Action: uniqueSorted(tool.actions), Resource: uniqueSorted(tool.resources) },
    { Sid: 'NotifyReviewers', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topicArn] },
    {
      Sid: 'UseAgentKeys',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [arn(scope, 'kms', 'key/*')],
      Condition: { StringEquals: { 'aws:ResourceTag/agentfence:agent': agent } },
    },
  ]);
}

/** Reviewer topic policy: only the executor may publish, and only over TLS. */
export function buildReviewerTopicPolicy(topicArn: string, executorRoleArn: string): PolicyDocument {
  return toPolicyDocument([
    { Sid: 'PublishByGateOnly', Effect: 'Allow', Principal: { AWS: executorRoleArn }, Action: ['sns:Publish'], Resource: [topicArn] },
    denyInsecureTransport(['sns:Publish', 'sns:Subscribe'], [topicArn]),
  ]);
}
