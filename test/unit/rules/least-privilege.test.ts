import { describe, expect, it } from 'vitest';
import {
  highRiskActionsViaApprovalGate,
  iamNoAdminPolicy,
  iamNoNotAction,
  iamNoPrivilegeEscalation,
  iamNoWildcardAction,
  iamNoWildcardResource,
} from '../../../src/rules/least-privilege.js';
import { component, messages, policy, res, UNKNOWN } from './helpers.js';

const LEDGER = 'arn:aws:dynamodb:eu-west-1:111122223333:table/ledger';
const allow = (extra: Record<string, unknown>) => ({
  Sid: 'ReadLedger',
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:Query'],
  Resource: [LEDGER],
  ...extra,
});
const managed = (statement: Record<string, unknown>) => res('aws:iam/policy:Policy', 'tools', { policy: policy([allow(statement)]) });
const inline = (statement: Record<string, unknown>) =>
  res('aws:iam/rolePolicy:RolePolicy', 'inline', { role: 'r', policy: { Version: '2012-10-17', Statement: allow(statement) } });

describe('identity policy documents', () => {
  describe('when a policy is unreadable', () => {
    it.each([
      ['unknown', UNKNOWN, 'IAM policy "tools": policy cannot be checked before deploy (got a value unknown until deploy)'],
      ['secret', '[secret]', 'IAM policy "tools": policy must not be a secret to be checked (got [secret])'],
      ['malformed', '{', 'IAM policy "tools" policy must be a valid policy document (got: the policy must be valid JSON)'],
      ['absent', undefined, 'IAM policy "tools" policy must be set (got not set)'],
      [
        'a statement that is not an object',
        '{"Statement":["x"]}',
        'IAM policy "tools" policy must be a valid policy document (got: a statement must be an object (got string))',
      ],
    ])('every least-privilege rule reports %s', (_, value, expected) => {
      const resource = res('aws:iam/policy:Policy', 'tools', { policy: value });
      for (const rule of [iamNoWildcardAction, iamNoWildcardResource, iamNoNotAction, iamNoPrivilegeEscalation]) {
        expect(messages(rule, [resource])).toEqual([expected]);
      }
    });
  });
  it('reads the inline policies of a role', () => {
    const role = res('aws:iam/role:Role', 'r', { inlinePolicies: [{ name: 'p', policy: policy([allow({ Action: '*' })]) }] });
    expect(messages(iamNoWildcardAction, [role])).toEqual([
      expect.stringMatching(
        /^IAM role "r" inlinePolicies\[0\]\.policy statement "ReadLedger" must name explicit actions \(got "\*" \(\d+ actions/,
      ),
    ]);
  });
  it.each([
    ['the inline policy list is a secret', '[secret]', 'IAM role "r": inlinePolicies must not be a secret to be checked (got [secret])'],
    [
      'an inline policy entry is a secret',
      ['[secret]'],
      'IAM role "r": inlinePolicies[0] must not be a secret to be checked (got [secret])',
    ],
  ])('reports a role whose %s', (_, inlinePolicies, expected) => {
    const role = res('aws:iam/role:Role', 'r', { inlinePolicies });
    for (const rule of [iamNoWildcardAction, iamNoWildcardResource, iamNoNotAction, iamNoPrivilegeEscalation]) {
      expect(messages(rule, [role])).toEqual([expected]);
    }
  });
});

describe('iam-no-wildcard-action', () => {
  it.each([
    ['explicit actions', {}, []],
    ['a Deny with "*" (kill switch)', { Effect: 'Deny', Action: '*', Resource: '*' }, []],
    [
      '"*"',
      { Action: '*' },
      [expect.stringMatching(/^IAM policy "tools" policy statement "ReadLedger" must name explicit actions \(got "\*" \(\d+ actions/)],
    ],
    [
      '"s3:*"',
      { Action: ['s3:*', 's3:GetObject'] },
      [expect.stringMatching(/^IAM policy "tools" policy statement "ReadLedger" must name explicit actions \(got "s3:\*" \(\d+ actions/)],
    ],
    [
      '"dynamodb:Get*"',
      { Action: 'dynamodb:Get*' },
      [
        expect.stringMatching(
          /^IAM policy "tools" policy statement "ReadLedger" must name explicit actions \(got "dynamodb:Get\*" \(\d+ actions/,
        ),
      ],
    ],
    [
      'an unknown action',
      { Action: ['s3:GetObject', UNKNOWN] },
      ['IAM policy "tools": policy actions cannot be checked before deploy (got a value unknown until deploy)'],
    ],
  ])('when the statement grants %s', (_, change, expected) => {
    expect(messages(iamNoWildcardAction, [managed(change)])).toEqual(expected);
  });
  it('checks role policies given as objects with a single statement', () => {
    expect(messages(iamNoWildcardAction, [inline({ Action: 'iam:*' })])).toEqual([
      expect.stringMatching(
        /^IAM role policy "inline" policy statement "ReadLedger" must name explicit actions \(got "iam:\*" \(\d+ actions/,
      ),
    ]);
  });
});

describe('iam-no-wildcard-resource', () => {
  it.each([
    ['explicit ARNs', {}, undefined, []],
    ['"*" for an exempt action', { Action: 'cloudwatch:PutMetricData', Resource: '*' }, undefined, []],
    [
      '"*"',
      { Resource: '*' },
      undefined,
      [
        'IAM policy "tools" policy statement "ReadLedger" must scope "dynamodb:GetItem", "dynamodb:Query" to explicit resources (got Resource "*")',
      ],
    ],
    [
      '"*" mixing exempt and non-exempt actions',
      { Action: ['cloudwatch:PutMetricData', 's3:GetObject'], Resource: ['*'] },
      undefined,
      [expect.stringContaining('must scope "cloudwatch:PutMetricData", "s3:GetObject" to explicit resources')],
    ],
    [
      '"*" when no action is exempt by config',
      { Action: 'cloudwatch:PutMetricData', Resource: '*' },
      { allowedActions: [] },
      [expect.stringContaining('(got Resource "*")')],
    ],
    [
      'an unknown resource',
      { Resource: [UNKNOWN] },
      undefined,
      [expect.stringContaining('policy resources cannot be checked before deploy')],
    ],
  ])('when the statement targets %s', (_, change, config, expected) => {
    expect(messages(iamNoWildcardResource, [managed(change)], config)).toEqual(expected);
  });
});

describe('iam-no-not-action', () => {
  it.each([
    ['Action/Resource', {}, []],
    [
      'NotAction',
      { Action: undefined, NotAction: 'iam:*' },
      ['IAM policy "tools" policy statement "ReadLedger" must use Action and Resource, not NotAction (got NotAction)'],
    ],
    [
      'NotResource',
      { Resource: undefined, NotResource: LEDGER },
      ['IAM policy "tools" policy statement "ReadLedger" must use Action and Resource, not NotResource (got NotResource)'],
    ],
    ['NotAction in a Deny', { Effect: 'Deny', NotAction: 'iam:*' }, []],
  ])('when an Allow uses %s', (_, change, expected) => {
    expect(messages(iamNoNotAction, [managed(change)])).toEqual(expected);
  });
});

describe('iam-no-admin-policy', () => {
  const attach = (policyArn: unknown) => res('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'attach', { role: 'r', policyArn });
  it.each([
    ['a customer policy', 'arn:aws:iam::111122223333:policy/agentfence-payments-tools', undefined, []],
    ['a read-only AWS policy', 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess', undefined, []],
    [
      'AdministratorAccess',
      'arn:aws:iam::aws:policy/AdministratorAccess',
      undefined,
      [
        'IAM role policy attachment "attach" must not attach admin or full-access managed policies (got "arn:aws:iam::aws:policy/AdministratorAccess")',
      ],
    ],
    ['PowerUserAccess', 'arn:aws:iam::aws:policy/PowerUserAccess', undefined, [expect.stringContaining('PowerUserAccess')]],
    [
      'a full-access policy under a path',
      'arn:aws:iam::aws:policy/service-role/AmazonS3FullAccess',
      undefined,
      [expect.stringContaining('AmazonS3FullAccess')],
    ],
    [
      'a full-access policy allowed by config',
      'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      { deniedPolicies: ['AdministratorAccess'], allowedPolicies: ['AmazonS3FullAccess'] },
      [],
    ],
    [
      'an unknown ARN',
      UNKNOWN,
      undefined,
      ['IAM role policy attachment "attach": policyArn cannot be checked before deploy (got a value unknown until deploy)'],
    ],
  ])('when the attachment is %s', (_, arn, config, expected) => {
    expect(messages(iamNoAdminPolicy, [attach(arn)], config)).toEqual(expected);
  });
  it.each([
    ['role', 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive', 'roleName'],
    ['user', 'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive', 'userName'],
    ['group', 'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive', 'groupName'],
  ])('checks policyArns of exclusive %s policy attachments', (_, type, owner) => {
    const exclusive = res(type, 'x', {
      [owner]: 'r',
      policyArns: ['arn:aws:iam::111122223333:policy/tools', 'arn:aws:iam::aws:policy/AdministratorAccess'],
    });
    expect(messages(iamNoAdminPolicy, [exclusive])).toEqual([
      expect.stringContaining('must not attach admin or full-access managed policies (got "arn:aws:iam::aws:policy/AdministratorAccess")'),
    ]);
    expect(messages(iamNoAdminPolicy, [res(type, 'x', { [owner]: 'r', policyArns: UNKNOWN })])).toEqual([
      expect.stringContaining('policyArns cannot be checked before deploy'),
    ]);
  });
  it('checks managedPolicyArns on a role', () => {
    const role = res('aws:iam/role:Role', 'r', { managedPolicyArns: ['arn:aws:iam::aws:policy/IAMFullAccess'] });
    expect(messages(iamNoAdminPolicy, [role])).toEqual([expect.stringContaining('IAMFullAccess')]);
  });
});

describe('iam-no-privilege-escalation', () => {
  it.each([
    ['read actions', {}, []],
    ['iam:PassRole on one role', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/executor' }, []],
    [
      'iam:PassRole on "*"',
      { Action: 'iam:PassRole', Resource: '*' },
      ['IAM policy "tools" policy statement "ReadLedger" must not grant privilege-escalation actions (got iam:PassRole)'],
    ],
    ['iam:PutRolePolicy', { Action: 'iam:PutRolePolicy' }, [expect.stringContaining('(got iam:PutRolePolicy)')]],
    ['iam:Attach* by wildcard', { Action: 'iam:Attach*' }, [expect.stringContaining('iam:AttachRolePolicy (via iam:Attach*)')]],
    [
      'lambda:UpdateFunctionCode',
      { Action: ['lambda:InvokeFunction', 'lambda:UpdateFunctionCode'] },
      [expect.stringContaining('(got lambda:UpdateFunctionCode)')],
    ],
    ['sts:AssumeRole on "*"', { Action: 'sts:AssumeRole', Resource: '*' }, [expect.stringContaining('(got sts:AssumeRole)')]],
    ['iam:CreateAccessKey', { Action: 'iam:createaccesskey' }, [expect.stringContaining('iam:CreateAccessKey')]],
  ])('when a statement grants %s', (_, change, expected) => {
    expect(messages(iamNoPrivilegeEscalation, [managed(change)])).toEqual(expected);
  });
});

describe('high-risk-actions-via-approval-gate', () => {
  const GATE = 'agentfence:aws:ApprovalGate';
  const TRANSFER = 'arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer';
  const env = component('agentfence:aws:AgentEnvironment', 'payments');
  const gate = component(GATE, 'payments-initiate-transfer', env);
  const identity = component('agentfence:aws:AgentIdentity', 'payments-identity', env);
  const executor = res(
    'aws:iam/rolePolicy:RolePolicy',
    'payments-executor',
    { policy: policy([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: TRANSFER }]) },
    { parent: gate },
  );
  const start = res(
    'aws:iam/rolePolicy:RolePolicy',
    'payments-start',
    { policy: policy([{ Effect: 'Allow', Action: 'states:StartExecution', Resource: 'arn:aws:states:eu-west-1:1:stateMachine:g' }]) },
    { parent: identity },
  );
  const direct = res(
    'aws:iam/policy:Policy',
    'payments-tools',
    { policy: policy([{ Sid: 'InitiateTransfer', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: TRANSFER }]) },
    { parent: identity },
  );
  const config = { highRiskActions: ['lambda:InvokeFunction'] };
  it('finds nothing when only the gate executor holds the action', () => {
    expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, start], config)).toEqual([]);
  });
  it('blocks the action granted directly to the agent', () => {
    expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, start, direct], config)).toEqual([
      'High-risk action "lambda:InvokeFunction" must be reachable only through an approval gate (got granted directly by IAM policy "payments-tools" policy statement "InitiateTransfer")',
    ]);
  });
  it('blocks a missing approval gate', () => {
    expect(messages(highRiskActionsViaApprovalGate, [env, identity, start, direct], config)).toEqual([
      expect.stringContaining('got granted directly by IAM policy "payments-tools"'),
      'High-risk action "lambda:InvokeFunction" must have an approval gate that executes it (got no agentfence:aws:ApprovalGate granting it)',
    ]);
  });
  it('blocks a wildcard that reaches the high-risk action', () => {
    const wild = res(
      'aws:iam/policy:Policy',
      'wild',
      { policy: policy([{ Effect: 'Allow', Action: 'lambda:Invoke*', Resource: TRANSFER }]) },
      { parent: identity },
    );
    expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, wild], config)).toEqual([
      expect.stringContaining('granted directly by IAM policy "wild"'),
    ]);
  });
  it('reports unknown actions outside the gate', () => {
    const unknown = res('aws:iam/policy:Policy', 'u', { policy: UNKNOWN }, { parent: identity });
    expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, unknown], config)).toEqual([
      expect.stringContaining('cannot be checked before deploy'),
    ]);
  });
  describe('when the high-risk tool is configured with its resources', () => {
    const tools = { highRiskTools: [{ name: 'initiate-transfer', actions: ['lambda:InvokeFunction'], resources: [TRANSFER] }] };
    const other = res(
      'aws:iam/policy:Policy',
      'lookup',
      {
        policy: policy([
          { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:lookup-rates' },
        ]),
      },
      { parent: identity },
    );
    it('allows the same action on another resource to the agent', () => {
      expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, other], tools)).toEqual([]);
    });
    it('blocks the action on the high-risk resource', () => {
      expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, direct], tools)).toEqual([
        'High-risk action "lambda:InvokeFunction" of tool "initiate-transfer" must be reachable only through an approval gate (got granted directly by IAM policy "payments-tools" policy statement "InitiateTransfer")',
      ]);
    });
    it('blocks the action on a wildcard resource covering it', () => {
      const wide = res(
        'aws:iam/policy:Policy',
        'wide',
        {
          policy: policy([
            { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:*' },
          ]),
        },
        { parent: identity },
      );
      expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, executor, wide], tools)).toEqual([
        expect.stringContaining('granted directly by IAM policy "wide"'),
      ]);
    });
    it('blocks a gate that executes another resource', () => {
      expect(messages(highRiskActionsViaApprovalGate, [env, gate, identity, other], tools)).toEqual([
        'High-risk action "lambda:InvokeFunction" of tool "initiate-transfer" must have an approval gate that executes it (got no agentfence:aws:ApprovalGate granting it)',
      ]);
    });
  });
  it('checks nothing when no high-risk action is configured', () => {
    expect(messages(highRiskActionsViaApprovalGate, [direct])).toEqual([]);
  });
});
