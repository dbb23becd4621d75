/**
 * Step "parse": a bundle's media type and shape, before anything else reads it. Only the media types
 * the Sigstore bundle specification defines are accepted, exactly: the library's own check is a
 * prefix match (`...v0.3+jsonXYZ` and `version=9.9` would pass it).
 */
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { messageOf } from '../../errors.js';
import { fail } from './errors.js';
import { isRecord } from '../../json.js';

/** The bundle media types of protobuf-specs (v0.1 to v0.3), compared as whole strings. */
export const BUNDLE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
]);

const V03_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
]);

/** Refuses any bundle whose `mediaType` is not one we know. @throws VerificationError MALFORMED_BUNDLE */
export function assertBundleMediaType(json: unknown): void {
  if (!isRecord(json)) fail('MALFORMED_BUNDLE', 'bundle is not a JSON object');
  const mediaType = json['mediaType'];
  // An unknown version may change what the fields mean: refuse it rather than guess.
  if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.has(mediaType)) {
    fail(
      'MALFORMED_BUNDLE',
      `unknown bundle media type ${JSON.stringify(mediaType)} (expected one of ${[...BUNDLE_MEDIA_TYPES].join(', ')})`,
    );
  }
}

function isChainBundleV03(json: unknown): boolean {
  if (!isRecord(json) || !isRecord(json['verificationMaterial'])) return false;
  const mediaType = json['mediaType'];
  return (
    typeof mediaType === 'string' && V03_MEDIA_TYPES.has(mediaType) && json['verificationMaterial']['x509CertificateChain'] !== undefined
  );
}

/** Parses a Sigstore (keyless or key) bundle with the library. @throws VerificationError MALFORMED_BUNDLE */
export function parseBundle(json: unknown): Bundle {
  assertBundleMediaType(json);
  try {
    return bundleFromJSON(json);
  } catch (error) {
    if (isChainBundleV03(json)) {
      return fail(
        'MALFORMED_BUNDLE',
        'v0.3 bundles with a certificate chain are private-PKI bundles: verify them with a certificate policy',
        error,
      );
    }
    return fail('MALFORMED_BUNDLE', `not a valid Sigstore bundle (${messageOf(error)})`, error);
  }
}

/** What a bundle's verification material is, for messages. */
export function describeMaterial(bundle: Bundle): string {
  const content = bundle.verificationMaterial.content;
  switch (content.$case) {
    case 'publicKey':
      return `key ${JSON.stringify(content.publicKey.hint)}`;
    case 'certificate':
    case 'x509CertificateChain':
      return 'a certificate';
    default:
      return 'unknown material';
  }
}
