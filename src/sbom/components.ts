/**
 * One library model per SBOM element: the agent (metadata.component), its models, plugins, runtime
 * image, data stores and third-party APIs (services). Each builder is a pure function of the gathered input;
 * what the library cannot model is added afterwards by ./extras.ts.
 */
import { Enums, Models, SPDX } from '@cyclonedx/cyclonedx-library';
import type { ArtifactResult } from '../verify/types.js';
import { npmPurl, ociPurl, sriToHash } from './purl.js';
import { agentRef, dataRef, fileRef, findResult, imageRef, modelRef, NS, pluginRef, verificationProperties } from './refs.js';
import type { SbomImage, SbomInput, SbomModel, SbomPlugin } from './types.js';

/** Name/value pairs in the order they are written. */
export type Props = Array<[string, string]>;

/** Adds name/value properties to a library property repository. */
export function addProperties(repo: Models.PropertyRepository, props: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, value] of props) repo.add(new Models.Property(name, value));
}

/** A declared licence: an SPDX id, an SPDX expression, or a named licence. */
function license(id: string): Models.License {
  const spdx = SPDX.fixupSpdxId(id);
  if (spdx !== undefined) return new Models.SpdxLicense(spdx, { acknowledgement: Enums.LicenseAcknowledgement.Declared });
  if (/^\(?[\w.+-]+(?:\s+(?:AND|OR|WITH)\s+[\w.+-]+)+\)?$/.test(id)) return new Models.LicenseExpression(id);
  return new Models.NamedLicense(id, { acknowledgement: Enums.LicenseAcknowledgement.Declared });
}

/** A project-relative path as a URL outside the repository (VCS base + path), else a relative reference. */
export function projectFileUrl(input: Pick<SbomInput, 'repositoryUrl'>, relPath: string): string {
  const ref = fileRef(relPath);
  if (input.repositoryUrl === undefined) return ref;
  const base = input.repositoryUrl.endsWith('/') ? input.repositoryUrl : `${input.repositoryUrl}/`;
  return new URL(ref, base).toString();
}

/** The string list at `details[key]` of a verifier result (e.g. the model's `ignoredPaths`). */
function detailList(result: ArtifactResult | undefined, key: string): string[] {
  const value = result?.details?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').sort() : [];
}

/** A string in the verifier's details, at `key` or under `provenance.<key>`. */
function stringDetail(result: ArtifactResult | undefined, key: string): string | undefined {
  const value = result?.details?.[key];
  if (typeof value === 'string') return value;
  const provenance = result?.details?.['provenance'];
  const nested = provenance !== null && typeof provenance === 'object' ? (provenance as Record<string, unknown>)[key] : undefined;
  return typeof nested === 'string' ? nested : undefined;
}

/**
 * A hosted model's verdict: the trust policy allow-lists its id, nothing checks a signature, so
 * it is `allow-listed` even when an older report calls it `verified`.
 */
export function modelVerification(model: SbomModel, result: ArtifactResult | undefined): Props {
  const props = verificationProperties(result);
  if (model.spec.hosted === undefined) return props;
  return props.map(([name, value]) => (name === `${NS}:verification:status` && value === 'verified' ? [name, 'allow-listed'] : [name, value]));
}

