import { beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail, type AuditTrailArgs } from '../../../src/components/aws/audit-trail.js';
import { record, type Resources, SCOPE } from './harness.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/agentfence-payments';
const args = (overrides: Partial<AuditTrailArgs> = {}): AuditTrailArgs => ({
  agentName: 'payments',
  scope: SCOPE,
  riskTier: 'high',
  owner: 'payments-platform',
  retentionDays: 90,
  agentRoleArn: ROLE_ARN,
  declaredActions: ['dynamodb:GetItem', 'logs:PutLogEvents'],
  alarmEmail: 'oncall@example.com',
  ...overrides,
});

describe('AuditTrail', () => {
  describe.each([
    ['high', 90, 365],
    ['high', 400, 400],
    ['low', 90, 90],
    ['low', 100, 120],
  ] as const)('when a %s-risk agent asks for %i days', (riskTier, retentionDays, expected) => {
    it(`keeps the encrypted audit log ${expected} days`, async () => {
      const r = await record(() => new AuditTrail('audit', args({ riskTier, retentionDays })));
      const group = r.one('aws:cloudwatch/logGroup:LogGroup');
      expect(group.inputs['retentionInDays']).toBe(expected);
      expect(group.inputs['kmsKeyId']).toBe(r.one('aws:kms/key:Key').outputs['arn']);
      expect(group.inputs['name']).toBe('/agentfence/payments/audit');
      expect(group.inputs['deletionProtectionEnabled']).toBe(riskTier === 'high');
    });
  });

  describe('when created', () => {
    let r: Resources;
    beforeAll(async () => {
      r = await record(() => new AuditTrail('audit', args()));
    });
    it('alarms on AccessDenied bursts and on undeclared calls by the agent role', () => {
      const filters = Object.fromEntries(r.ofType('aws:cloudwatch/logMetricFilter:LogMetricFilter').map((f) => [f.name, f.inputs]));
      expect(filters['audit-access-denied']!['pattern']).toContain('$.errorCode = "AccessDenied*"');
      expect(filters['audit-access-denied']!['pattern']).toContain(ROLE_ARN);
      expect(filters['audit-undeclared-calls']!['pattern']).toBe(
        `{ $.userIdentity.sessionContext.sessionIssuer.arn = "${ROLE_ARN}" && $.eventName != "GetItem" && $.eventName != "PutLogEvents" }`,
      );
      const topic = r.one('aws:sns/topic:Topic');
      const alarms = Object.fromEntries(r.ofType('aws:cloudwatch/metricAlarm:MetricAlarm').map((a) => [a.name, a.inputs]));
      expect(alarms['audit-access-denied-alarm']).toMatchObject({
        metricName: 'AccessDenied',
        namespace: 'Agentfence/payments',
        threshold: 5,
        statistic: 'Sum',
        alarmActions: [topic.outputs['arn']],
      });
      expect(alarms['audit-undeclared-calls-alarm']).toMatchObject({
        metricName: 'UndeclaredCalls',
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });
    it('notifies the owner through a KMS-encrypted topic with an email subscription', () => {
      expect(r.one('aws:sns/topic:Topic').inputs['kmsMasterKeyId']).toBe(r.one('aws:kms/key:Key').outputs['arn']);
      expect(r.one('aws:sns/topicSubscription:TopicSubscription').inputs).toMatchObject({
        protocol: 'email',
        endpoint: 'oncall@example.com',
      });
    });
    it('feeds the log group from a validated, multi-region, encrypted CloudTrail trail', () => {
      const trail = r.one('aws:cloudtrail/trail:Trail').inputs;
      expect(trail).toMatchObject({
        enableLogFileValidation: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        kmsKeyId: r.one('aws:kms/key:Key').outputs['arn'],
      });
      expect(trail['cloudWatchLogsGroupArn']).toBe(`${r.one('aws:cloudwatch/logGroup:LogGroup').outputs['arn'] as string}:*`);
      expect(r.one('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs['restrictPublicBuckets']).toBe(true);
    });
    it('pre-creates the agent stream so its write permission names it exactly', () => {
      expect(r.one('aws:cloudwatch/logStream:LogStream').inputs).toEqual({ name: 'agent', logGroupName: '/agentfence/payments/audit' });
    });
  });

  describe('when cloudTrail is false', () => {
    it('creates no trail, bucket or delivery role', async () => {
      const r = await record(() => new AuditTrail('audit', args({ cloudTrail: false })));
      expect(r.ofType('aws:cloudtrail/trail:Trail')).toHaveLength(0);
      expect(r.ofType('aws:s3/bucket:Bucket')).toHaveLength(0);
      expect(r.ofType('aws:iam/role:Role')).toHaveLength(0);
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['retentionDays', { retentionDays: 0 }],
      ['retentionDays', { retentionDays: 5000 }],
      ['agentRoleArn', { agentRoleArn: 'role' }],
      ['declaredActions', { declaredActions: [] }],
      ['declaredActions[0]', { declaredActions: ['*'] }],
      ['alarmEmail', { alarmEmail: 'nobody' }],
      ['alarmEmail', { alarmEmail: undefined as never }],
      ['accessDeniedThreshold', { accessDeniedThreshold: 0 }],
    ])('throws naming args.%s', (arg, overrides) => {
      const input = { ...args(), ...overrides };
      if ('alarmEmail' in overrides && (overrides as { alarmEmail?: unknown }).alarmEmail === undefined)
        delete (input as { alarmEmail?: string }).alarmEmail;
      expect(() => new AuditTrail('audit', input)).toThrow(`AuditTrail args.${arg} must`);
    });
  });
});
