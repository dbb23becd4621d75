import { describe, expect, it } from 'vitest';
import { EncryptedStore, type EncryptedStoreArgs } from '../../../src/components/aws/encrypted-store.js';
import type { Classification, DataStoreSpec } from '../../../src/manifest/types.js';
import { record, SCOPE } from './harness.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/agentfence-payments';
const args = (store: Partial<DataStoreSpec> = {}, overrides: Partial<EncryptedStoreArgs> = {}): EncryptedStoreArgs => ({
  agentName: 'payments',
  scope: SCOPE,
  store: { name: 'evidence', kind: 's3', classification: 'confidential', retentionDays: 400, ...store },
  agentRoleArn: ROLE_ARN,
  owner: 'payments-platform',
  riskTier: 'high',
  ...overrides,
});

describe('EncryptedStore', () => {
  describe.each(['s3', 'dynamodb'] as const)('when the store is %s', (kind) => {
    it('creates a rotating customer-managed key for the agent role and admins only', async () => {
      const r = await record(() => new EncryptedStore('st', args({ kind })));
      const key = r.one('aws:kms/key:Key');
      expect(key.inputs['enableKeyRotation']).toBe(true);
      expect(key.inputs['deletionWindowInDays']).toBe(30);
      const policy = JSON.parse(key.inputs['policy'] as string);
      const principals = policy.Statement.map((s: { Principal: unknown }) => s.Principal);
      expect(principals).toContainEqual({ AWS: ['arn:aws:iam::111122223333:root'] });
      expect(principals).toContainEqual({ AWS: ROLE_ARN });
      const agentUse = policy.Statement.find((s: { Sid: string }) => s.Sid === 'AgentUseThroughStoreServiceOnly');
      expect(agentUse.Condition.StringEquals['kms:ViaService']).toBe(`${kind}.eu-west-1.amazonaws.com`);
      expect(policy.Statement.find((s: { Sid: string }) => s.Sid === 'KeyAdministration').Action).not.toContain('kms:Decrypt');
    });

    describe.each([
      ['public', false],
      ['internal', false],
      ['confidential', true],
      ['restricted', true],
    ] as const)('and the classification is %s', (classification: Classification, kept: boolean) => {
      it(`${kept ? 'protects and retains' : 'does not protect'} the data and key`, async () => {
        const r = await record(() => new EncryptedStore('st', args({ kind, classification })));
        const data = r.one(kind === 's3' ? 'aws:s3/bucket:Bucket' : 'aws:dynamodb/table:Table');
        const key = r.one('aws:kms/key:Key');
        expect([data.protect, data.retainOnDelete, key.protect, key.retainOnDelete]).toEqual([kept, kept, kept, kept]);
      });
    });
  });

  describe('when the store is s3', () => {
    it('encrypts with SSE-KMS under its own key and a bucket key', async () => {
      const r = await record(() => new EncryptedStore('st', args()));
      const key = r.one('aws:kms/key:Key');
      const sse = r.one('aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs;
      expect(sse['rules']).toEqual([
        { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.outputs['arn'] }, bucketKeyEnabled: true },
      ]);
    });
    it('blocks all four kinds of public access, versions and enforces owner', async () => {
      const r = await record(() => new EncryptedStore('st', args()));
      expect(r.one('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(r.one('aws:s3/bucketVersioning:BucketVersioning').inputs['versioningConfiguration']).toEqual({ status: 'Enabled' });
      expect(r.one('aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs['rule']).toEqual({
        objectOwnership: 'BucketOwnerEnforced',
      });
    });
    it('denies non-TLS requests and other principals in the bucket policy', async () => {
      const r = await record(() => new EncryptedStore('st', args()));
      const doc = r.json('aws:s3/bucketPolicy:BucketPolicy', undefined, 'policy');
      const bucketArn = 'arn:aws:s3:::agentfence-payments-evidence-111122223333';
      expect(doc.Statement[0]).toEqual({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      expect(doc.Statement[1].Condition).toEqual({ StringNotEquals: { 'aws:PrincipalArn': [ROLE_ARN] } });
    });
    it.each([1, 30, 400, 2555])('expires objects after the %i-day retention', async (retentionDays) => {
      const r = await record(() => new EncryptedStore('st', args({ retentionDays })));
      const rules = r.one('aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').inputs['rules'] as {
        id: string;
        expiration?: { days: number };
      }[];
      expect(rules.find((rule) => rule.id === 'expire-after-retention')!.expiration).toEqual({ days: retentionDays });
    });
  });

  describe('when the store is dynamodb', () => {
    it('uses the customer-managed key, point-in-time recovery and a TTL attribute', async () => {
      const r = await record(() => new EncryptedStore('st', args({ kind: 'dynamodb', classification: 'restricted' })));
      const key = r.one('aws:kms/key:Key');
      const table = r.one('aws:dynamodb/table:Table').inputs;
      expect(table['serverSideEncryption']).toEqual({ enabled: true, kmsKeyArn: key.outputs['arn'] });
      expect(table['pointInTimeRecovery']).toEqual({ enabled: true });
      expect(table['ttl']).toEqual({ attributeName: 'expiresAt', enabled: true });
      expect(table['deletionProtectionEnabled']).toBe(true);
      expect(r.ofType('aws:s3/bucket:Bucket')).toHaveLength(0);
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['agentName', {}, { agentName: '' }],
      ['store.name', { name: 'no spaces' }, {}],
      ['store.kind', { kind: 'efs' as never }, {}],
      ['store.classification', { classification: 'secret' as never }, {}],
      ['store.retentionDays', { retentionDays: 0 }, {}],
      ['store.retentionDays', { retentionDays: 1.5 }, {}],
      ['agentRoleArn', {}, { agentRoleArn: '' }],
      ['keyAdmins[0]', {}, { keyAdmins: ['arn:aws:iam::111122223333:*'] }],
    ])('throws naming args.%s', (arg, store, overrides) => {
      expect(() => new EncryptedStore('st', args(store as Partial<DataStoreSpec>, overrides as Partial<EncryptedStoreArgs>))).toThrow(
        `EncryptedStore args.${arg} must`,
      );
    });
  });
});
