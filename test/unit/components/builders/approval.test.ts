import { describe, expect, it } from 'vitest';
import {
  buildExecutorPolicy,
  buildExecutorTrustPolicy,
  buildGateDefinition,
  buildReviewerTopicPolicy,
  gateStateMachineArn,
  integrationFor,
} from '../../../../src/components/aws/builders/approval.js';

const scope = { account: '111122223333', region: 'eu-west-1' };
const tool = {
  name: 'initiate-transfer',
  actions: ['lambda:InvokeFunction', 'sns:Publish'],
  resources: ['arn:aws:lambda:eu-west-1:111122223333:function:pay'],
};
const definition = buildGateDefinition({ tool, topicArn: 'arn:aws:sns:eu-west-1:111122223333:reviewers', timeoutSeconds: 3600 }) as {
  StartAt: string;
  States: Record<string, any>;
};

describe('buildGateDefinition', () => {
  it('starts by asking reviewers with a task token over SNS', () => {
    expect(definition.StartAt).toBe('RequestApproval');
    const request = definition.States['RequestApproval'];
    expect(request.Resource).toBe('arn:aws:states:::sns:publish.waitForTaskToken');
    expect(request.Parameters.TopicArn).toBe('arn:aws:sns:eu-west-1:111122223333:reviewers');
    expect(request.Parameters.Message['taskToken.$']).toBe('$$.Task.Token');
  });
  it('times out into a Fail state', () => {
    const request = definition.States['RequestApproval'];
    expect(request.TimeoutSeconds).toBe(3600);
    expect(request.Catch[0]).toEqual({ ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' });
    expect(definition.States['TimedOut'].Type).toBe('Fail');
  });
  it('rejects anything but an explicit approval', () => {
    const decide = definition.States['Decide'];
    expect(decide.Default).toBe('Rejected');
    expect(decide.Choices[0].And).toContainEqual({ Variable: '$.decision.approved', BooleanEquals: true });
    expect(definition.States['Rejected'].Type).toBe('Fail');
    expect(definition.States['RequestApproval'].Catch[1].Next).toBe('Rejected');
  });
  it('performs only the tool declared actions, each through its service integration', () => {
    const select = definition.States['SelectAction'];
    expect(select.Default).toBe('Rejected');
    expect(select.Choices.map((c: { StringEquals: string }) => c.StringEquals)).toEqual(['lambda:InvokeFunction', 'sns:Publish']);
    expect(definition.States['PerformLambdaInvokeFunction'].Resource).toBe('arn:aws:states:::aws-sdk:lambda:invokeFunction');
    expect(definition.States['PerformSnsPublish'].Resource).toBe('arn:aws:states:::aws-sdk:sns:publish');
  });
  it('performs the very request the reviewers saw', () => {
    expect(definition.States['RequestApproval'].Parameters.Message['request.$']).toBe('$.request');
    expect(definition.States['PerformLambdaInvokeFunction'].InputPath).toBe('$.request.parameters');
  });
  it('has no path from start to a perform state that skips Decide', () => {
    const reach = (from: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(from) || from === 'Decide') return seen;
      seen.add(from);
      const state = definition.States[from];
      for (const next of [
        state.Next,
        state.Default,
        ...(state.Catch ?? []).map((c: { Next: string }) => c.Next),
        ...(state.Choices ?? []).map((c: { Next: string }) => c.Next),
      ]) {
        if (typeof next === 'string') reach(next, seen);
      }
      return seen;
    };
    expect([...reach('RequestApproval')].filter((state) => state.startsWith('Perform'))).toEqual([]);
  });
});

describe('integrationFor', () => {
  it.each([
    ['execute-api:Invoke', 'arn:aws:states:::apigateway:invoke'],
    ['states:StartExecution', 'arn:aws:states:::aws-sdk:sfn:startExecution'],
    ['dynamodb:PutItem', 'arn:aws:states:::aws-sdk:dynamodb:putItem'],
  ])('%s -> %s', (action, resource) => {
    expect(integrationFor(action)).toBe(resource);
  });
});

describe('executor role documents', () => {
  const machine = gateStateMachineArn('payments', 'initiate-transfer', scope);
  it('names the gate deterministically', () => {
    expect(machine).toBe('arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-payments-gate-initiate-transfer');
  });
  it('trusts Step Functions for this state machine only', () => {
    expect(buildExecutorTrustPolicy(machine, scope).Statement[0]).toMatchObject({
      Principal: { Service: 'states.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnEquals: { 'aws:SourceArn': machine } },
    });
  });
  it('holds the tool permission, publishing and its key', () => {
    const doc = buildExecutorPolicy(tool, 'arn:aws:sns:eu-west-1:111122223333:t', 'arn:aws:kms:eu-west-1:111122223333:key/k');
    expect(doc.Statement.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['PerformInitiateTransfer', ['lambda:InvokeFunction', 'sns:Publish'], ['arn:aws:lambda:eu-west-1:111122223333:function:pay']],
      ['NotifyReviewers', ['sns:Publish'], ['arn:aws:sns:eu-west-1:111122223333:t']],
      ['UseGateKey', ['kms:Decrypt', 'kms:GenerateDataKey'], ['arn:aws:kms:eu-west-1:111122223333:key/k']],
    ]);
  });
  it('lets only the executor publish to reviewers, over TLS', () => {
    const doc = buildReviewerTopicPolicy('arn:t', 'arn:aws:iam::111122223333:role/exec');
    expect(doc.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/exec' },
      Action: ['sns:Publish'],
    });
    expect(doc.Statement[1]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });
});
