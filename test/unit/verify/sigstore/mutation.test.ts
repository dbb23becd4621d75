/**
 * Mutation tests: flip bits in the signature, certificate, payload, message digest, tlog body,
 * inclusion proof, checkpoint and SET of every happy-path bundle. Every mutant must be rejected
 * with one of our typed errors; none may crash or pass.
 */
import { describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { verifyBundle, type ArtifactInput } from '../../../../src/verify/sigstore/index.js';
import { happyCases, type HappyCase } from './cases.js';

type Json = Record<string, any>;

/** Where a base64 field lives in a bundle, if it does. */
const FIELDS: Readonly<Record<string, (bundle: Json) => { holder: Json; key: string } | undefined>> = {
  signature: (b) =>
    b['messageSignature']
      ? { holder: b['messageSignature'], key: 'signature' }
      : b['dsseEnvelope']
        ? { holder: b['dsseEnvelope']['signatures'][0], key: 'sig' }
        : undefined,
  certificate: (b) => {
    const material = b['verificationMaterial'];
    if (material['certificate']) return { holder: material['certificate'], key: 'rawBytes' };
    if (material['x509CertificateChain']) return { holder: material['x509CertificateChain']['certificates'][0], key: 'rawBytes' };
    return undefined;
  },
  payload: (b) => (b['dsseEnvelope'] ? { holder: b['dsseEnvelope'], key: 'payload' } : undefined),
  'message digest': (b) => (b['messageSignature'] ? { holder: b['messageSignature']['messageDigest'], key: 'digest' } : undefined),
  'tlog body': (b) => {
    const entry = b['verificationMaterial']['tlogEntries']?.[0];
    return entry ? { holder: entry, key: 'canonicalizedBody' } : undefined;
  },
  'inclusion proof hash': (b) => {
    const proof = b['verificationMaterial']['tlogEntries']?.[0]?.['inclusionProof'];
    return proof && proof['hashes'].length > 0 ? { holder: proof['hashes'], key: '0' } : undefined;
  },
  'inclusion proof root': (b) => {
    const proof = b['verificationMaterial']['tlogEntries']?.[0]?.['inclusionProof'];
    return proof ? { holder: proof, key: 'rootHash' } : undefined;
  },
  SET: (b) => {
    const promise = b['verificationMaterial']['tlogEntries']?.[0]?.['inclusionPromise'];
    return promise ? { holder: promise, key: 'signedEntryTimestamp' } : undefined;
  },
};

/** Byte positions and bit masks to flip: start, quarter, middle, three quarters, end. */
function flips(length: number): [number, number][] {
  const positions = [0, Math.floor(length / 4), Math.floor(length / 2), Math.floor((3 * length) / 4), length - 1];
  return [...new Set(positions)].map((position, index) => [position, index % 2 === 0 ? 0x01 : 0x80]);
}

function flipped(base64: string, position: number, mask: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes.writeUInt8(bytes.readUInt8(position) ^ mask, position);
  return bytes.toString('base64');
}

interface Mutant {
  readonly label: string;
  readonly bundle: Json;
  readonly artifact: ArtifactInput;
}

function mutants(c: HappyCase): Mutant[] {
  const out: Mutant[] = [];
  for (const [field, locate] of Object.entries(FIELDS)) {
    const found = locate(c.bundle);
    if (found === undefined) continue;
    const length = Buffer.from(found.holder[found.key] as string, 'base64').length;
    for (const [position, mask] of flips(length)) {
      const bundle = structuredClone(c.bundle) as Json;
      const target = locate(bundle)!;
      target.holder[target.key] = flipped(target.holder[target.key] as string, position, mask);
      out.push({ label: `${field} byte ${position} ^ 0x${mask.toString(16)}`, bundle, artifact: c.artifact });
    }
  }
  const checkpoint = (c.bundle as Json)['verificationMaterial']['tlogEntries']?.[0]?.['inclusionProof']?.['checkpoint'];
  if (checkpoint) {
    const bundle = structuredClone(c.bundle) as Json;
    const lines = (checkpoint['envelope'] as string).split('\n');
    lines[1] = String(Number(lines[1]) + 1);
    bundle['verificationMaterial']['tlogEntries'][0]['inclusionProof']['checkpoint']['envelope'] = lines.join('\n');
    out.push({ label: 'checkpoint tree size + 1', bundle, artifact: c.artifact });
  }
  if (c.artifact.kind === 'bytes' && c.artifact.data.length > 0) {
    const data = Buffer.from(c.artifact.data);
    data.writeUInt8(data.readUInt8(0) ^ 0x01, 0);
    out.push({ label: 'artifact byte 0 ^ 0x1', bundle: structuredClone(c.bundle), artifact: { kind: 'bytes', data } });
  }
  return out;
}

const table = happyCases().map((c) => [c.name, c] as const);

describe('verifyBundle under mutation', () => {
  describe.each(table)('when %s is mutated', (_name, c) => {
    it('verifies unmutated', () => {
      expect(() => verifyBundle(c.bundle, c.artifact, c.policy)).not.toThrow();
    });

    it('rejects every mutant with a typed error', () => {
      const list = mutants(c);
      expect(list.length).toBeGreaterThan(3);
      const accepted: string[] = [];
      for (const mutant of list) {
        try {
          verifyBundle(mutant.bundle, mutant.artifact, c.policy);
          accepted.push(mutant.label);
        } catch (error) {
          if (!(error instanceof AgentfenceError)) throw new Error(`${mutant.label}: untyped ${String(error)}`, { cause: error });
          expect(['verification', 'input']).toContain(error.kind);
        }
      }
      expect(accepted).toEqual([]);
    });
  });
});
