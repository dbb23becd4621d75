/** The actions a `risk: low` tool cannot hold, judged on AWS's data (highRiskReason). */
import { describe, expect, it } from 'vitest';
import { highRiskReason } from '../../../src/manifest/iam.js';
import { findAction } from '../../../src/rules/iam/data.js';

describe('highRiskReason', () => {
  it.each([
    ['iam:PutRolePolicy', 'it manages permissions'],
    ['iam:PassRole', 'it passes a role to a service'],
    ['sts:AssumeRole', 'it assumes another role'],
    ['sqs:PurgeQueue', 'a destructive Write'],
    ['lambda:UpdateFunctionCode', 'a privilege-escalation method'],
    ['ssm:SendCommand', 'a privilege-escalation method'],
    ['dynamodb:GetItem', undefined],
    ['sqs:SendMessage', undefined],
    ['lambda:InvokeFunction', undefined],
  ])('%s -> %s', (name, reason) => {
    const action = findAction(name);
    expect(action, name).toBeDefined();
    expect(highRiskReason(action!)).toBe(reason);
  });
});
