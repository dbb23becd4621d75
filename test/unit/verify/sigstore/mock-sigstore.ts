/**
 * An offline keyless Sigstore for tests: `@sigstore/mock`'s Fulcio, CT log, Rekor (intoto entries)
 * and TSA behind nock, and the trusted root that matches them (the mock exports none).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';
import nock from 'nock';

export const FULCIO_URL = 'https://fulcio.mock.test';
export const REKOR_URL = 'https://rekor.mock.test';
export const TSA_URL = 'https://tsa.mock.test';

type Handler = { path: string; fn: (body: string) => Promise<{ statusCode: number; response: unknown; contentType?: string }> };

function logInstance(baseUrl: string, publicKey: Buffer, start: string): object {
  return {
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: createHash('sha256').update(publicKey).digest('base64') },
  };
}

function authority(uri: string, certs: ArrayBufferView[], start: string, end?: string): object {
  return {
    subject: { organization: 'mock', commonName: uri },
    uri,
    certChain: {
      certificates: certs.map((cert) => ({ rawBytes: Buffer.from(cert.buffer, cert.byteOffset, cert.byteLength).toString('base64') })),
    },
    validFor: end === undefined ? { start } : { start, end },
  };
}

export interface MockSigstore {
  /** trusted_root.json matching the mock services. */
  readonly trustedRoot: Record<string, unknown>;
  /** An unsigned JWT with these claims (the mock Fulcio does not verify it). */
  token(claims: Record<string, unknown>): string;
  close(): void;
}

/** Starts the mock services; `caClock` backdates the certificates the mock Fulcio issues. */
export async function startMockSigstore(options: { caClock?: Date; caValidUntil?: string } = {}): Promise<MockSigstore> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog, options.caClock);
  const tlog = await initializeTLog(REKOR_URL, keyPair);
  // A whole-second TSA clock: @sigstore/core rejects GeneralizedTime with 1-2 fractional digits.
  const tsa = await initializeTSA(keyPair, new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000));
  const handlers: [string, Handler][] = [
    [FULCIO_URL, fulcioHandler(ca)],
    [REKOR_URL, rekorHandler(tlog)],
    [TSA_URL, tsaHandler(tsa)],
  ];
  for (const [url, handler] of handlers) {
    nock(url)
      .persist()
      .post(handler.path)
      .reply(async (_uri, body) => {
        const result = await handler.fn(typeof body === 'string' ? body : JSON.stringify(body));
        return [result.statusCode, result.response as nock.Body, { 'Content-Type': result.contentType ?? 'text/plain' }];
      });
  }
  const start = new Date(Date.now() - 3_600_000 * 24 * 365).toISOString();
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logInstance(REKOR_URL, tlog.publicKey, start)],
    certificateAuthorities: [authority(FULCIO_URL, [ca.rootCertificate], start, options.caValidUntil)],
    ctlogs: [logInstance('https://ctlog.mock.test', ctlog.publicKey, start)],
    timestampAuthorities: [authority(TSA_URL, [tsa.intCertificate, tsa.rootCertificate], start)],
  };
  const b64u = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    trustedRoot,
    token: (claims) => `${b64u({ alg: 'none' })}.${b64u(claims)}.sig`,
    close: () => nock.cleanAll(),
  };
}
