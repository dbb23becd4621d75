import { describe, expect, it } from 'vitest';
import {
  agentcoreGatewayAuthorizer,
  agentcoreGatewayPolicyEnforced,
  agentcoreRuntimeInVpc,
  firewallAllowlistVerified,
  firewallDefaultDrop,
  securityGroupNoIngress,
  securityGroupNoOpenEgress,
} from '../../../src/rules/network.js';
import type { PlannedResource, VerificationLookup } from '../../../src/rules/types.js';
import type { VerificationReport } from '../../../src/verify/types.js';
import { messages, res, UNKNOWN } from './helpers.js';

const SG = 'aws:ec2/securityGroup:SecurityGroup';
const firewall = res('aws:networkfirewall/firewall:Firewall', 'fw', { firewallPolicyArn: 'arn:x' });
const egress443 = { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] };
const sg = (props: Record<string, unknown>) => res(SG, 'agent-sg', { vpcId: 'vpc-1', ingress: [], egress: [egress443], ...props });

describe('security-group-no-ingress', () => {
  const endpoints = (ingress: unknown) => res(SG, 'net-endpoints-sg', { vpcId: 'vpc-1', ingress, egress: [] });
  it.each<[string, PlannedResource[], Record<string, unknown> | undefined, unknown[]]>([
    ['no ingress on the agent group', [sg({})], undefined, []],
    [
      'endpoint ingress from the agent subnets',
      [endpoints([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.64.0.0/18'] }])],
      undefined,
      [],
    ],
    [
      'any ingress on the agent group',
      [sg({ ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroups: ['sg-other'] }] })],
      undefined,
      ['security group "agent-sg" is an agent security group and must have no ingress (got an ingress rule on ports 443-443)'],
    ],
    [
      'an agent group recognised by its Name tag',
      [
        res(SG, 'sg1', {
          tags: { Name: 'acme-agent-sg' },
          ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'] }],
        }),
      ],
      undefined,
      [expect.stringContaining('is an agent security group and must have no ingress')],
    ],
    [
      'ingress from 0.0.0.0/0 on any group',
      [endpoints([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }])],
      undefined,
      ['security group "net-endpoints-sg" must not admit ingress from the internet (got "0.0.0.0/0" on ports 22-22)'],
    ],
    [
      'ingress from ::/0 as a rule resource',
      [res('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'in', { cidrIpv6: '::/0', ipProtocol: '-1' })],
      undefined,
      ['security group ingress rule "in" must not admit ingress from the internet (got "::/0" on ports not set-not set)'],
    ],
    [
      'a legacy rule of unknown direction from anywhere',
      [
        res('aws:ec2/securityGroupRule:SecurityGroupRule', 'r', {
          type: UNKNOWN,
          cidrBlocks: ['0.0.0.0/0'],
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
        }),
      ],
      undefined,
      [expect.stringContaining('must not admit ingress from the internet (got "0.0.0.0/0" on ports 22-22)')],
    ],
    [
      'a legacy ingress rule from anywhere',
      [
        res('aws:ec2/securityGroupRule:SecurityGroupRule', 'r', {
          type: 'ingress',
          cidrBlocks: ['0.0.0.0/0'],
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
        }),
      ],
      undefined,
      [expect.stringContaining('(got "0.0.0.0/0" on ports 443-443)')],
    ],
    [
      'a custom agent group pattern',
      [endpoints([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.64.0.0/18'] }])],
      { agentGroupPattern: 'endpoints' },
      [expect.stringContaining('is an agent security group')],
    ],
    ['unknown ingress', [endpoints(UNKNOWN)], undefined, [expect.stringContaining('ingress source cannot be checked before deploy')]],
    [
      'a secret ingress source',
      [endpoints([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['[secret]'] }])],
      undefined,
      ['security group "net-endpoints-sg": ingress source must not be a secret to be checked (got [secret])'],
    ],
    [
      'an inline ingress block with unknown sources',
      [endpoints([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN }])],
      undefined,
      [expect.stringContaining('ingress source cannot be checked before deploy')],
    ],
    [
      'ingress from 0.0.0.0/0 on the default group',
      [
        res('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'default-sg', {
          vpcId: 'vpc-1',
          ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
          egress: [],
        }),
      ],
      undefined,
      [expect.stringContaining('must not admit ingress from the internet (got "0.0.0.0/0"')],
    ],
    [
      'a separate ingress rule on the agent group',
      [
        res(SG, 'agent-sg', { id: 'sg-agent', ingress: [], egress: [] }),
        res('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'in', {
          securityGroupId: 'sg-agent',
          referencedSecurityGroupId: 'sg-other',
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
        }),
      ],
      undefined,
      [
        'security group ingress rule "in" adds ingress to agent security group "agent-sg", which must have no ingress (got an ingress rule on ports 443-443)',
      ],
    ],
    [
      'a legacy ingress rule on the agent group',
      [
        res(SG, 'agent-sg', { id: 'sg-agent', ingress: [], egress: [] }),
        res('aws:ec2/securityGroupRule:SecurityGroupRule', 'r', {
          type: 'ingress',
          securityGroupId: 'sg-agent',
          sourceSecurityGroupId: 'sg-other',
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
        }),
      ],
      undefined,
      [expect.stringContaining('adds ingress to agent security group "agent-sg"')],
    ],
    [
      'a separate ingress rule on another group',
      [
        res(SG, 'agent-sg', { id: 'sg-agent', ingress: [], egress: [] }),
        res(SG, 'endpoints-sg', { id: 'sg-endpoints', ingress: [], egress: [] }),
        res('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'in', {
          securityGroupId: 'sg-endpoints',
          referencedSecurityGroupId: 'sg-agent',
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
        }),
      ],
      undefined,
      [],
    ],
  ])('when a group has %s', (_, resources, config, expected) => {
    expect(messages(securityGroupNoIngress, resources, config)).toEqual(expected);
  });
});