/** A model: machine-learning-model with its weights' digests, signature bundle and model-card link. */
export function buildModel(input: SbomInput, model: SbomModel): Models.Component {
  const spec = model.spec;
  const ref = modelRef(model);
  // a hosted id names one served version of the model: it is the version and the identifier
  const version = spec.version ?? spec.hosted;
  const component = new Models.Component(Enums.ComponentType.MachineLearningModel, spec.name, {
    bomRef: ref,
    ...(version === undefined ? {} : { version }),
    ...(spec.hosted === undefined ? {} : { purl: `pkg:generic/${encodeURIComponent(spec.hosted)}` }),
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.supplier === undefined ? {} : { supplier: new Models.OrganizationalEntity({ name: spec.supplier }) }),
  });
  if (spec.license !== undefined) component.licenses.add(license(spec.license));
  const result = findResult(input, 'model', spec.name);
  const props: Props = [];
  if (spec.hosted !== undefined) {
    props.push([`${NS}:model:hosted-id`, spec.hosted]);
  } else if (spec.path !== undefined) {
    props.push([`${NS}:model:path`, spec.path]);
  }
  const signature = model.signature;
  if (signature !== undefined) {
    if (signature.rootDigest !== undefined) {
      component.hashes.set(Enums.HashAlgorithm['SHA-256'], signature.rootDigest);
      component.purl = `pkg:generic/${encodeURIComponent(spec.name)}${spec.version === undefined ? '' : `@${encodeURIComponent(spec.version)}`}?checksum=sha256:${signature.rootDigest}`;
    }
    const attestation = new Models.ExternalReference(projectFileUrl(input, signature.path), Enums.ExternalReferenceType.Attestation, {
      comment: `OpenSSF model-signing bundle${signature.predicateType === undefined ? '' : ` (${signature.predicateType})`}`,
    });
    attestation.hashes.set(Enums.HashAlgorithm['SHA-256'], signature.sha256);
    component.externalReferences.add(attestation);
    props.push([`${NS}:model:file-count`, String(signature.files.length)]);
    for (const file of signature.files) {
      const child = new Models.Component(Enums.ComponentType.File, file.name, { bomRef: `${ref}#${file.name}` });
      child.hashes.set(Enums.HashAlgorithm['SHA-256'], file.sha256);
      component.components.add(child);
    }
    // a signed README.md in the model folder is the card the model ships
    const readme = signature.files.find((f) => /^readme\.md$/i.test(f.name));
    if (readme !== undefined && model.location !== undefined) {
      const card = new Models.ExternalReference(projectFileUrl(input, `${model.location}/${readme.name}`), Enums.ExternalReferenceType.ModelCard, {
        comment: 'model card shipped in the signed model folder',
      });
      card.hashes.set(Enums.HashAlgorithm['SHA-256'], readme.sha256);
      component.externalReferences.add(card);
    }
  } else if (model.signatureProblem !== undefined) {
    props.push([`${NS}:model:signature-problem`, model.signatureProblem]);
  }
  if (spec.card?.url !== undefined && URL.canParse(spec.card.url)) {
    component.externalReferences.add(new Models.ExternalReference(spec.card.url, Enums.ExternalReferenceType.ModelCard, { comment: 'published model card' }));
  }
  for (const ignored of spec.ignorePaths ?? []) props.push([`${NS}:model:ignore-path`, ignored]);
  // what the verifier actually left out of the digest comparison, so a reviewer sees it
  for (const ignored of detailList(result, 'ignoredPaths')) props.push([`${NS}:model:ignored-path`, ignored]);
  props.push(...modelVerification(model, result));
  addProperties(component.properties, props);
  return component;
}

function pluginSupplier(plugin: SbomPlugin): Models.OrganizationalEntity | undefined {
  const supplier = plugin.package?.supplier;
  if (supplier === undefined) return undefined;
  const entity = new Models.OrganizationalEntity({ name: supplier.name });
  if (supplier.url !== undefined) entity.url.add(new URL(supplier.url));
  if (supplier.email !== undefined) entity.contact.add(new Models.OrganizationalContact({ name: supplier.name, email: supplier.email }));
  return entity;
}

