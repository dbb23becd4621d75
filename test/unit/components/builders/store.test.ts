import { describe, expect, it } from 'vitest';
import {
  bucketName,
  buildBucketPolicy,
  buildLifecycleRules,
  isProtected,
  storeArn,
  tableName,
} from '../../../../src/components/aws/builders/store.js';
import { buildKeyPolicy, KEY_ADMIN_ACTIONS, logsKeyUser } from '../../../../src/components/aws/builders/kms.js';

const scope = { account: '111122223333', region: 'eu-west-1' };

describe('store names', () => {
  it('derives bucket and table names and ARNs from agent and store', () => {
    expect(bucketName('payments', 'payment-evidence', scope)).toBe('agentfence-payments-payment-evidence-111122223333');
    expect(tableName('payments', 'payment-memory')).toBe('agentfence-payments-payment-memory');
    expect(storeArn('payments', { name: 'x', kind: 'dynamodb' }, scope)).toBe(
      'arn:aws:dynamodb:eu-west-1:111122223333:table/agentfence-payments-x',
    );
    expect(storeArn('payments', { name: 'x', kind: 's3' }, scope)).toBe('arn:aws:s3:::agentfence-payments-x-111122223333');
  });
  it('keeps bucket names within 63 lower-case characters', () => {
    const name = bucketName('a'.repeat(63), 'Store_With_Caps', scope);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]+[a-z0-9]$/);
  });
});

describe('isProtected', () => {
  it.each([
    ['public', false],
    ['internal', false],
    ['confidential', true],
    ['restricted', true],
  ] as const)('%s -> %s', (classification, expected) => {
    expect(isProtected(classification)).toBe(expected);
  });
});

describe('buildBucketPolicy', () => {
  const doc = buildBucketPolicy('arn:aws:s3:::b', 'arn:aws:iam::111122223333:role/agentfence-p');
  it('denies every request not over TLS', () => {
    expect(doc.Statement[0]).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });
  it('denies data access to every principal but the agent role', () => {
    expect(doc.Statement[1]).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/agentfence-p'] } },
    });
    expect(doc.Statement[1]!.Action).toContain('s3:GetObject');
  });
});

describe('buildLifecycleRules', () => {
  it.each([30, 400, 2555])('expires objects after %i days', (days) => {
    const [expire, abort] = buildLifecycleRules(days);
    expect(expire).toMatchObject({ status: 'Enabled', expiration: { days } });
    expect(expire!.noncurrentVersionExpiration!.noncurrentDays).toBeLessThanOrEqual(days);
    expect(abort!.abortIncompleteMultipartUpload).toEqual({ daysAfterInitiation: 7 });
  });
});

describe('buildKeyPolicy', () => {
  const doc = buildKeyPolicy(scope, [logsKeyUser(scope, ['arn:aws:logs:eu-west-1:111122223333:log-group:/a'])]);
  it('lets administrators manage but not use the key', () => {
    expect(doc.Statement[0]).toMatchObject({ Sid: 'KeyAdministration', Principal: { AWS: ['arn:aws:iam::111122223333:root'] } });
    expect(KEY_ADMIN_ACTIONS).not.toContain('kms:Decrypt');
    expect(KEY_ADMIN_ACTIONS.some((action) => action.includes('*'))).toBe(false);
  });
  it('lets CloudWatch Logs use it only for the named log groups', () => {
    expect(doc.Statement[1]).toMatchObject({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': ['arn:aws:logs:eu-west-1:111122223333:log-group:/a'] } },
    });
  });
});
