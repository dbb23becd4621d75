import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cedarEngine } from '../../../src/cedar/engine.js';
import {
  actionHead,
  agentcoreGatewayHasPolicies,
  agentcoreHighRiskViaApproval,
  agentcorePermitActionScoped,
  agentcorePolicyEngineNotShared,
  agentcoreTargetDeclared,
  maskEntityIds,
  runtimeCanPullImage,
  runtimeImageByDigest,
} from '../../../src/rules/agentcore.js';
import { iamNoWildcardResource, isWildcardOnlyAction } from '../../../src/rules/least-privilege.js';
import type { PlannedResource } from '../../../src/rules/types.js';
import { component, messages, policy, res, UNKNOWN } from './helpers.js';

const ENGINE = 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:policy-engine/pe-1';
const GW = 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:gateway/gw-1';
const IMAGE = `111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentfence/payments@sha256:${'ab'.repeat(32)}`;
const REPO = 'arn:aws:ecr:eu-west-1:111122223333:repository/agentfence/payments';
const env = component('agentfence:aws:AgentEnvironment', 'payments');
const permit = (action: string) =>
  `permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"${action}", resource == AgentCore::Gateway::"${GW}");`;

type Edit = (r: Record<string, PlannedResource>) => void;

/** A compliant AgentCore stack: gateway, engine, policies, targets, runtime and its pull policy. */
function stack(edit: Edit = () => undefined): PlannedResource[] {
  const r: Record<string, PlannedResource> = {
    gateway: res(
      'aws:bedrock/agentcoreGateway:AgentcoreGateway',
      'payments-gateway',
      { policyEngineConfiguration: { arn: ENGINE, mode: 'ENFORCE' } },
      { parent: env },
    ),
    permitLookup: res(
      'aws:bedrock/agentcorePolicy:AgentcorePolicy',
      'payments-cedar-permit-lookup',
      { policyEngineId: 'pe-1', definition: { cedar: { statement: permit('lookup___lookup') } } },
      { parent: env },
    ),
    permitPay: res(
      'aws:bedrock/agentcorePolicy:AgentcorePolicy',
      'payments-cedar-permit-pay',
      { policyEngineId: 'pe-1', definition: { cedar: { statement: permit('pay-approval___pay') } } },
      { parent: env },
    ),
    targetLookup: res(
      'aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget',
      'payments-target-lookup',
      { name: 'lookup' },
      { parent: env },
    ),
    targetPay: res(
      'aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget',
      'payments-target-pay-approval',
      { name: 'pay-approval' },
      { parent: env },
    ),
    runtime: res(
      'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime',
      'payments-runtime',
      {
        roleArn: 'arn:aws:iam::111122223333:role/agentfence-payments',
        agentRuntimeArtifact: { containerConfiguration: { containerUri: IMAGE } },
      },
      { parent: env },
    ),
    pull: res(
      'aws:iam/rolePolicy:RolePolicy',
      'payments-runtime-pull',
      {
        role: 'agentfence-payments',
        policy: policy([
          { Sid: 'PullRuntimeImage', Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: [REPO] },
          { Sid: 'RegistryToken', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
        ]),
      },
      { parent: env },
    ),
  };
  edit(r);
  return [env, ...Object.values(r)];
}

const set = (r: Record<string, PlannedResource>, key: string, props: Record<string, unknown>): void => {
  r[key] = { ...r[key]!, props: { ...r[key]!.props, ...props } };
};
const config = {
  'agentcore-target-declared': { targets: ['lookup', 'pay-approval'] },
  'agentcore-high-risk-via-approval': { gatedTools: [{ tool: 'pay', toolName: 'pay', action: 'pay-approval___pay' }] },
} as Record<string, Record<string, unknown>>;
const rules = [
  agentcoreGatewayHasPolicies,
  agentcorePermitActionScoped,
  agentcoreHighRiskViaApproval,
  agentcorePolicyEngineNotShared,
  agentcoreTargetDeclared,
  runtimeImageByDigest,
  runtimeCanPullImage,
];
const findings = (resources: PlannedResource[]): Record<string, string[]> =>
  Object.fromEntries(rules.map((rule) => [rule.id, messages(rule, resources, config[rule.id])]).filter(([, found]) => found!.length > 0));

describe('agentcore rules', () => {
  describe('when the stack is compliant', () => {
    it('finds nothing', () => {
      expect(findings(stack())).toEqual({});
    });
  });

  describe.each<[string, Edit, string, RegExp]>([
    [
      'an enforcing gateway with no policy',
      (r) => {
        delete r['permitLookup'];
        delete r['permitPay'];
      },
      'agentcore-gateway-has-policies',
      /denies every tool call/,
    ],
    [
      'policies on another engine',
      (r) => {
        set(r, 'permitLookup', { policyEngineId: 'pe-2' });
        set(r, 'permitPay', { policyEngineId: 'pe-2' });
      },
      'agentcore-gateway-has-policies',
      /0 AgentcorePolicy/,
    ],
    [
      'a permit of every action',
      (r) => set(r, 'permitLookup', { definition: { cedar: { statement: 'permit(principal, action, resource);' } } }),
      'agentcore-permit-action-scoped',
      /action unconstrained/,
    ],
    [
      'a policy that does not parse',
      (r) => set(r, 'permitLookup', { definition: { cedar: { statement: 'permit(principal, action' } } }),
      'agentcore-permit-action-scoped',
      /does not parse/,
    ],
    [
      'a statement unknown until deploy',
      (r) => set(r, 'permitLookup', { definition: { cedar: { statement: UNKNOWN } } }),
      'agentcore-permit-action-scoped',
      /unknown until deploy/,
    ],
    [
      'a high-risk tool permitted on its direct target',
      (r) => set(r, 'permitPay', { definition: { cedar: { statement: permit('pay___pay') } } }),
      'agentcore-high-risk-via-approval',
      /only through pay-approval___pay \(got pay___pay\)/,
    ],
    [
      'a high-risk tool in an action list',
      (r) =>
        set(r, 'permitPay', {
          definition: { cedar: { statement: `permit(principal, action in [AgentCore::Action::"other___pay"], resource);` } },
        }),
      'agentcore-high-risk-via-approval',
      /got other___pay/,
    ],
    [
      'two gateways on one engine',
      (r) =>
        (r['gateway2'] = res('aws:bedrock/agentcoreGateway:AgentcoreGateway', 'other-gateway', {
          policyEngineConfiguration: { arn: ENGINE, mode: 'LOG_ONLY' },
        })),
      'agentcore-policy-engine-not-shared',
      /policy engine of its own/,
    ],
    [
      'a target the manifest does not declare',
      (r) =>
        (r['extra'] = res(
          'aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget',
          'payments-target-shell',
          { name: 'shell' },
          { parent: env },
        )),
      'agentcore-target-declared',
      /got "shell"/,
    ],
    [
      'a target name unknown until deploy',
      (r) => set(r, 'targetLookup', { name: UNKNOWN }),
      'agentcore-target-declared',
      /unknown until deploy/,
    ],
    [
      'a runtime image by tag',
      (r) =>
        set(r, 'runtime', {
          agentRuntimeArtifact: {
            containerConfiguration: { containerUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentfence/payments:latest' },
          },
        }),
      'runtime-image-by-digest',
      /by digest .*:latest/,
    ],
    [
      'a runtime image with no tag',
      (r) => set(r, 'runtime', { agentRuntimeArtifact: { containerConfiguration: { containerUri: 'public.ecr.aws/x/y' } } }),
      'runtime-image-by-digest',
      /by digest/,
    ],
    [
      'an ECS container by tag',
      (r) =>
        (r['task'] = res('aws:ecs/taskDefinition:TaskDefinition', 'task', {
          containerDefinitions: JSON.stringify([
            { name: 'a', image: IMAGE },
            { name: 'b', image: 'nginx:1.27' },
          ]),
        })),
      'runtime-image-by-digest',
      /containerDefinitions\[1\]\.image .*nginx:1\.27/,
    ],
    [
      'a Lambda image by tag',
      (r) =>
        (r['fn'] = res('aws:lambda/function:Function', 'fn', {
          packageType: 'Image',
          imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn:v2',
        })),
      'runtime-image-by-digest',
      /imageUri/,
    ],
    [
      'an execution role without the registry token',
      (r) =>
        set(r, 'pull', {
          policy: policy([{ Sid: 'P', Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: [REPO] }]),
        }),
      'runtime-can-pull-image',
      /missing ecr:GetAuthorizationToken/,
    ],
    [
      'an execution role scoped to another repository',
      (r) =>
        set(r, 'pull', {
          policy: policy([
            {
              Sid: 'P',
              Effect: 'Allow',
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetAuthorizationToken'],
              Resource: ['arn:aws:ecr:eu-west-1:111122223333:repository/other'],
            },
          ]),
        }),
      'runtime-can-pull-image',
      /missing ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, ecr:GetAuthorizationToken/,
    ],
    [
      'an execution role with no pull policy',
      (r) => {
        delete r['pull'];
      },
      'runtime-can-pull-image',
      /missing/,
    ],
    ['a pull policy on another role', (r) => set(r, 'pull', { role: 'someone-else' }), 'runtime-can-pull-image', /missing/],
  ])('when the stack has %s', (_name, edit, rule, message) => {
    it(`is a ${rule} finding`, () => {
      const found = findings(stack(edit));
      expect(Object.keys(found)).toContain(rule);
      expect(found[rule]!.join('\n')).toMatch(message);
    });
  });

  describe('when the targets are not configured', () => {
    it('has nothing to compare with and reports nothing', () => {
      expect(messages(agentcoreTargetDeclared, stack())).toEqual([]);
    });
  });

  describe('when a gateway logs only', () => {
    it('does not require policies', () => {
      expect(
        messages(
          agentcoreGatewayHasPolicies,
          stack((r) => {
            set(r, 'gateway', { policyEngineConfiguration: { arn: ENGINE, mode: 'LOG_ONLY' } });
            delete r['permitLookup'];
            delete r['permitPay'];
          }),
        ),
      ).toEqual([]);
    });
  });

  describe('when iam-no-wildcard-resource meets Resource "*"', () => {
    it.each<[string, string[], number]>([
      ['an action with no resource-level permissions', ['ecr:GetAuthorizationToken'], 0],
      ['such an action beside a scoped one', ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'], 1],
      ['a scoped action', ['s3:GetObject'], 1],
      ['a wildcard action', ['ecr:Get*'], 1],
    ])('%s -> %i findings', (_name, actions, count) => {
      const role = res('aws:iam/rolePolicy:RolePolicy', 'p', {
        role: 'r',
        policy: policy([{ Sid: 'S', Effect: 'Allow', Action: actions, Resource: '*' }]),
      });
      expect(messages(iamNoWildcardResource, [role])).toHaveLength(count);
    });
  });

  describe('isWildcardOnlyAction', () => {
    it.each([
      ['ecr:GetAuthorizationToken', true],
      ['ECR:getauthorizationtoken', true],
      ['sts:GetCallerIdentity', true],
      ['ecr:BatchGetImage', false],
      ['s3:GetObject', false],
      ['ecr:*', false],
      ['nosuchservice:Action', false],
      ['ecr:NoSuchAction', false],
      ['../etc:passwd', false],
    ])('%s -> %s', (action, expected) => {
      expect(isWildcardOnlyAction(action)).toBe(expected);
    });
  });
});

describe('actionHead: the action scope cut from a policy reads as the full policy does', () => {
  const engine = cedarEngine();
  const scope = (text: string) => {
    const answer = engine.policyToJson(text);
    return answer.type === 'success' ? { effect: answer.json.effect, action: answer.json.action } : undefined;
  };
  const texts = [
    permit('lookup___lookup'),
    'permit(principal, action, resource);',
    '@id("a(b), c")\n@advice\nforbid ( principal , action in [AgentCore::Action::"x___y", AgentCore::Action::"a,b)"] , resource ) when { context.input.s == "),(" };',
    'permit(principal == AgentCore::OAuthUser::"u,1", action == AgentCore::Action::"t___u\\"v", resource in AgentCore::Gateway::"g") unless { [1, 2].contains(context.input.n) };',
    'permit(principal is AgentCore::OAuthUser in AgentCore::Group::"g", action, resource is AgentCore::Gateway);',
  ];
  it.each(texts)('%s', (text) => {
    const head = actionHead(text);
    expect(head).toBeDefined();
    expect(scope(head!)).toEqual(scope(text));
    expect(scope(text)).toBeDefined();
  });
  it('gives up on what it does not expect, so the full text is parsed', () => {
    expect(actionHead('permit(principal, // who\n action, resource);')).toBeUndefined();
    expect(actionHead('permit(principal, action')).toBeUndefined();
    expect(actionHead('allow(principal, action, resource);')).toBeUndefined();
  });
  it('refuses two policies in one statement, as the engine does', () => {
    const both = `${permit('lookup___lookup')} permit(principal, action, resource);`;
    const found = messages(
      agentcorePermitActionScoped,
      stack((r) => set(r, 'permitLookup', { definition: { cedar: { statement: both } } })),
    );
    expect(found).toEqual([expect.stringMatching(/does not parse/)]);
  });
});

describe('maskEntityIds: a masked policy parses exactly when the policy does', () => {
  const engine = cedarEngine();
  const parses = (text: string) => engine.checkParsePolicySet({ staticPolicies: { p: text } }).type === 'success';

  it('empties entity ids written without escapes, and nothing else', () => {
    expect(maskEntityIds(permit('lookup___lookup'))).toBe(
      'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"", resource == AgentCore::Gateway::"");',
    );
    const kept = '@id("p::\\"q")\npermit(principal, action == A::"x\\"y", resource) when { context.s == "::" && ip("10.0.0.1").isIpv4() };';
    expect(maskEntityIds(kept)).toBe(kept);
    // A string in a comment is not a string; an unterminated one leaves the text as it is.
    expect(maskEntityIds('permit(principal, // A::"x\n action == A::"y", resource);')).toBe(
      'permit(principal, // A::"x\n action == A::"", resource);',
    );
    expect(maskEntityIds('permit(principal, action == A::"y, resource);')).toBe('permit(principal, action == A::"y, resource);');
  });

  const cases = [
    permit('lookup___lookup'),
    'permit(principal, action in [AgentCore::Action::"a", AgentCore::Action::"b"], resource) when { context.input.n > 1 };',
    'permit(principal, action == AgentCore::Action::"a\\q", resource);',
    'permit(principal, action == AgentCore::Action::"a", resource == AgentCore::Gateway::"g" );  permit(principal, action, resource);',
    'permit(principal, action == AgentCore::Action::"a", resource) when { ip("not an ip") };',
    'permit(principal, action == AgentCore::Action::"a", resource) when { {"k": 1, "k": 2}.k == 1 };',
    'permit(principal, action == AgentCore::Action::"", resource);',
    'forbid(principal, action == AgentCore::Action::"unterminated, resource);',
  ];
  it.each(cases)('%s', (text) => {
    expect(parses(maskEntityIds(text))).toBe(parses(text));
  });
  it('the cases hold policies that parse and policies that do not', () => {
    expect(cases.filter(parses).length).toBeGreaterThan(1);
    expect(cases.filter((text) => !parses(text)).length).toBeGreaterThan(2);
  });

  it('holds for random entity ids and conditions (fast-check, seeded)', () => {
    const id = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => JSON.stringify(s).slice(1, -1));
    fc.assert(
      fc.property(id, id, fc.constantFrom('', ' ', '\n', '  // c::"x"\n'), (action, gateway, gap) => {
        const text = `permit(principal, action ==${gap}AgentCore::Action::"${action}", resource == AgentCore::Gateway::${gap}"${gateway}") when { context.s == "${gateway}" };`;
        expect(parses(maskEntityIds(text))).toBe(parses(text));
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});