describe('security-group-no-open-egress', () => {
  it.each<[string, PlannedResource[], Record<string, unknown> | undefined, unknown[]]>([
    ['TLS to anywhere behind a firewall', [sg({}), firewall], undefined, []],
    ['egress to the VPC only', [sg({ egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['10.0.0.0/16'] }] })], undefined, []],
    [
      'TLS to anywhere without a firewall',
      [sg({})],
      undefined,
      [
        'security group "agent-sg" must not allow open egress except TLS through the firewall (got "0.0.0.0/0" and the stack has no Network Firewall)',
      ],
    ],
    [
      'all traffic to anywhere',
      [sg({ egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }] }), firewall],
      undefined,
      ['security group "agent-sg" must not allow open egress except TLS through the firewall (got "0.0.0.0/0" protocol "-1" ports 0-0)'],
    ],
    [
      'port 80 to ::/0 as a rule resource',
      [
        res('aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule', 'out', {
          cidrIpv6: '::/0',
          ipProtocol: 'tcp',
          fromPort: 80,
          toPort: 80,
        }),
        firewall,
      ],
      undefined,
      [expect.stringContaining('(got "::/0" protocol "tcp" ports 80-80)')],
    ],
    [
      'TLS to anywhere when the firewall exception is off',
      [sg({}), firewall],
      { allowTlsEgressThroughFirewall: false },
      [expect.stringContaining('got "0.0.0.0/0"')],
    ],
    [
      'an unknown destination',
      [
        res('aws:ec2/securityGroupRule:SecurityGroupRule', 'r', {
          type: 'egress',
          cidrBlocks: [UNKNOWN],
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
        }),
      ],
      undefined,
      [expect.stringContaining('egress destination cannot be checked before deploy')],
    ],
    [
      'all traffic to a non-canonical /0',
      [sg({ egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['10.0.0.0/0'] }] }), firewall],
      undefined,
      [expect.stringContaining('(got "10.0.0.0/0" protocol "-1" ports 0-0)')],
    ],
    [
      'a secret egress destination',
      [res('aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule', 'out', { cidrIpv4: '[secret]', ipProtocol: '-1' }), firewall],
      undefined,
      ['security group egress rule "out": egress destination must not be a secret to be checked (got [secret])'],
    ],
    [
      'an inline egress block with unknown destinations',
      [sg({ egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: UNKNOWN }] })],
      undefined,
      [expect.stringContaining('egress destination cannot be checked before deploy')],
    ],
    [
      'an unknown inline egress block',
      [sg({ egress: [UNKNOWN] })],
      undefined,
      [expect.stringContaining('egress destination cannot be checked before deploy')],
    ],
    [
      'all traffic to anywhere from the default group',
      [
        res('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'default-sg', {
          vpcId: 'vpc-1',
          ingress: [],
          egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
        }),
        firewall,
      ],
      undefined,
      [
        'default security group "default-sg" must not allow open egress except TLS through the firewall (got "0.0.0.0/0" protocol "-1" ports 0-0)',
      ],
    ],
  ])('when a group has %s', (_, resources, config, expected) => {
    expect(messages(securityGroupNoOpenEgress, resources, config)).toEqual(expected);
  });
});

