/**
 * The CycloneDX versions agentfence writes, one frozen capability table per version. A version
 * that is not in the table is refused, never approximated (1.5 and older would silently drop
 * machine-learning-model components and service trust zones).
 */
import { Spec } from '@cyclonedx/cyclonedx-library';
import { InputError } from '../errors.js';

/** The CycloneDX versions agentfence writes. */
export type SpecVersion = '1.6' | '1.7';

/** What one CycloneDX version supports among the fields agentfence merges by hand. */
export interface SpecProfile {
  readonly version: SpecVersion;
  /** The library's spec object used by its normalizers. */
  readonly librarySpec: typeof Spec.Spec1dot6;
  readonly libraryVersion: Spec.Version;
  /** `metadata.manufacturer` (1.6+): the BSI TR-03183-2 SBOM creator. */
  readonly manufacturer: boolean;
  /** `components[].modelCard`. */
  readonly modelCard: boolean;
  /** `services[].trustZone` and `services[].data[].name`. */
  readonly serviceTrustZone: boolean;
  /** 1.7 `externalReferences[].properties`. */
  readonly externalReferenceProperties: boolean;
}

const V1_6: SpecProfile = Object.freeze({
  version: '1.6',
  librarySpec: Spec.Spec1dot6,
  libraryVersion: Spec.Version.v1dot6,
  manufacturer: true,
  modelCard: true,
  serviceTrustZone: true,
  externalReferenceProperties: false,
});

const V1_7: SpecProfile = Object.freeze({
  version: '1.7',
  librarySpec: Spec.Spec1dot7,
  libraryVersion: Spec.Version.v1dot7,
  manufacturer: true,
  modelCard: true,
  serviceTrustZone: true,
  externalReferenceProperties: true,
});

/** The versions agentfence writes; the first is the default. */
export const SpecProfiles: Readonly<Record<SpecVersion, SpecProfile>> = Object.freeze({ '1.6': V1_6, '1.7': V1_7 });

/** CycloneDX 1.6: BSI TR-03183-2 v2.1 needs >= 1.6, and it is what cyclonedx-npm writes by default. */
export const DEFAULT_SPEC: SpecVersion = '1.6';

/** The versions `sbom diff` reads (any valid document of these versions, made by anyone). */
export const READABLE_SPECS: readonly string[] = Object.freeze(['1.6', '1.7']);

/**
 * Narrows a user-supplied `--spec` value.
 * @throws InputError SBOM_SPEC_UNSUPPORTED for anything but 1.6 or 1.7.
 */
export function toSpecProfile(value: unknown): SpecProfile {
  if (typeof value === 'string' && Object.hasOwn(SpecProfiles, value)) return SpecProfiles[value as SpecVersion];
  throw new InputError(
    'SBOM_SPEC_UNSUPPORTED',
    `--spec must be one of ${Object.keys(SpecProfiles).join('|')} (got ${JSON.stringify(value)})`,
  );
}
