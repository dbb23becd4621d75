import { beforeAll, describe, expect, it } from 'vitest';
import { AgentEnvironment } from '../../../src/components/aws/agent-environment.js';
import { manifest, record, type Resources, tool } from './harness.js';

const IMAGE = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentfence/payments@sha256:' + 'ab'.repeat(32);

describe('AgentEnvironment', () => {
  let payments: Resources;
  beforeAll(async () => {
    payments = await record(
      () => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: manifest(), apiHosts: ['api.example.com'] }),
    );
  });

  describe('when the runtime is AgentCore', () => {
    it('runs the agent in VPC mode with its role, subnets and security group', () => {
      const r = payments;
      const runtime = r.one('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime').inputs as Record<string, any>;
      expect(runtime['roleArn']).toBe(r.one('aws:iam/role:Role', 'identity-role').outputs['arn']);
      expect(runtime['networkConfiguration'].networkMode).toBe('VPC');
      const subnetIds = r
        .ofType('aws:ec2/subnet:Subnet')
        .filter((s) => s.name.includes('-agent-'))
        .map((s) => s.id)
        .sort();
      expect([...runtime['networkConfiguration'].networkModeConfig.subnets].sort()).toEqual(subnetIds);
      expect(runtime['networkConfiguration'].networkModeConfig.securityGroups).toEqual([
        r.one('aws:ec2/securityGroup:SecurityGroup', 'agent-sg').id,
      ]);
      expect(runtime['authorizerConfiguration'].customJwtAuthorizer.discoveryUrl).toMatch(
        /^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/.+\/\.well-known\/openid-configuration$/,
      );
    });
    it('puts a JWT-authorized gateway with an ENFORCE policy engine in front of the tools', () => {
      const r = payments;
      const gateway = r.one('aws:bedrock/agentcoreGateway:AgentcoreGateway').inputs as Record<string, any>;
      expect(gateway['authorizerType']).toBe('CUSTOM_JWT');
      expect(gateway['authorizerConfiguration'].customJwtAuthorizer.allowedClients).toHaveLength(1);
      expect(gateway['policyEngineConfiguration']).toEqual({
        arn: r.one('aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine').outputs['arn'],
        mode: 'ENFORCE',
      });
      expect(gateway['kmsKeyArn']).toMatch(/^arn:aws:kms:/);
    });
    it('uses a given JWT issuer instead of creating one', async () => {
      const r = await record(
        () =>
          new AgentEnvironment('payments', {
            runtimeImage: IMAGE,
            manifest: manifest(),
            authorizer: { discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration', allowedAudiences: ['agents'] },
          }),
      );
      expect(r.ofType('aws:cognito/userPool:UserPool')).toHaveLength(0);
      expect((r.one('aws:bedrock/agentcoreGateway:AgentcoreGateway').inputs as Record<string, any>)['authorizerConfiguration']).toEqual({
        customJwtAuthorizer: { discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration', allowedAudiences: ['agents'] },
      });
    });
  });

  describe('when tools declare MCP interfaces', () => {
    let r: Resources;
    const lambdaArn = 'arn:aws:lambda:eu-west-1:111122223333:function:lookup';
    const schema = { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'integer' } }, required: ['id'] } as const;
    beforeAll(async () => {
      const m = manifest({
        tools: [
          tool('lookup', { mcp: { toolName: 'lookup', description: 'Look up.', inputSchema: schema, target: { lambda: lambdaArn } } }),
          tool('ledger', {
            mcp: {
              toolName: 'read',
              description: 'Read.',
              inputSchema: schema,
              target: { mcpServer: { plugin: '@acme/ledger-mcp', endpoint: 'https://ledger.example/mcp' } },
            },
          }),
          tool('pay', {
            risk: 'high',
            approval: 'required',
            mcp: {
              toolName: 'pay',
              description: 'Pay.',
              inputSchema: schema,
              target: { lambda: 'arn:aws:lambda:eu-west-1:111122223333:function:pay' },
            },
            conditions: { limits: { amount: { max: 100 } }, scopes: ['pay:write'] },
          }),
        ],
      });
      r = await record(() => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: m, cloudTrail: false }));
    });

    it('creates one gateway target per target, the gated tool only through its approval request function', () => {
      const targets = r.ofType('aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget').map((t) => t.inputs as Record<string, any>);
      expect(targets.map((t) => t['name']).sort()).toEqual(['acme-ledger-mcp', 'lookup', 'pay-approval']);
      const lookup = targets.find((t) => t['name'] === 'lookup')!;
      expect(lookup['targetConfiguration'].mcp.lambda.lambdaArn).toBe(lambdaArn);
      expect(lookup['targetConfiguration'].mcp.lambda.toolSchema.inlinePayloads[0]).toMatchObject({
        name: 'lookup',
        inputSchema: {
          type: 'object',
          properties: [
            { name: 'id', type: 'string', required: true },
            { name: 'amount', type: 'integer' },
          ],
        },
      });
      expect(lookup['credentialProviderConfiguration']).toEqual({ gatewayIamRole: {} });
      const pay = targets.find((t) => t['name'] === 'pay-approval')!;
      const requestFn = r.one('aws:lambda/function:Function', 'gate-pay-request');
      expect(pay['targetConfiguration'].mcp.lambda.lambdaArn).toBe(requestFn.outputs['arn']);
      expect(JSON.stringify(targets)).not.toContain('function:pay"');
      expect(targets.find((t) => t['name'] === 'acme-ledger-mcp')!['targetConfiguration'].mcp.mcpServer.endpoint).toBe(
        'https://ledger.example/mcp',
      );
    });

    it('attaches one AgentCore policy per generated Cedar policy, scoped to the gateway ARN', () => {
      const policies = r.ofType('aws:bedrock/agentcorePolicy:AgentcorePolicy').map((p) => p.inputs as Record<string, any>);
      const gatewayArn = r.one('aws:bedrock/agentcoreGateway:AgentcoreGateway').outputs['gatewayArn'] as string;
      expect(policies.map((p) => p['name']).sort()).toEqual(['forbid_pay_amount_limit', 'permit_ledger', 'permit_lookup', 'permit_pay']);
      for (const p of policies) {
        expect(p['policyEngineId']).toBe(r.one('aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine').outputs['policyEngineId']);
        expect(p['definition'].cedar.statement).toContain(`AgentCore::Gateway::"${gatewayArn}"`);
        expect(p['validationMode']).toBe('FAIL_ON_ANY_FINDINGS');
      }
      expect(policies.find((p) => p['name'] === 'permit_pay')!['definition'].cedar.statement).toContain(
        'action == AgentCore::Action::"pay-approval___pay"',
      );
    });

    it('lets the gateway role invoke exactly its own functions', () => {
      const invoke = r.json('aws:iam/rolePolicy:RolePolicy', 'gateway-invoke', 'policy');
      expect(invoke.Statement).toEqual([
        {
          Sid: 'InvokeOwnToolFunctions',
          Effect: 'Allow',
          Action: ['lambda:InvokeFunction'],
          Resource: [lambdaArn, 'arn:aws:lambda:eu-west-1:111122223333:function:agentfence-payments-pay-approval'].sort(),
        },
      ]);
    });

    it('lets the approval request function start only its gate', () => {
      const policy = r.json('aws:iam/rolePolicy:RolePolicy', 'gate-pay-request-policy', 'policy');
      expect(policy.Statement[0]).toMatchObject({
        Action: ['states:StartExecution'],
        Resource: [expect.stringMatching(/^arn:aws:states:eu-west-1:111122223333:stateMachine:/)],
      });
    });

    it('adds the kill switch policy when paused', async () => {
      const m = manifest({
        paused: true,
        tools: [
          tool('lookup', { mcp: { toolName: 'lookup', description: 'Look up.', inputSchema: schema, target: { lambda: lambdaArn } } }),
        ],
      });
      const paused = await record(() => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: m, cloudTrail: false }));
      const kill = paused.one('aws:bedrock/agentcorePolicy:AgentcorePolicy', 'cedar-kill-switch').inputs as Record<string, any>;
      expect(kill['definition'].cedar.statement).toBe('@id("kill-switch")\nforbid(principal, action, resource);');
    });
  });

  describe('when the runtime image is pinned by digest', () => {
    it('runs that digest and lets the execution role pull exactly its repository', () => {
      const r = payments;
      const runtime = r.one('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime').inputs as Record<string, any>;
      expect(runtime['agentRuntimeArtifact'].containerConfiguration.containerUri).toBe(IMAGE);
      const pull = r.json('aws:iam/rolePolicy:RolePolicy', 'runtime-pull', 'policy');
      expect(pull.Statement).toEqual([
        {
          Sid: 'PullRuntimeImage',
          Effect: 'Allow',
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
          Resource: ['arn:aws:ecr:eu-west-1:111122223333:repository/agentfence/payments'],
        },
        { Sid: 'RegistryToken', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
      ]);
      expect(r.one('aws:iam/rolePolicy:RolePolicy', 'runtime-pull').inputs['role']).toBe('agentfence-payments');
      const boundary = r.json('aws:iam/policy:Policy', 'identity-boundary', 'policy');
      expect(boundary.Statement.find((s: { Sid: string }) => s.Sid === 'CapEcr')).toMatchObject({
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: ['arn:aws:ecr:eu-west-1:111122223333:repository/agentfence/payments'],
      });
      expect(boundary.Statement.find((s: { Sid: string }) => s.Sid === 'CapUnscoped')).toEqual({
        Sid: 'CapUnscoped',
        Effect: 'Allow',
        Action: ['ecr:GetAuthorizationToken'],
        Resource: '*',
      });
    });
  });

  describe('when the runtime is not AgentCore', () => {
    it.each(['ecs', 'eks'] as const)('%s gets no AgentCore resources', async (runtime) => {
      const m = manifest({ identity: { runtime, account: '111122223333', region: 'eu-west-1' } });
      const r = await record(() => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: m }));
      expect(r.all.filter((res) => res.type.startsWith('aws:bedrock/'))).toHaveLength(0);
      expect(JSON.parse(r.one('aws:iam/role:Role', 'identity-role').inputs['assumeRolePolicy'] as string).Statement).toHaveLength(1);
    });
  });

  describe.each([
    ['the manifest', { paused: true }, {}],
    ['the stack config', {}, { paused: true }],
  ])('when paused by %s', (_, manifestOverrides, argOverrides) => {
    it('attaches the deny-all kill switch to the agent role', async () => {
      const r = await record(
        () => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: manifest(manifestOverrides), ...argOverrides }),
      );
      const kill = r.one('aws:iam/rolePolicy:RolePolicy', 'kill-switch');
      expect(JSON.parse(kill.inputs['policy'] as string).Statement[0]).toMatchObject({ Effect: 'Deny', Action: ['*'], Resource: '*' });
      expect(kill.inputs['role']).toBe('agentfence-payments');
    });
  });

  describe('when composing', () => {
    it.each([
      ['no gated tool', [tool('a')], 0],
      ['one gated tool', [tool('a'), tool('pay', { risk: 'high', approval: 'required' })], 1],
      ['two gated tools', [tool('pay', { risk: 'high', approval: 'required' }), tool('ask', { approval: 'required' })], 2],
    ])('creates one approval gate per gated tool (%s)', async (_, tools, gates) => {
      const r = await record(() => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: manifest({ tools }) }));
      expect(r.ofType('agentfence:aws:ApprovalGate')).toHaveLength(gates);
      expect(r.ofType('aws:sfn/stateMachine:StateMachine')).toHaveLength(gates);
    });
    it.each([
      [[], 0, 0],
      [[{ name: 'm', kind: 'dynamodb', classification: 'internal', retentionDays: 7 }], 0, 1],
      [
        [
          { name: 'a', kind: 's3', classification: 'public', retentionDays: 7 },
          { name: 'b', kind: 's3', classification: 'restricted', retentionDays: 7 },
          { name: 'c', kind: 'dynamodb', classification: 'confidential', retentionDays: 7 },
        ],
        2,
        1,
      ],
    ] as const)('creates one encrypted store per data store (%j)', async (dataStores, buckets, tables) => {
      const r = await record(
        () => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: manifest({ dataStores }), cloudTrail: false }),
      );
      expect(r.ofType('agentfence:aws:EncryptedStore')).toHaveLength(dataStores.length);
      expect(r.ofType('aws:s3/bucket:Bucket')).toHaveLength(buckets);
      expect(r.ofType('aws:dynamodb/table:Table')).toHaveLength(tables);
    });
    it('gives every IAM role a permissions boundary and 1-hour sessions', () => {
      const r = payments;
      const roles = r.ofType('aws:iam/role:Role');
      expect(roles.length).toBeGreaterThanOrEqual(5);
      for (const role of roles) {
        expect(role.inputs['permissionsBoundary'], role.name).toMatch(/^arn:aws:iam::111122223333:policy\//);
        expect(role.inputs['maxSessionDuration'], role.name).toBe(3600);
      }
    });
    it('keeps every KMS key rotating', () => {
      const r = payments;
      for (const key of r.ofType('aws:kms/key:Key')) expect(key.inputs['enableKeyRotation'], key.name).toBe(true);
    });
  });

  describe('when the manifest names hosted models', () => {
    it('grants invoking exactly those models, caps them in the boundary and reaches Bedrock privately', async () => {
      const m = manifest({
        models: [
          { name: 'planner', hosted: 'anthropic.claude-sonnet-4-5-20250929-v1:0' },
          { name: 'local', path: 'models/local' },
        ],
      });
      const r = await record(() => new AgentEnvironment('payments', { runtimeImage: IMAGE, manifest: m, cloudTrail: false }));
      const modelArn = 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0';
      const policy = r.json('aws:iam/policy:Policy', 'policy-policy', 'policy');
      expect(policy.Statement.filter((s: { Sid: string }) => s.Sid.startsWith('Model'))).toEqual([
        {
          Sid: 'ModelPlanner',
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          Resource: [modelArn],
        },
      ]);
      const boundary = r.json('aws:iam/policy:Policy', 'identity-boundary', 'policy');
      expect(boundary.Statement.find((s: { Sid: string }) => s.Sid === 'CapBedrock').Resource).toEqual([modelArn]);
      expect(r.ofType('aws:ec2/vpcEndpoint:VpcEndpoint').map((e) => e.inputs['serviceName'])).toContain(
        'com.amazonaws.eu-west-1.bedrock-runtime',
      );
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['manifest', { manifest: undefined as never }],
      ['manifest.identity.account', { manifest: manifest({ identity: { runtime: 'agentcore', account: 'x', region: 'eu-west-1' } }) }],
      ['authorizer.discoveryUrl', { manifest: manifest(), authorizer: { discoveryUrl: 'http://idp', allowedAudiences: ['a'] } }],
      ['authorizer', { manifest: manifest(), authorizer: { discoveryUrl: 'https://idp.example.com/x' } }],
      ['runtimeImage', { manifest: manifest(), runtimeImage: 'latest' }],
      ['apiHosts', { runtimeImage: IMAGE, manifest: manifest({ network: { egress: 'none' } }), apiHosts: ['api.example.com'] }],
      ['runtimeImage', { manifest: manifest() }],
      ['runtimeImage', { manifest: manifest(), runtimeImage: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentfence/payments:latest' }],
      ['runtimeImage', { manifest: manifest(), runtimeImage: 'docker.io/library/node@sha256:' + 'ab'.repeat(32) }],
      [
        'runtimeImage',
        { manifest: manifest(), runtimeImage: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentfence/payments@sha256:abc' },
      ],
      [
        'openApiDocuments.payments-gateway',
        {
          runtimeImage: IMAGE,
          manifest: manifest({
            tools: [
              tool('call-api', {
                mcp: {
                  toolName: 'call',
                  description: 'd',
                  inputSchema: { type: 'object', properties: {} },
                  target: { openApi: { api: 'payments-gateway', operation: 'call' } },
                },
              }),
            ],
          }),
        },
      ],
    ])('throws naming args.%s', (arg, input) => {
      expect(() => new AgentEnvironment('payments', input as never)).toThrow(`AgentEnvironment args.${arg} must`);
    });
  });
});