describe('network-firewall-default-drop', () => {
  const policy = (p: Record<string, unknown>) =>
    res('aws:networkfirewall/firewallPolicy:FirewallPolicy', 'fp', {
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulDefaultActions: ['aws:drop_strict', 'aws:alert_strict'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        ...p,
      },
    });
  it.each([
    ['forward + drop_strict', {}, []],
    ['drop_established', { statefulDefaultActions: ['aws:drop_established'] }, []],
    [
      'stateless pass',
      { statelessDefaultActions: ['aws:pass'] },
      ['firewall policy "fp" statelessDefaultActions must be aws:forward_to_sfe or aws:drop (got ["aws:pass"])'],
    ],
    [
      'no stateful default',
      { statefulDefaultActions: undefined },
      ['firewall policy "fp" statefulDefaultActions must include aws:drop_strict or aws:drop_established (got not set)'],
    ],
    [
      'alert only',
      { statefulDefaultActions: ['aws:alert_strict'] },
      [expect.stringContaining('must include aws:drop_strict or aws:drop_established (got ["aws:alert_strict"])')],
    ],
    [
      'unknown actions',
      { statefulDefaultActions: UNKNOWN },
      [expect.stringContaining('statefulDefaultActions cannot be checked before deploy')],
    ],
    [
      'fragments passed unchecked',
      { statelessFragmentDefaultActions: ['aws:pass'] },
      ['firewall policy "fp" statelessFragmentDefaultActions must be aws:forward_to_sfe or aws:drop (got ["aws:pass"])'],
    ],
  ])('when the policy has %s', (_, change, expected) => {
    expect(messages(firewallDefaultDrop, [policy(change)])).toEqual(expected);
  });
});

