import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_DESCRIPTOR_PREDICATE,
  buildApiStatement,
  IN_TOTO_PAYLOAD_TYPE,
  parseApiDescriptor,
  verifyApiDescriptor,
  type ApiUse,
} from '../../../../src/verify/api/index.js';
import type { ResolvedAuthority } from '../../../../src/verify/authorities.js';
import { signDsse } from '../../../../src/verify/sigstore/index.js';
import type { ApiDescriptor } from '../../../../src/verify/types.js';

const root = path.resolve(import.meta.dirname, '../../../..');

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}
const governance = keyPair();
const stranger = keyPair();
const authority: ResolvedAuthority = {
  name: 'acme-api-governance',
  describe: 'key',
  policy: { kind: 'key', publicKeyPem: governance.publicKeyPem },
};

const base: ApiDescriptor = {
  schemaVersion: 'agentfence.api/v1',
  name: 'payments-gateway',
  provider: 'Payments Gateway Ltd',
  baseUrl: 'https://api.pay.example/v2',
  hosts: ['auth.pay.example', 'api.pay.example'],
  dataClassifications: ['internal', 'confidential'],
  auth: { type: 'oauth2' },
  openapi: { digest: `sha256:${'a'.repeat(64)}` },
  owner: 'api-governance@example.com',
  expires: '2030-01-01T00:00:00Z',
};

async function signed(
  descriptor: object,
  key = governance,
  statementOf = (bytes: Buffer) => buildApiStatement(bytes, descriptor as ApiDescriptor, 'x.json'),
) {
  const bytes = Buffer.from(JSON.stringify(descriptor, null, 2));
  const bundle = await signDsse(Buffer.from(JSON.stringify(statementOf(bytes))), IN_TOTO_PAYLOAD_TYPE, {
    kind: 'key',
    privateKeyPem: key.privateKeyPem,
  });
  return { bytes, bundle };
}

const use: ApiUse = { name: 'payments-gateway', dataClassifications: ['confidential'] };
const now = new Date('2026-06-01T00:00:00Z');

describe('verifyApiDescriptor', () => {
  describe('when the descriptor is signed by the governance key and covers the use', () => {
    it('answers the sorted host list and the signer', async () => {
      const { bytes, bundle } = await signed(base);
      const result = verifyApiDescriptor({ descriptorBytes: bytes, bundle }, [authority], use, { now });
      expect(result.hosts).toEqual(['api.pay.example', 'auth.pay.example']);
      expect(result.bundle.authority).toBe('acme-api-governance');
      expect(result.bundle.statement?.predicateType).toBe(API_DESCRIPTOR_PREDICATE);
    });
  });
  describe('when something does not hold', () => {
    it.each<[string, () => Promise<{ bytes: Buffer; bundle: unknown }>, Partial<typeof use>, string]>([
      ['no bundle', async () => ({ bytes: (await signed(base)).bytes, bundle: undefined }), {}, 'UNSIGNED'],
      [
        'descriptor edited after signing',
        async () => {
          const s = await signed(base);
          return { bytes: Buffer.from(JSON.stringify({ ...base, hosts: [...base.hosts, 'evil.example'] }, null, 2)), bundle: s.bundle };
        },
        {},
        'DIGEST_MISMATCH',
      ],
      ['signed by another key', async () => signed(base, stranger), {}, 'UNTRUSTED_SIGNER'],
      ['expired', async () => signed({ ...base, expires: '2026-01-01T00:00:00Z' }), {}, 'EXPIRED'],
      ['expiry in the past on a leap second', async () => signed({ ...base, expires: '2016-12-31T23:59:60Z' }), {}, 'DESCRIPTOR_INVALID'],
      ['agent sends restricted data', async () => signed(base), { dataClassifications: ['restricted'] }, 'CLASSIFICATION_DENIED'],
      ['descriptor of another API', async () => signed(base), { name: 'helpdesk' }, 'POLICY_DENIED'],
      [
        'statement of another predicate type',
        async () =>
          signed(base, governance, (bytes) => ({
            ...buildApiStatement(bytes, base, 'x.json'),
            predicateType: 'https://model_signing/signature/v1.0',
          })),
        {},
        'MALFORMED_BUNDLE',
      ],
      ['bundle is not a bundle', async () => ({ bytes: (await signed(base)).bytes, bundle: { hello: 'world' } }), {}, 'MALFORMED_BUNDLE'],
    ])('%s -> %s', async (_name, make, change, code) => {
      const { bytes, bundle } = await make();
      expect(() => verifyApiDescriptor({ descriptorBytes: bytes, bundle }, [authority], { ...use, ...change }, { now })).toThrow(
        expect.objectContaining({ code }),
      );
    });
  });
});

describe('parseApiDescriptor', () => {
  describe('when the example stacks ship descriptors', () => {
    it.each(['stacks/payments/apis/payments-gateway.json', 'stacks/support-triage/apis/helpdesk.json'])('%s matches the schema', (file) => {
      expect(parseApiDescriptor(readFileSync(path.join(root, file))).schemaVersion).toBe('agentfence.api/v1');
    });
  });
  describe('when the descriptor is invalid', () => {
    it.each<[string, object]>([
      ['http base URL', { baseUrl: 'http://api.pay.example/v2' }],
      ['base URL host not listed', { baseUrl: 'https://other.example/v2' }],
      ['base URL on another port', { baseUrl: 'https://api.pay.example:8443/v2' }],
      ['credentials in the base URL', { baseUrl: 'https://u:p@api.pay.example/v2' }],
      ['wildcard host', { hosts: ['*.pay.example', 'api.pay.example'] }],
      ['host with a port', { hosts: ['api.pay.example:443'] }],
      ['no hosts', { hosts: [] }],
      ['unknown classification', { dataClassifications: ['secret'] }],
      ['unknown auth type', { auth: { type: 'basic' } }],
      ['bad OpenAPI digest', { openapi: { digest: 'md5:abc' } }],
      ['bad expiry', { expires: 'next year' }],
      ['expiry on a leap second (valid RFC 3339, unreadable as a Date: it would never expire)', { expires: '2020-12-31T23:59:60Z' }],
      ['unknown field', { extra: true }],
      ['wrong schema version', { schemaVersion: 'agentfence.api/v2' }],
    ])('%s -> DESCRIPTOR_INVALID', (_name, change) => {
      expect(() => parseApiDescriptor(Buffer.from(JSON.stringify({ ...base, ...change })))).toThrow(
        expect.objectContaining({ code: 'DESCRIPTOR_INVALID' }),
      );
    });
    it('never crashes and never passes on arbitrary JSON', () => {
      fc.assert(
        fc.property(fc.json(), (text) => {
          try {
            parseApiDescriptor(Buffer.from(text));
            return false;
          } catch (error) {
            return (error as { code?: string }).code === 'DESCRIPTOR_INVALID';
          }
        }),
      );
    });
  });
});
