import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { describe, expect, it, vi } from 'vitest';
import {
  accelerateCertificate,
  accelerateTrustedCertificate,
  accelerateTrustMaterial,
  fastToDER,
} from '../../../../src/verify/sigstore/accelerate.js';
import { fixtures, happyCases } from './cases.js';

/** Every DER blob in the fixtures: certificates, RFC 3161 timestamps, trusted-root certificates. */
function derBlobs(): [string, Buffer][] {
  const blobs: [string, Buffer][] = [];
  const visit = (file: string, value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(file, item, `${where}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if ((key === 'rawBytes' || key === 'signedTimestamp') && typeof item === 'string') {
          const der = Buffer.from(item, 'base64');
          if (der[0] === 0x30) blobs.push([`${file}${where}.${key}`, der]);
        } else visit(file, item, `${where}.${key}`);
      }
    }
  };
  const conformance = path.join(fixtures, 'sigstore-conformance/bundle-verify');
  for (const dir of readdirSync(conformance, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of ['bundle.sigstore.json', 'trusted_root.json']) {
      try {
        visit(`${dir.name}/${file}`, JSON.parse(readFileSync(path.join(conformance, dir.name, file), 'utf8')), '');
      } catch {
        // Missing or deliberately malformed files carry no DER to compare.
      }
    }
  }
  return blobs;
}

const certificate = (): X509Certificate => {
  const [, der] = derBlobs().find(([where]) => where.includes('happy-path/bundle.sigstore.json') && where.includes('certificate'))!;
  return X509Certificate.parse(Buffer.from(der));
};

/** Every copy of @sigstore/core the verifier can load, by its root folder. */
function coreCopies(): string[] {
  const require = createRequire(import.meta.url);
  const roots = new Set<string>();
  for (const from of [import.meta.url, require.resolve('@sigstore/verify'), require.resolve('sigstore')]) {
    roots.add(path.dirname(createRequire(from).resolve('@sigstore/core/package.json')));
  }
  return [...roots];
}

describe('accelerate', () => {
  describe('when re-encoding parsed DER', () => {
    const blobs = derBlobs();

    it('covers hundreds of certificates and timestamps', () => {
      expect(blobs.length).toBeGreaterThan(100);
    });

    it('produces exactly the bytes of the library encoder, and of the input', () => {
      let compared = 0;
      for (const [where, der] of blobs) {
        let tree: ASN1Obj;
        try {
          tree = ASN1Obj.parseBuffer(Buffer.from(der));
        } catch {
          continue;
        }
        const ours = fastToDER(tree);
        expect(ours.equals(tree.toDER()), where).toBe(true);
        expect(ours.equals(Uint8Array.from(der)), where).toBe(true);
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    });

    it('encodes long-form lengths the way the library does', () => {
      const big = ASN1Obj.parseBuffer(Buffer.concat([Buffer.from([0x04, 0x82, 0x01, 0x2c]), Buffer.alloc(300, 7)]));
      expect(fastToDER(big).equals(big.toDER())).toBe(true);
    });
  });

  describe('when agentfence/verify is imported and used', () => {
    it("leaves every copy of @sigstore/core's prototypes and exports as the library shipped them", async () => {
      const require = createRequire(import.meta.url);
      const snapshot = coreCopies().map((root) => {
        const asn1 = require(path.join(root, 'dist/asn1/obj.js')) as { ASN1Obj: { prototype: object } };
        const cert = require(path.join(root, 'dist/x509/cert.js')) as { X509Certificate: { prototype: object } };
        const crypto = require(path.join(root, 'dist/crypto.js')) as Record<string, unknown>;
        return {
          root,
          toDER: Object.getOwnPropertyDescriptor(asn1.ASN1Obj.prototype, 'toDER')?.value as unknown,
          verify: Object.getOwnPropertyDescriptor(cert.X509Certificate.prototype, 'verify')?.value as unknown,
          clone: Object.getOwnPropertyDescriptor(cert.X509Certificate.prototype, 'clone')?.value as unknown,
          createPublicKey: crypto['createPublicKey'],
          asn1,
          cert,
          crypto,
        };
      });
      const { verifyBundle } = await import('../../../../src/verify/index.js');
      for (const item of happyCases().slice(0, 6)) verifyBundle(item.bundle, item.artifact, item.policy);
      for (const copy of snapshot) {
        expect(Object.getOwnPropertyDescriptor(copy.asn1.ASN1Obj.prototype, 'toDER')?.value, copy.root).toBe(copy.toDER);
        expect(Object.getOwnPropertyDescriptor(copy.cert.X509Certificate.prototype, 'verify')?.value, copy.root).toBe(copy.verify);
        expect(Object.getOwnPropertyDescriptor(copy.cert.X509Certificate.prototype, 'clone')?.value, copy.root).toBe(copy.clone);
        expect(copy.crypto['createPublicKey'], copy.root).toBe(copy.createPublicKey);
        expect(String(copy.toDER)).toContain('ByteStream');
      }
    });

    it('accelerates only the instance it is given', () => {
      const mine = certificate();
      const theirs = certificate();
      expect(accelerateCertificate(mine)).toBe(true);
      expect(Object.hasOwn(mine.root, 'toDER')).toBe(true);
      expect(Object.hasOwn(theirs.root, 'toDER')).toBe(false);
      expect(mine.root.toDER().equals(theirs.root.toDER())).toBe(true);
      // The SCT check re-encodes a clone: it must be accelerated too, and identical.
      const clone = mine.clone();
      expect(Object.hasOwn(clone.root, 'toDER')).toBe(true);
      expect(clone.tbsCertificate.toDER().equals(theirs.tbsCertificate.toDER())).toBe(true);
    });

    it('memoises a trusted certificate per issuer key, with the same verdicts', () => {
      const trusted = certificate();
      const calls: unknown[] = [];
      const original = trusted.verify.bind(trusted);
      Object.defineProperty(trusted, 'verify', {
        value: (issuer?: X509Certificate) => (calls.push(issuer), original(issuer)),
        configurable: true,
        writable: true,
      });
      expect(accelerateTrustedCertificate(trusted)).toBe(true);
      const other = certificate();
      expect([trusted.verify(other), trusted.verify(other), trusted.verify()]).toEqual([original(other), original(other), original()]);
      expect(calls).toHaveLength(2);
    });
  });

  describe('when the library layout is not the one the accelerator knows', () => {
    const frozen = (): X509Certificate => {
      const cert = certificate();
      Object.freeze(cert.root);
      return cert;
    };
    const throwingRoot = Object.defineProperty({ clone: () => undefined, verify: () => true }, 'root', {
      get() {
        throw new Error('layout changed');
      },
    });
    const otherEncoding = (): X509Certificate => {
      const cert = certificate();
      // A library whose encoder differs from ours (say, a future BER form) must keep its own.
      Object.setPrototypeOf(cert.root, { ...Object.getPrototypeOf(cert.root), toDER: () => Buffer.from('different') });
      return cert;
    };
    it.each<[string, () => unknown]>([
      ['not an object', () => 'certificate'],
      ['null', () => null],
      ['no root', () => ({ clone: () => undefined, verify: () => true })],
      ['a root that is not ASN.1', () => ({ root: { subs: 'nope' }, clone: () => undefined, verify: () => true })],
      [
        'a node without a tag encoder',
        () => ({
          root: { tag: {}, subs: [], value: new Uint8Array(), toDER: () => Buffer.alloc(0) },
          clone: () => undefined,
          verify: () => true,
        }),
      ],
      ['a root whose getter throws', () => throwingRoot],
      ['a frozen tree', frozen],
      ['an encoder that disagrees with ours', otherEncoding],
      ['a certificate without clone or verify', () => ({ root: certificate().root })],
    ])('leaves %s alone without throwing', (_name, make) => {
      const subject = make();
      expect(accelerateCertificate(subject)).toBe(false);
      expect(accelerateTrustedCertificate(subject)).toBe(false);
      expect(() =>
        accelerateTrustMaterial({ certificateAuthorities: [{ certChain: [subject] }, { certChain: 'x' }, null], timestampAuthorities: [] }),
      ).not.toThrow();
    });

    it('reaches the same verdicts with every speed-up refused', async () => {
      const { verifyBundle } = await import('../../../../src/verify/index.js');
      const cases = happyCases()
        .filter((item) => item.policy.kind === 'keyless')
        .slice(0, 4);
      const tampered = cases.map((item) => ({ ...item, artifact: { kind: 'bytes' as const, data: Buffer.from('not the artifact') } }));
      const verdicts = (): string[] =>
        [...cases, ...tampered].map((item) => {
          try {
            return verifyBundle(item.bundle, item.artifact, item.policy).signer.identity;
          } catch (error) {
            return (error as { code: string }).code;
          }
        });
      const accelerated = verdicts();
      // A layout the accelerator cannot use: it must refuse every object and verification go on.
      const refuse = vi.spyOn(Object, 'isExtensible').mockReturnValue(false);
      try {
        expect(accelerateCertificate(certificate())).toBe(false);
        expect(verdicts()).toEqual(accelerated);
      } finally {
        refuse.mockRestore();
      }
      expect(accelerated.slice(cases.length).every((verdict) => verdict === 'DIGEST_MISMATCH')).toBe(true);
    });
  });
});
