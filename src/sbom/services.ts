/**
 * Third-party APIs as CycloneDX services: provider, OpenAPI document, the agentfence descriptor and
 * its Sigstore bundle, auth and expiry, and the verdict. Endpoints, trust boundary and data flows
 * are added by ./extras.ts (the library does not model them).
 */
import { Enums, Models } from '@cyclonedx/cyclonedx-library';
import { addProperties, projectFileUrl, type Props } from './components.js';
import { apiRef, findResult, NS, verificationProperties } from './refs.js';
import type { SbomApi, SbomInput } from './types.js';

/** A third-party API: a service with its provider, OpenAPI document, descriptor and bundle. */
export function buildService(input: SbomInput, api: SbomApi): Models.Service {
  const descriptor = api.descriptor;
  const service = new Models.Service(api.spec.name, {
    bomRef: apiRef(api.spec.name),
    ...(descriptor === undefined
      ? {}
      : {
          provider: new Models.OrganizationalEntity({ name: descriptor.provider }),
          description: `Third-party API of ${descriptor.provider}, owned by ${descriptor.owner}`,
        }),
  });
  if (descriptor?.openapi.url !== undefined && URL.canParse(descriptor.openapi.url)) {
    const doc = new Models.ExternalReference(descriptor.openapi.url, Enums.ExternalReferenceType.Documentation, { comment: 'OpenAPI' });
    const hex = /^sha256:([0-9a-f]{64})$/.exec(descriptor.openapi.digest)?.[1];
    if (hex !== undefined) doc.hashes.set(Enums.HashAlgorithm['SHA-256'], hex);
    service.externalReferences.add(doc);
  }
  const descriptorRef = new Models.ExternalReference(projectFileUrl(input, api.descriptorPath), Enums.ExternalReferenceType.Configuration, {
    comment: 'agentfence API descriptor',
  });
  if (api.descriptorSha256 !== undefined) descriptorRef.hashes.set(Enums.HashAlgorithm['SHA-256'], api.descriptorSha256);
  service.externalReferences.add(descriptorRef);
  if (api.signatureSha256 !== undefined) {
    const signature = new Models.ExternalReference(projectFileUrl(input, api.signaturePath), Enums.ExternalReferenceType.Attestation, {
      comment: 'Sigstore bundle over the API descriptor',
    });
    signature.hashes.set(Enums.HashAlgorithm['SHA-256'], api.signatureSha256);
    service.externalReferences.add(signature);
  }
  const props: Props = [];
  if (descriptor !== undefined) {
    props.push([`${NS}:api:auth`, descriptor.auth.type]);
    props.push([`${NS}:api:allowed-classifications`, [...descriptor.dataClassifications].sort().join(',')]);
    props.push([`${NS}:api:expires`, descriptor.expires]);
    if (/^sha256:[0-9a-f]{64}$/.test(descriptor.openapi.digest)) props.push([`${NS}:api:openapi-digest`, descriptor.openapi.digest]);
  }
  props.push(...verificationProperties(findResult(input, 'api', api.spec.name)));
  addProperties(service.properties, props);
  return service;
}