describe('network-firewall-allowlist-verified', () => {
  const group = (list: Record<string, unknown>) =>
    res('aws:networkfirewall/ruleGroup:RuleGroup', 'allow', {
      type: 'STATEFUL',
      capacity: 100,
      ruleGroup: {
        rulesSource: {
          rulesSourceList: {
            generatedRulesType: 'ALLOWLIST',
            targetTypes: ['TLS_SNI', 'HTTP_HOST'],
            targets: ['api.payments.example.com'],
            ...list,
          },
        },
      },
    });
  const allowed = { allowedDomains: ['api.payments.example.com', '.tickets.example.com'] };
  it.each([
    ['only verified hosts', {}, []],
    ['a subdomain of an allowed wildcard', { targets: ['eu.tickets.example.com'] }, []],
    [
      'an unverified host',
      { targets: ['api.payments.example.com', 'evil.example.net'] },
      ['firewall rule group "allow" allowlist must contain only verified API hosts (got unverified "evil.example.net")'],
    ],
    ['a wildcard wider than the catalogue', { targets: ['.example.com'] }, [expect.stringContaining('(got unverified ".example.com")')]],
    [
      'a DENYLIST',
      { generatedRulesType: 'DENYLIST' },
      ['firewall rule group "allow" must be an ALLOWLIST (got generatedRulesType "DENYLIST")'],
    ],
    ['unknown targets', { targets: UNKNOWN }, [expect.stringContaining('targets cannot be checked before deploy')]],
  ])('when the allowlist holds %s', (_, change, expected) => {
    expect(messages(firewallAllowlistVerified, [group(change)], allowed)).toEqual(expected);
  });
  const RULE_GROUP = 'aws:networkfirewall/ruleGroup:RuleGroup';
  it.each<[string, Record<string, unknown>, unknown[]]>([
    [
      'Suricata pass rules',
      {
        type: 'STATEFUL',
        ruleGroup: {
          rulesSource: { rulesString: 'drop tcp any any -> any 22 (sid:1;)\npass tls $HOME_NET any -> $EXTERNAL_NET 443 (sid:2;)' },
        },
      },
      [
        'firewall rule group "g" must let traffic through only by a domain ALLOWLIST of verified API hosts (got Suricata pass rules in rulesString)',
      ],
    ],
    [
      'Suricata pass rules in the rules property',
      { type: 'STATEFUL', rules: 'pass ip any any -> any any (sid:1;)' },
      [expect.stringContaining('(got Suricata pass rules in rules)')],
    ],
    [
      'stateful PASS rules',
      {
        type: 'STATEFUL',
        ruleGroup: {
          rulesSource: {
            statefulRules: [
              {
                action: 'PASS',
                header: {
                  protocol: 'IP',
                  source: 'ANY',
                  sourcePort: 'ANY',
                  destination: 'ANY',
                  destinationPort: 'ANY',
                  direction: 'FORWARD',
                },
                ruleOptions: [{ keyword: 'sid', settings: ['1'] }],
              },
            ],
          },
        },
      },
      [expect.stringContaining('(got stateful rules with action PASS)')],
    ],
    [
      'stateless pass rules',
      {
        type: 'STATELESS',
        ruleGroup: {
          rulesSource: {
            statelessRulesAndCustomActions: {
              statelessRules: [{ priority: 1, ruleDefinition: { actions: ['aws:pass'], matchAttributes: {} } }],
            },
          },
        },
      },
      [expect.stringContaining('(got stateless rules with action aws:pass)')],
    ],
    [
      'unknown Suricata rules',
      { type: 'STATEFUL', ruleGroup: { rulesSource: { rulesString: UNKNOWN } } },
      [expect.stringContaining('rulesString cannot be checked before deploy')],
    ],
    [
      'Suricata drop rules only',
      { type: 'STATEFUL', ruleGroup: { rulesSource: { rulesString: 'drop tcp any any -> any 22 (sid:1;)' } } },
      [],
    ],
    ['stateful DROP rules only', { type: 'STATEFUL', ruleGroup: { rulesSource: { statefulRules: [{ action: 'DROP', header: {} }] } } }, []],
  ])('when a rule group has %s', (_, props, expected) => {
    expect(messages(firewallAllowlistVerified, [res(RULE_GROUP, 'g', { capacity: 100, ...props })], allowed)).toEqual(expected);
  });
  describe('when no allowedDomains are configured', () => {
    const report: VerificationReport = {
      schemaVersion: 'agentfence.verification/v2',
      agent: 'payments',
      mode: 'enforce',
      manifestDigest: `sha256:${'0'.repeat(64)}`,
      trustPolicyDigest: `sha256:${'1'.repeat(64)}`,
      files: [],
      results: [],
      verifiedHosts: ['api.payments.example.com'],
      summary: { verified: 0, allowListed: 0, blocked: 0, warned: 0 },
    };
    const asked: (string | undefined)[] = [];
    const lookup: VerificationLookup = (agent) => {
      asked.push(agent);
      return { ok: true, report, source: 'verification.json' };
    };
    it('uses the verified hosts of the verification report', () => {
      expect(messages(firewallAllowlistVerified, [group({})], {}, lookup)).toEqual([]);
      expect(messages(firewallAllowlistVerified, [group({ targets: ['other.example.com'] })], {}, lookup)).toEqual([
        expect.stringContaining('unverified "other.example.com"'),
      ]);
    });
    it('asks the lookup for the configured agent', () => {
      asked.length = 0;
      messages(firewallAllowlistVerified, [group({})], { agent: 'payments' }, lookup);
      expect(asked).toEqual(['payments']);
    });
    it('blocks when the report is about another agent', () => {
      expect(messages(firewallAllowlistVerified, [group({})], { agent: 'payments' }, lookup)).toEqual([]);
      expect(messages(firewallAllowlistVerified, [group({})], { agent: 'support-triage' }, lookup)).toEqual([
        'firewall rule group "allow" allowlist must be checked against the verified API hosts of agent "support-triage" (got a report for "payments")',
      ]);
    });
    it.each([
      ['missing', '.agentfence/payments/verification.json must exist; run agentfence verify first'],
      ['invalid', '.agentfence/payments/verification.json must be an agentfence.verification/v2 report (got schemaVersion "v0")'],
    ])('blocks when there is no usable report (%s)', (_, problem) => {
      expect(messages(firewallAllowlistVerified, [group({})], {}, () => ({ ok: false, problem }))).toEqual([
        `firewall rule group "allow" allowlist must be checked against verified API hosts (got ${problem})`,
      ]);
    });
    it('blocks when no lookup is given (fail closed)', () => {
      expect(messages(firewallAllowlistVerified, [group({})], {})).toEqual([
        expect.stringContaining('must be checked against verified API hosts (got no verification report was given'),
      ]);
    });
  });
});

