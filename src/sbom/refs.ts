/**
 * Stable bom-refs and the verification evidence every element carries: one place decides how an
 * agent, model, plugin, API or data store is named in the SBOM, and which verdict belongs to it.
 */
import type { ArtifactKind, ArtifactResult } from '../verify/types.js';
import { npmPurl, ociPurl } from './purl.js';
import type { SbomImage, SbomInput, SbomModel, SbomPlugin } from './types.js';

/** Property namespace for everything agentfence records. */
export const NS = 'agentfence';

/** Status written when no verification result exists for a component. */
export const NOT_VERIFIED = 'not-verified';

/** bom-ref of the agent itself. */
export function agentRef(name: string): string {
  return `agent:${name}`;
}

/** bom-ref of a model: `model:<name>@<digest>` (local), `model:<name>@<hosted id>` (hosted). */
export function modelRef(model: SbomModel): string {
  if (model.spec.hosted !== undefined) return `model:${model.spec.name}@${model.spec.hosted}`;
  const digest = model.signature?.rootDigest;
  return `model:${model.spec.name}@${digest === undefined ? 'unsigned' : `sha256:${digest}`}`;
}

/** bom-ref of a third-party API service. */
export function apiRef(name: string): string {
  return `api:${name}`;
}

/** bom-ref of a data store. */
export function dataRef(name: string): string {
  return `data:${name}`;
}

/** bom-ref (a purl) of a plugin. */
export function pluginRef(plugin: SbomPlugin): string {
  return npmPurl(plugin.name, plugin.version);
}

/** bom-ref (its `pkg:oci` purl, without the tag) of a runtime image. */
export function imageRef(image: SbomImage): string {
  return ociPurl(image);
}

/** The verifier's result for one artifact (a versioned plugin prefers its exact version). */
export function findResult(input: SbomInput, kind: ArtifactKind, name: string, version?: string): ArtifactResult | undefined {
  const results = input.verification?.results ?? [];
  const byName = results.filter((r) => r.kind === kind && r.name === name);
  if (version === undefined) return byName[0];
  return byName.find((r) => r.version === version) ?? byName.find((r) => r.version === undefined);
}

/** The `agentfence:verification:*` properties of one artifact (status not-verified when absent). */
export function verificationProperties(result: ArtifactResult | undefined): Array<[string, string]> {
  if (result === undefined) return [[`${NS}:verification:status`, NOT_VERIFIED]];
  const props: Array<[string, string]> = [[`${NS}:verification:status`, result.status]];
  if (result.reason !== undefined) props.push([`${NS}:verification:reason`, result.reason]);
  if (result.status !== 'verified') props.push([`${NS}:verification:message`, result.message]);
  if (result.signer !== undefined) {
    props.push([`${NS}:verification:signer`, result.signer.identity]);
    if (result.signer.issuer !== undefined) props.push([`${NS}:verification:issuer`, result.signer.issuer]);
    if (result.signer.authority !== undefined) props.push([`${NS}:verification:authority`, result.signer.authority]);
    const repo = result.signer.extensions?.['sourceRepositoryURI'];
    if (repo !== undefined) props.push([`${NS}:verification:source-repository`, repo]);
  }
  if (result.expected !== undefined && result.status !== 'verified') props.push([`${NS}:verification:expected`, result.expected]);
  for (const index of result.tlogIndexes ?? []) props.push([`${NS}:verification:tlog-index`, index]);
  for (const time of result.timestamps ?? []) props.push([`${NS}:verification:timestamp`, time]);
  if (result.trustRoot !== undefined) props.push([`${NS}:verification:trusted-root`, result.trustRoot]);
  return props;
}

/** A project-relative posix path as a relative IRI reference (valid in externalReferences[].url). */
export function fileRef(relPath: string): string {
  return encodeURI(relPath).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}
