import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ASN1Obj } from '@sigstore/core';
import { describe, expect, it } from 'vitest';
import { accelerateSigstoreCore, fastToDER, originals } from '../../../../src/verify/sigstore/accelerate.js';
import { fixtures } from './cases.js';

accelerateSigstoreCore();

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

describe('accelerateSigstoreCore', () => {
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
        const ours = fastToDER.call(tree as never);
        expect(ours.equals(originals.toDER!.call(tree as never)), where).toBe(true);
        expect(ours.equals(Uint8Array.from(der)), where).toBe(true);
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    });

    it('encodes long-form lengths the way the library does', () => {
      const big = ASN1Obj.parseBuffer(Buffer.concat([Buffer.from([0x04, 0x82, 0x01, 0x2c]), Buffer.alloc(300, 7)]));
      expect(fastToDER.call(big as never).equals(originals.toDER!.call(big as never))).toBe(true);
    });
  });
});