/** A plugin: an npm library with its purl, tarball hash, licence, supplier, VCS and attestation. */
export function buildPlugin(input: SbomInput, plugin: SbomPlugin): Models.Component {
  const slash = plugin.name.startsWith('@') ? plugin.name.indexOf('/') : -1;
  const purl = pluginRef(plugin);
  const result = findResult(input, 'plugin', plugin.name, plugin.version);
  const supplier = pluginSupplier(plugin);
  const description = plugin.package?.description;
  const component = new Models.Component(Enums.ComponentType.Library, slash > 0 ? plugin.name.slice(slash + 1) : plugin.name, {
    bomRef: purl,
    purl,
    ...(slash > 0 ? { group: plugin.name.slice(0, slash) } : {}),
    ...(plugin.version === undefined ? {} : { version: plugin.version }),
    ...(supplier === undefined ? {} : { supplier }),
    ...(description === undefined ? {} : { description }),
  });
  const declared = plugin.license ?? plugin.package?.license;
  if (declared !== undefined) component.licenses.add(license(declared));
  const hash = plugin.integrity === undefined ? undefined : sriToHash(plugin.integrity);
  if (hash !== undefined) component.hashes.set(hash.alg, hash.hex);
  const tarball = plugin.package?.path;
  const distributionUrl = plugin.resolved !== undefined && URL.canParse(plugin.resolved) ? plugin.resolved : tarball === undefined ? undefined : projectFileUrl(input, tarball);
  if (distributionUrl !== undefined) {
    const distribution = new Models.ExternalReference(distributionUrl, Enums.ExternalReferenceType.Distribution, tarball === undefined ? {} : { comment: 'vendored tarball' });
    if (hash !== undefined) distribution.hashes.set(hash.alg, hash.hex);
    component.externalReferences.add(distribution);
  }
  const repo = result?.signer?.extensions?.['sourceRepositoryURI'] ?? stringDetail(result, 'sourceRepository') ?? plugin.package?.repository;
  if (repo !== undefined && URL.canParse(repo)) {
    const ref = result?.signer?.extensions?.['sourceRepositoryRef'];
    component.externalReferences.add(
      new Models.ExternalReference(repo, Enums.ExternalReferenceType.VCS, ref === undefined ? {} : { comment: `built from ${ref}` }),
    );
  }
  if (plugin.package?.homepage !== undefined) {
    component.externalReferences.add(new Models.ExternalReference(plugin.package.homepage, Enums.ExternalReferenceType.Website));
  }
  if (plugin.attestation !== undefined) {
    const attestation = new Models.ExternalReference(projectFileUrl(input, plugin.attestation.path), Enums.ExternalReferenceType.Attestation, {
      comment: 'npm registry signature, publish attestation and SLSA provenance (vendored)',
    });
    attestation.hashes.set(Enums.HashAlgorithm['SHA-256'], plugin.attestation.sha256);
    component.externalReferences.add(attestation);
  }
  const props: Props = [];
  if (plugin.range !== undefined) props.push([`${NS}:plugin:version-range`, plugin.range]);
  if (plugin.lockfile !== undefined) props.push([`${NS}:plugin:lockfile`, plugin.lockfile]);
  if (plugin.package !== undefined) {
    props.push([`${NS}:plugin:metadata-source`, plugin.package.source]);
    if (plugin.package.supplierFrom !== undefined) props.push([`${NS}:plugin:supplier-source`, plugin.package.supplierFrom]);
  }
  if (plugin.packageProblem !== undefined) props.push([`${NS}:plugin:metadata-problem`, plugin.packageProblem]);
  if (plugin.dev === true) props.push(['cdx:npm:package:development', 'true']);
  if (plugin.version !== undefined) {
    const base = slash > 0 ? plugin.name.slice(slash + 1) : plugin.name;
    props.push(['bsi:component:filename', `${base}-${plugin.version}.tgz`]);
    props.push(['bsi:component:archive', 'archive']);
  }
  props.push(...verificationProperties(result));
  addProperties(component.properties, props);
  return component;
}

/**
 * The runtime image: a `container` component named by its repository, versioned and hashed by its
 * sha256 manifest digest, with its `pkg:oci` purl (also the bom-ref), the registry's manifest URL
 * as the deployable form, the provenance bundle as an attestation, the source repository the
 * verified provenance names, and the verdict. The owning team supplies it (it is the agent's own
 * build); the trust-policy authority that signed its provenance is the verification's signer.
 */
export function buildImage(input: SbomInput, image: SbomImage): Models.Component {
  const result = findResult(input, 'image', `${image.registry}/${image.repository}`);
  const purl = ociPurl(image, image.spec.tag);
  const owner = new Models.OrganizationalEntity({ name: input.manifest.owner.team });
  owner.contact.add(new Models.OrganizationalContact({ name: input.manifest.owner.team, email: input.manifest.owner.email }));
  const component = new Models.Component(Enums.ComponentType.Container, image.repository, {
    bomRef: imageRef(image),
    purl,
    version: `sha256:${image.sha256}`,
    supplier: owner,
  });
  component.hashes.set(Enums.HashAlgorithm['SHA-256'], image.sha256);
  if (image.spec.license !== undefined) component.licenses.add(license(image.spec.license));
  // the OCI distribution API's manifest URL: what a runtime pulls, addressed by the digest
  const manifestUrl = `https://${image.registry}/v2/${image.repository}/manifests/sha256:${image.sha256}`;
  const distribution = new Models.ExternalReference(manifestUrl, Enums.ExternalReferenceType.Distribution, { comment: 'OCI image manifest, by digest' });
  distribution.hashes.set(Enums.HashAlgorithm['SHA-256'], image.sha256);
  component.externalReferences.add(distribution);
  if (image.attestation !== undefined) {
    const attestation = new Models.ExternalReference(projectFileUrl(input, image.attestation.path), Enums.ExternalReferenceType.Attestation, {
      comment: `Sigstore bundle: build provenance over the image digest${stringDetail(result, 'predicateType') === undefined ? '' : ` (${stringDetail(result, 'predicateType')})`}`,
    });
    attestation.hashes.set(Enums.HashAlgorithm['SHA-256'], image.attestation.sha256);
    component.externalReferences.add(attestation);
  }
  // only a verified provenance is evidence of where the image was built from
  const verified = result?.status === 'verified';
  const source = verified ? stringDetail(result, 'sourceRepository') : undefined;
  if (source !== undefined && URL.canParse(source)) {
    const ref = stringDetail(result, 'sourceRef');
    component.externalReferences.add(new Models.ExternalReference(source, Enums.ExternalReferenceType.VCS, ref === undefined ? {} : { comment: `built from ${ref}` }));
  }
  const props: Props = [[`${NS}:image:ref`, image.spec.ref]];
  if (image.spec.tag !== undefined) props.push([`${NS}:image:tag`, image.spec.tag]);
  const builder = verified ? stringDetail(result, 'builder') : undefined;
  if (builder !== undefined) props.push([`${NS}:image:builder`, builder]);
  if (image.attestationProblem !== undefined) props.push([`${NS}:image:attestation-problem`, image.attestationProblem]);
  // an image has no file name; BSI's filename element is the digest-pinned name a registry serves
  props.push(['bsi:component:filename', `${image.repository.slice(image.repository.lastIndexOf('/') + 1)}@sha256:${image.sha256}`]);
  props.push(...verificationProperties(result));
  addProperties(component.properties, props);
  return component;
}

