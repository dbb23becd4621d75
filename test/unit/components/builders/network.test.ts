import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import {
  buildAgentEgress,
  buildAllowlistRuleGroup,
  buildAllowlistTargets,
  buildFirewallPolicy,
  buildSubnetLayout,
  endpointServiceName,
  endpointServices,
} from '../../../../src/components/aws/builders/network.js';

describe('buildSubnetLayout', () => {
  describe('when egress goes through the firewall', () => {
    it('carves agent, firewall and NAT subnets without overlap', () => {
      expect(buildSubnetLayout('10.64.0.0/16', 2, true)).toEqual({
        agent: ['10.64.0.0/18', '10.64.64.0/18'],
        firewall: ['10.64.192.0/28', '10.64.192.16/28'],
        public: ['10.64.192.64/28', '10.64.192.80/28'],
      });
    });
  });
  describe('when there is no egress', () => {
    it('creates agent subnets only', () => {
      expect(buildSubnetLayout('172.16.4.0/22', 3, false)).toEqual({
        agent: ['172.16.4.0/24', '172.16.5.0/24', '172.16.6.0/24'],
        firewall: [],
        public: [],
      });
    });
  });
  describe('when the args are invalid', () => {
    it.each([
      ['10.64.0.0/8', 2, 'cidrBlock'],
      ['10.64.0.1/16', 2, 'cidrBlock'],
      ['10.300.0.0/16', 2, 'cidrBlock'],
      ['not-a-cidr', 2, 'cidrBlock'],
      ['10.64.0.0/16', 4, 'availabilityZones'],
      ['10.64.0.0/16', 0, 'availabilityZones'],
    ])('%s with %i zones is refused naming %s', (cidr, zones, arg) => {
      expect(() => buildSubnetLayout(cidr, zones, true)).toThrow(`NetworkBoundary args.${arg} must`);
    });
  });
});

describe('endpointServices', () => {
  it.each([
    [
      ['dynamodb:GetItem', 's3:GetObject', 'states:StartExecution'],
      'lambda',
      { gateway: ['dynamodb', 's3'], interface: ['kms', 'logs', 'states'] },
    ],
    [['bedrock:InvokeModel'], 'agentcore', { gateway: [], interface: ['bedrock-agentcore', 'bedrock-runtime', 'kms', 'logs'] }],
    [[], 'ecs', { gateway: ['s3'], interface: ['ecr.api', 'ecr.dkr', 'kms', 'logs', 'sts'] }],
  ])('%j on %s', (actions, runtime, expected) => {
    expect(endpointServices(actions, runtime)).toEqual(expected);
  });
  it('names the endpoint service for the region', () => {
    expect(endpointServiceName('eu-west-1', 'kms')).toBe('com.amazonaws.eu-west-1.kms');
    expect(endpointServiceName('cn-north-1', 'kms')).toBe('cn.com.amazonaws.cn-north-1.kms');
  });
});

describe('buildAllowlistTargets', () => {
  it('lower-cases, de-duplicates and sorts host names', () => {
    expect(buildAllowlistTargets(['API.Example.com', 'auth.example.com', 'api.example.com'])).toEqual([
      'api.example.com',
      'auth.example.com',
    ]);
  });
  describe('when a host is not an exact DNS name', () => {
    it.each(['*.example.com', '.example.com', '10.0.0.1', 'example.com:443', 'https://example.com', 'localhost', '', 'a..b.com'])(
      '%j is refused',
      (host) => {
        expect(() => buildAllowlistTargets([host])).toThrow(InputError);
      },
    );
  });
});

describe('firewall documents', () => {
  it('allowlists the targets for TLS SNI and HTTP Host in strict order', () => {
    expect(buildAllowlistRuleGroup(['api.example.com'])).toEqual({
      rulesSource: {
        rulesSourceList: { generatedRulesType: 'ALLOWLIST', targetTypes: ['HTTP_HOST', 'TLS_SNI'], targets: ['api.example.com'] },
      },
      statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
    });
  });
  it('forwards everything to the stateful engine, which drops established flows by default', () => {
    expect(buildFirewallPolicy(['arn:rg'])).toEqual({
      statelessDefaultActions: ['aws:forward_to_sfe'],
      statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
      statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
      statefulDefaultActions: ['aws:alert_established', 'aws:drop_established'],
      statefulRuleGroupReferences: [{ resourceArn: 'arn:rg', priority: 10 }],
    });
  });
});

describe('buildAgentEgress', () => {
  it('allows only HTTPS: to endpoints, gateway prefix lists, and through the firewall', () => {
    const rules = buildAgentEgress('sg-1', ['pl-1'], true);
    for (const rule of rules) expect(rule).toMatchObject({ protocol: 'tcp', fromPort: 443, toPort: 443 });
    expect(rules.map((rule) => rule.securityGroups ?? rule.prefixListIds ?? rule.cidrBlocks)).toEqual([['sg-1'], ['pl-1'], ['0.0.0.0/0']]);
  });
  it('has no internet rule without a firewall', () => {
    expect(buildAgentEgress('sg-1', [], false).flatMap((rule) => rule.cidrBlocks ?? [])).toEqual([]);
  });
});