describe('agentcore-runtime-in-vpc', () => {
  const runtime = (mode: unknown) =>
    res('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime', 'rt', { roleArn: 'arn:r', networkConfiguration: { networkMode: mode } });
  it.each([
    ['VPC', 'VPC', []],
    ['PUBLIC', 'PUBLIC', ['AgentCore runtime "rt" must run in network mode VPC (got "PUBLIC")']],
    ['absent', undefined, ['AgentCore runtime "rt" must run in network mode VPC (got not set)']],
    [
      'unknown',
      UNKNOWN,
      ['AgentCore runtime "rt": networkConfiguration.networkMode cannot be checked before deploy (got a value unknown until deploy)'],
    ],
  ])('when the network mode is %s', (_, mode, expected) => {
    expect(messages(agentcoreRuntimeInVpc, [runtime(mode)])).toEqual(expected);
  });
});

describe('agentcore gateway rules', () => {
  const gateway = (props: Record<string, unknown>) =>
    res('aws:bedrock/agentcoreGateway:AgentcoreGateway', 'gw', {
      authorizerType: 'CUSTOM_JWT',
      policyEngineConfiguration: { arn: 'arn:pe', mode: 'ENFORCE' },
      ...props,
    });
  it.each([
    ['CUSTOM_JWT', 'CUSTOM_JWT', []],
    ['AWS_IAM', 'AWS_IAM', []],
    ['NONE', 'NONE', ['AgentCore gateway "gw" authorizerType must be CUSTOM_JWT or AWS_IAM (got "NONE")']],
    ['AUTHENTICATE_ONLY', 'AUTHENTICATE_ONLY', [expect.stringContaining('(got "AUTHENTICATE_ONLY")')]],
    ['unknown', UNKNOWN, [expect.stringContaining('authorizerType cannot be checked before deploy')]],
  ])('agentcore-gateway-authorizer when the authorizer is %s', (_, value, expected) => {
    expect(messages(agentcoreGatewayAuthorizer, [gateway({ authorizerType: value })])).toEqual(expected);
  });
  it.each([
    ['ENFORCE', { arn: 'arn:pe', mode: 'ENFORCE' }, []],
    ['LOG_ONLY', { arn: 'arn:pe', mode: 'LOG_ONLY' }, ['AgentCore gateway "gw" policy engine must be in ENFORCE mode (got "LOG_ONLY")']],
    ['absent', undefined, ['AgentCore gateway "gw" policy engine must be in ENFORCE mode (got not set)']],
    [
      'unknown',
      { arn: 'arn:pe', mode: UNKNOWN },
      [expect.stringContaining('policyEngineConfiguration.mode cannot be checked before deploy')],
    ],
  ])('agentcore-gateway-policy-engine-enforce when the engine is %s', (_, value, expected) => {
    expect(messages(agentcoreGatewayPolicyEnforced, [gateway({ policyEngineConfiguration: value })])).toEqual(expected);
  });
});