/** A data store: a `data` component supplied by the owning team. */
export function buildDataStore(input: SbomInput, store: SbomInput['manifest']['dataStores'][number]): Models.Component {
  const component = new Models.Component(Enums.ComponentType.Data, store.name, {
    bomRef: dataRef(store.name),
    ...(store.description === undefined ? {} : { description: store.description }),
    supplier: new Models.OrganizationalEntity({ name: input.manifest.owner.team }),
  });
  addProperties(component.properties, [
    [`${NS}:datastore:kind`, store.kind],
    [`${NS}:datastore:classification`, store.classification],
    [`${NS}:datastore:retention-days`, String(store.retentionDays)],
  ]);
  return component;
}

/**
 * The tools as properties a query can filter on, one value each:
 * `agentfence:tool:<name>:risk|approval`, and one `:action` / `:resource` per grant.
 */
export function toolProperties(tools: SbomInput['manifest']['tools']): Props {
  const props: Props = [];
  for (const tool of [...tools].sort((a, b) => a.name.localeCompare(b.name))) {
    const prefix = `${NS}:tool:${tool.name}`;
    props.push([`${NS}:tool`, tool.name], [`${prefix}:risk`, tool.risk], [`${prefix}:approval`, tool.approval]);
    for (const action of [...tool.actions].sort()) props.push([`${prefix}:action`, action]);
    for (const resource of [...tool.resources].sort()) props.push([`${prefix}:resource`, resource]);
  }
  return props;
}

/** The agent itself (metadata.component): owner, risk, autonomy, identity, goals and tool grants. */
export function buildAgent(input: SbomInput): Models.Component {
  const m = input.manifest;
  const owner = new Models.OrganizationalEntity({ name: m.owner.team });
  owner.contact.add(new Models.OrganizationalContact({ name: m.owner.team, email: m.owner.email }));
  const agent = new Models.Component(Enums.ComponentType.Application, input.agentName, {
    bomRef: agentRef(input.agentName),
    version: `manifest-${input.manifestSha256.slice(0, 12)}`,
    description: m.description,
    supplier: owner,
  });
  const props: Props = [
    [`${NS}:owner:team`, m.owner.team],
    [`${NS}:owner:email`, m.owner.email],
    [`${NS}:risk-tier`, m.riskTier],
    [`${NS}:autonomy`, m.autonomy],
    [`${NS}:runtime`, m.identity.runtime],
    [`${NS}:aws:account`, m.identity.account],
    [`${NS}:aws:region`, m.identity.region],
    [`${NS}:network:egress`, m.network.egress],
    [`${NS}:monitoring:log-retention-days`, String(m.monitoring.logRetentionDays)],
    [`${NS}:manifest:path`, input.manifestPath],
    [`${NS}:manifest:sha256`, input.manifestSha256],
    [`${NS}:paused`, String(m.paused ?? false)],
  ];
  for (const goal of m.goals) props.push([`${NS}:goal`, goal]);
  props.push(...toolProperties(m.tools));
  addProperties(agent.properties, props);
  return agent;
}

/** The tools that made the SBOM (metadata.tools.components): agentfence and the CycloneDX library. */
export function buildTools(input: SbomInput): Models.Component[] {
  return [
    new Models.Component(Enums.ComponentType.Application, input.tool.name, {
      bomRef: `tool:${input.tool.name}`,
      version: input.tool.version,
      purl: npmPurl(input.tool.name, input.tool.version),
    }),
    new Models.Component(Enums.ComponentType.Library, 'cyclonedx-library', {
      bomRef: 'tool:@cyclonedx/cyclonedx-library',
      group: '@cyclonedx',
      version: input.libraryVersion,
      purl: npmPurl('@cyclonedx/cyclonedx-library', input.libraryVersion),
    }),
  ];
}
