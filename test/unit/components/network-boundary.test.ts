import { beforeAll, describe, expect, it } from 'vitest';
import { NetworkBoundary, type NetworkBoundaryArgs } from '../../../src/components/aws/network-boundary.js';
import { record, type Resources, SCOPE } from './harness.js';

const SG = 'aws:ec2/securityGroup:SecurityGroup';
const RT = 'aws:ec2/routeTable:RouteTable';
const args = (overrides: Partial<NetworkBoundaryArgs> = {}): NetworkBoundaryArgs => ({
  agentName: 'payments',
  scope: SCOPE,
  runtime: 'agentcore',
  egress: 'firewall',
  allowedHosts: ['api.payments-gateway.example', 'auth.payments-gateway.example'],
  actions: ['dynamodb:GetItem', 's3:GetObject', 'states:StartExecution'],
  owner: 'payments-platform',
  riskTier: 'high',
  ...overrides,
});

describe('NetworkBoundary', () => {
  let firewalled: Resources;
  beforeAll(async () => {
    firewalled = await record(() => new NetworkBoundary('net', args()));
  });

  describe('when egress goes through the firewall', () => {
    it('allowlists exactly the API hosts for TLS SNI and HTTP Host', () => {
      const r = firewalled;
      const group = r.one('aws:networkfirewall/ruleGroup:RuleGroup').inputs;
      expect(group['type']).toBe('STATEFUL');
      expect(group['ruleGroup']).toEqual({
        rulesSource: {
          rulesSourceList: {
            generatedRulesType: 'ALLOWLIST',
            targetTypes: ['HTTP_HOST', 'TLS_SNI'],
            targets: ['api.payments-gateway.example', 'auth.payments-gateway.example'],
          },
        },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      });
    });
    it('drops every established flow by default and forwards everything to the stateful engine', () => {
      const r = firewalled;
      const policy = r.one('aws:networkfirewall/firewallPolicy:FirewallPolicy').inputs['firewallPolicy'] as Record<string, unknown>;
      expect(policy['statefulDefaultActions']).toEqual(['aws:alert_established', 'aws:drop_established']);
      expect(policy['statelessDefaultActions']).toEqual(['aws:forward_to_sfe']);
      expect(policy['statelessFragmentDefaultActions']).toEqual(['aws:forward_to_sfe']);
      expect(policy['statefulEngineOptions']).toEqual({ ruleOrder: 'STRICT_ORDER' });
      expect(policy['statefulRuleGroupReferences']).toEqual([
        { resourceArn: r.one('aws:networkfirewall/ruleGroup:RuleGroup').outputs['arn'], priority: 10 },
      ]);
      const firewall = r.one('aws:networkfirewall/firewall:Firewall').inputs;
      expect(firewall).toMatchObject({ deleteProtection: true, subnetChangeProtection: true, firewallPolicyChangeProtection: true });
    });
    it('routes agent subnets only to the firewall endpoint, never to the internet gateway', () => {
      const r = firewalled;
      const igw = r.one('aws:ec2/internetGateway:InternetGateway');
      const agentTables = r.ofType(RT).filter((t) => t.name.includes('-agent-rt-'));
      expect(agentTables).toHaveLength(2);
      for (const table of agentTables) {
        const routes = table.inputs['routes'] as Record<string, string>[];
        expect(routes).toHaveLength(1);
        expect(routes[0]!['cidrBlock']).toBe('0.0.0.0/0');
        expect(routes[0]!['vpcEndpointId']).toMatch(/^vpce-/);
        expect(JSON.stringify(routes)).not.toContain(igw.id);
      }
      for (const subnet of r.ofType('aws:ec2/subnet:Subnet')) expect(subnet.inputs['mapPublicIpOnLaunch']).toBe(false);
    });
    it('gives the agent security group no ingress and HTTPS-only egress', () => {
      const r = firewalled;
      const sg = r.one(SG, 'agent-sg').inputs;
      expect(sg['ingress']).toEqual([]);
      const egress = sg['egress'] as Record<string, unknown>[];
      expect(egress.map((rule) => [rule['protocol'], rule['fromPort'], rule['toPort']])).toEqual([
        ['tcp', 443, 443],
        ['tcp', 443, 443],
        ['tcp', 443, 443],
      ]);
      expect(egress[0]!['securityGroups']).toEqual([r.one(SG, 'endpoints-sg').id]);
    });
  });

  describe.each([
    ['no API host', [], 0],
    ['one API host', ['api.example.com'], 1],
    [
      'hosts of several APIs, repeated and mixed case',
      ['API.vendor-a.example', 'auth.vendor-a.example', 'api.vendor-a.example', 'api.vendor-b.example'],
      3,
    ],
  ])('when the descriptors give %s', (_, allowedHosts, targets) => {
    it(targets === 0 ? 'creates no allowlist, so the default drop blocks all egress' : `allowlists exactly ${targets} hosts`, async () => {
      const r = await record(() => new NetworkBoundary('net', args({ allowedHosts })));
      const groups = r.ofType('aws:networkfirewall/ruleGroup:RuleGroup');
      const policy = r.one('aws:networkfirewall/firewallPolicy:FirewallPolicy').inputs['firewallPolicy'] as Record<string, unknown>;
      expect(policy['statefulDefaultActions']).toContain('aws:drop_established');
      if (targets === 0) {
        expect(groups).toHaveLength(0);
        expect(policy['statefulRuleGroupReferences']).toEqual([]);
      } else {
        const list = (groups[0]!.inputs['ruleGroup'] as any).rulesSource.rulesSourceList;
        expect(list.targets).toEqual([...new Set(allowedHosts.map((h) => h.toLowerCase()))].sort());
        expect(list.targets).toHaveLength(targets);
        expect(groups[0]!.inputs['capacity']).toBeGreaterThanOrEqual(targets * 2);
      }
    });
  });

  describe('when egress is none', () => {
    it('creates no firewall, NAT, internet gateway or internet route', async () => {
      const r = await record(() => new NetworkBoundary('net', args({ egress: 'none', allowedHosts: [] })));
      for (const type of [
        'aws:networkfirewall/firewall:Firewall',
        'aws:networkfirewall/ruleGroup:RuleGroup',
        'aws:ec2/natGateway:NatGateway',
        'aws:ec2/internetGateway:InternetGateway',
        'aws:ec2/eip:Eip',
      ]) {
        expect(r.ofType(type)).toHaveLength(0);
      }
      for (const table of r.ofType(RT)) expect(table.inputs['routes']).toEqual([]);
      const egress = r.one(SG, 'agent-sg').inputs['egress'] as Record<string, unknown>[];
      expect(egress.flatMap((rule) => (rule['cidrBlocks'] as string[] | undefined) ?? [])).toEqual([]);
    });
  });

  describe('when created', () => {
    it('adds interface endpoints for the services used and gateway endpoints for S3 and DynamoDB', () => {
      const r = firewalled;
      const endpoints = r
        .ofType('aws:ec2/vpcEndpoint:VpcEndpoint')
        .map((e) => [e.inputs['serviceName'], e.inputs['vpcEndpointType']])
        .sort();
      expect(endpoints).toEqual([
        ['com.amazonaws.eu-west-1.bedrock-agentcore', 'Interface'],
        ['com.amazonaws.eu-west-1.dynamodb', 'Gateway'],
        ['com.amazonaws.eu-west-1.kms', 'Interface'],
        ['com.amazonaws.eu-west-1.logs', 'Interface'],
        ['com.amazonaws.eu-west-1.s3', 'Gateway'],
        ['com.amazonaws.eu-west-1.states', 'Interface'],
      ]);
      for (const e of r.ofType('aws:ec2/vpcEndpoint:VpcEndpoint').filter((x) => x.inputs['vpcEndpointType'] === 'Interface')) {
        expect(e.inputs['privateDnsEnabled']).toBe(true);
      }
    });
    it('lets only the agent security group reach the endpoints', () => {
      const r = firewalled;
      expect(r.one(SG, 'endpoints-sg').inputs['ingress']).toEqual([]);
      expect(r.one('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule').inputs).toMatchObject({
        referencedSecurityGroupId: r.one(SG, 'agent-sg').id,
        securityGroupId: r.one(SG, 'endpoints-sg').id,
        fromPort: 443,
        toPort: 443,
      });
    });
    it('strips every rule from the default security group', () => {
      const r = firewalled;
      expect(r.one('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup').inputs).toMatchObject({ ingress: [], egress: [] });
    });
    it('logs all traffic to a KMS-encrypted log group kept a year', () => {
      const r = firewalled;
      const flowLog = r.one('aws:ec2/flowLog:FlowLog').inputs;
      const group = r.one('aws:cloudwatch/logGroup:LogGroup', 'flow-logs');
      expect(flowLog).toMatchObject({ trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: group.outputs['arn'] });
      expect(group.inputs['kmsKeyId']).toBe(r.one('aws:kms/key:Key').outputs['arn']);
      expect(group.inputs['retentionInDays']).toBe(365);
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['egress', { egress: 'open' }],
      ['allowedHosts', { allowedHosts: ['*.example.com'] }],
      ['allowedHosts', { egress: 'none', allowedHosts: ['api.example.com'] }],
      ['actions[0]', { actions: ['ec2:*'] }],
      ['cidrBlock', { cidrBlock: '10.0.0.0/8' }],
      ['availabilityZones[0]', { availabilityZones: ['us-east-1a'] }],
      ['runtime', { runtime: 'vm' as never }],
    ])('throws naming args.%s', (arg, overrides) => {
      expect(() => new NetworkBoundary('net', args(overrides as Partial<NetworkBoundaryArgs>))).toThrow(`NetworkBoundary args.${arg} must`);
    });
  });
});
