/**
 * Builds the agent's CycloneDX ML-BOM: the library models what it can (components, services,
 * hashes, licences, external references, lifecycles, tools, dependencies), its normalizer writes
 * sorted JSON, then the fields it does not model (service endpoints/auth/trust boundary/data
 * flows, modelCard, componentData, manufacturer, compositions) are merged in, a content-derived
 * serial number is set, and the whole is re-validated before anyone sees it.
 */
import { createHash } from 'node:crypto';
import { Enums, Models, Serialize, SPDX } from '@cyclonedx/cyclonedx-library';
import { ConfigError } from '../errors.js';
import type { ArtifactKind, ArtifactResult } from '../verify/types.js';
import { npmPurl, sriToHash } from './purl.js';
import type { SpecProfile } from './spec.js';
import type { SbomApi, SbomInput, SbomModel, SbomPlugin } from './types.js';
import { validateCycloneDx } from './validate.js';

type Json = Record<string, unknown>;

/** A built, validated SBOM. */
export interface BuiltSbom {
  /** The exact bytes to write (2-space JSON, trailing newline). */
  readonly json: string;
  readonly doc: Json;
  readonly specVersion: string;
}

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

function findResult(input: SbomInput, kind: ArtifactKind, name: string, version?: string): ArtifactResult | undefined {
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

function addProperties(repo: Models.PropertyRepository, props: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, value] of props) repo.add(new Models.Property(name, value));
}

function license(id: string): Models.License {
  const spdx = SPDX.fixupSpdxId(id);
  return spdx === undefined
    ? new Models.NamedLicense(id, { acknowledgement: Enums.LicenseAcknowledgement.Declared })
    : new Models.SpdxLicense(spdx, { acknowledgement: Enums.LicenseAcknowledgement.Declared });
}

/** A project-relative posix path as a relative IRI reference (valid in externalReferences[].url). */
function fileRef(relPath: string): string {
  return encodeURI(relPath).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}

// region models
function buildModel(input: SbomInput, model: SbomModel): Models.Component {
  const spec = model.spec;
  const ref = modelRef(model);
  const component = new Models.Component(Enums.ComponentType.MachineLearningModel, spec.name, {
    bomRef: ref,
    ...(spec.version === undefined ? {} : { version: spec.version }),
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.supplier === undefined ? {} : { supplier: new Models.OrganizationalEntity({ name: spec.supplier }) }),
  });
  if (spec.license !== undefined) component.licenses.add(license(spec.license));
  const props: Array<[string, string]> = [];
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
    const attestation = new Models.ExternalReference(fileRef(signature.path), Enums.ExternalReferenceType.Attestation, {
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
  } else if (model.signatureProblem !== undefined) {
    props.push([`${NS}:model:signature-problem`, model.signatureProblem]);
  }
  for (const ignored of spec.ignorePaths ?? []) props.push([`${NS}:model:ignore-path`, ignored]);
  props.push(...verificationProperties(findResult(input, 'model', spec.name)));
  addProperties(component.properties, props);
  return component;
}

function modelCard(model: SbomModel, agentGoals: readonly string[]): Json | undefined {
  const parameters: Json = {};
  if (model.spec.task !== undefined) parameters['task'] = model.spec.task;
  if (model.spec.architecture !== undefined) parameters['modelArchitecture'] = model.spec.architecture;
  const card: Json = {};
  if (Object.keys(parameters).length > 0) card['modelParameters'] = parameters;
  const useCases = [...(model.spec.description === undefined ? [] : [model.spec.description]), ...agentGoals];
  if (useCases.length > 0) card['considerations'] = { useCases };
  return Object.keys(card).length > 0 ? card : undefined;
}
// endregion

// region plugins
function buildPlugin(input: SbomInput, plugin: SbomPlugin): Models.Component {
  const slash = plugin.name.startsWith('@') ? plugin.name.indexOf('/') : -1;
  const purl = pluginRef(plugin);
  const result = findResult(input, 'plugin', plugin.name, plugin.version);
  const component = new Models.Component(Enums.ComponentType.Library, slash > 0 ? plugin.name.slice(slash + 1) : plugin.name, {
    bomRef: purl,
    purl,
    ...(slash > 0 ? { group: plugin.name.slice(0, slash) } : {}),
    ...(plugin.version === undefined ? {} : { version: plugin.version }),
  });
  if (plugin.license !== undefined) component.licenses.add(license(plugin.license));
  const hash = plugin.integrity === undefined ? undefined : sriToHash(plugin.integrity);
  if (hash !== undefined) component.hashes.set(hash.alg as Enums.HashAlgorithm, hash.hex);
  if (plugin.resolved !== undefined && URL.canParse(plugin.resolved)) {
    const distribution = new Models.ExternalReference(plugin.resolved, Enums.ExternalReferenceType.Distribution);
    if (hash !== undefined) distribution.hashes.set(hash.alg as Enums.HashAlgorithm, hash.hex);
    component.externalReferences.add(distribution);
  }
  const repo = result?.signer?.extensions?.['sourceRepositoryURI'] ?? stringDetail(result, 'sourceRepository');
  if (repo !== undefined && URL.canParse(repo)) {
    const ref = result?.signer?.extensions?.['sourceRepositoryRef'];
    component.externalReferences.add(
      new Models.ExternalReference(repo, Enums.ExternalReferenceType.VCS, ref === undefined ? {} : { comment: `built from ${ref}` }),
    );
  }
  if (plugin.attestation !== undefined) {
    const attestation = new Models.ExternalReference(fileRef(plugin.attestation.path), Enums.ExternalReferenceType.Attestation, {
      comment: 'npm registry signature, publish attestation and SLSA provenance (vendored)',
    });
    attestation.hashes.set(Enums.HashAlgorithm['SHA-256'], plugin.attestation.sha256);
    component.externalReferences.add(attestation);
  }
  const props: Array<[string, string]> = [];
  if (plugin.range !== undefined) props.push([`${NS}:plugin:version-range`, plugin.range]);
  if (plugin.lockfile !== undefined) props.push([`${NS}:plugin:lockfile`, plugin.lockfile]);
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

/** A string in the verifier's details, at `key` or under `provenance.<key>`. */
function stringDetail(result: ArtifactResult | undefined, key: string): string | undefined {
  const value = result?.details?.[key];
  if (typeof value === 'string') return value;
  const provenance = result?.details?.['provenance'];
  const nested = provenance !== null && typeof provenance === 'object' ? (provenance as Record<string, unknown>)[key] : undefined;
  return typeof nested === 'string' ? nested : undefined;
}
// endregion

// region services
function apiEndpoints(api: SbomApi): string[] {
  const descriptor = api.descriptor;
  if (descriptor === undefined) return [];
  const endpoints = new Set<string>();
  if (URL.canParse(descriptor.baseUrl)) endpoints.add(descriptor.baseUrl);
  for (const host of descriptor.hosts) if (URL.canParse(`https://${host}`)) endpoints.add(`https://${host}`);
  return [...endpoints].sort();
}

function buildService(input: SbomInput, api: SbomApi): Models.Service {
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
  const descriptorRef = new Models.ExternalReference(fileRef(api.descriptorPath), Enums.ExternalReferenceType.Configuration, {
    comment: 'agentfence API descriptor',
  });
  if (api.descriptorSha256 !== undefined) descriptorRef.hashes.set(Enums.HashAlgorithm['SHA-256'], api.descriptorSha256);
  service.externalReferences.add(descriptorRef);
  if (api.signatureSha256 !== undefined) {
    const signature = new Models.ExternalReference(fileRef(api.signaturePath), Enums.ExternalReferenceType.Attestation, {
      comment: 'Sigstore bundle over the API descriptor',
    });
    signature.hashes.set(Enums.HashAlgorithm['SHA-256'], api.signatureSha256);
    service.externalReferences.add(signature);
  }
  const props: Array<[string, string]> = [];
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

function serviceExtras(api: SbomApi): Json {
  const descriptor = api.descriptor;
  const provider = descriptor?.provider ?? api.spec.name;
  const extras: Json = {
    endpoints: apiEndpoints(api),
    authenticated: descriptor === undefined ? undefined : descriptor.auth.type !== 'none',
    'x-trust-boundary': true,
    trustZone: `third-party:${provider}`,
    data: [...api.spec.dataClassifications].sort().map((classification) => ({
      flow: 'outbound',
      classification,
      name: `${classification} data sent to ${provider}`,
    })),
  };
  if (extras['authenticated'] === undefined) delete extras['authenticated'];
  if ((extras['endpoints'] as string[]).length === 0) delete extras['endpoints'];
  return extras;
}
// endregion

function buildDataStore(input: SbomInput, store: SbomInput['manifest']['dataStores'][number]): Models.Component {
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

function buildAgent(input: SbomInput): Models.Component {
  const m = input.manifest;
  const owner = new Models.OrganizationalEntity({ name: m.owner.team });
  owner.contact.add(new Models.OrganizationalContact({ name: m.owner.team, email: m.owner.email }));
  const agent = new Models.Component(Enums.ComponentType.Application, input.agentName, {
    bomRef: agentRef(input.agentName),
    version: `manifest-${input.manifestSha256.slice(0, 12)}`,
    description: m.description,
    supplier: owner,
  });
  const props: Array<[string, string]> = [
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
  for (const tool of m.tools) {
    props.push([
      `${NS}:tool:${tool.name}`,
      `risk=${tool.risk}; approval=${tool.approval}; actions=${[...tool.actions].sort().join(',')}; resources=${[...tool.resources].sort().join(',')}`,
    ]);
  }
  addProperties(agent.properties, props);
  return agent;
}

/**
 * Builds and validates the SBOM for one agent.
 * @throws ConfigError SBOM_INVALID_OUTPUT when the document fails its own schema (a bug: nothing is written).
 */
export async function buildSbom(input: SbomInput, profile: SpecProfile): Promise<BuiltSbom> {
  const agent = buildAgent(input);
  const bom = new Models.Bom();
  bom.metadata.component = agent;
  bom.metadata.lifecycles.add(Enums.LifecyclePhase.PreBuild);
  bom.metadata.lifecycles.add(
    new Models.NamedLifecycle('agentfence-predeploy', {
      description: 'Generated from the agent manifest and its supply-chain verification, before deployment',
    }),
  );
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, input.tool.name, {
      bomRef: `tool:${input.tool.name}`,
      version: input.tool.version,
      purl: npmPurl(input.tool.name, input.tool.version),
    }),
  );
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Library, 'cyclonedx-library', {
      bomRef: 'tool:@cyclonedx/cyclonedx-library',
      group: '@cyclonedx',
      version: input.libraryVersion,
      purl: npmPurl('@cyclonedx/cyclonedx-library', input.libraryVersion),
    }),
  );
  if (input.timestamp !== undefined) bom.metadata.timestamp = new Date(input.timestamp);
  addProperties(bom.metadata.properties, [
    [`${NS}:verification:source`, input.verificationSource],
    ...(input.verification === undefined
      ? []
      : ([
          [`${NS}:verification:mode`, input.verification.mode],
          [
            `${NS}:verification:summary`,
            `verified=${input.verification.summary.verified}; blocked=${input.verification.summary.blocked}; warned=${input.verification.summary.warned}`,
          ],
        ] as Array<[string, string]>)),
  ]);

  const cards = new Map<string, Json>();
  for (const model of input.models) {
    const component = buildModel(input, model);
    bom.components.add(component);
    agent.dependencies.add(component.bomRef);
    const card = modelCard(model, input.manifest.goals);
    if (card !== undefined) cards.set(modelRef(model), card);
  }
  const byRef = new Map<string, Models.Component>();
  for (const plugin of input.plugins) {
    const ref = pluginRef(plugin);
    if (byRef.has(ref)) continue;
    const component = buildPlugin(input, plugin);
    byRef.set(ref, component);
    bom.components.add(component);
  }
  for (const plugin of input.plugins) {
    const component = byRef.get(pluginRef(plugin))!;
    if (plugin.direct) agent.dependencies.add(component.bomRef);
    for (const target of plugin.dependsOn ?? []) {
      const dep = byRef.get(target);
      if (dep !== undefined && dep !== component) component.dependencies.add(dep.bomRef);
    }
  }
  for (const store of input.manifest.dataStores) {
    const component = buildDataStore(input, store);
    bom.components.add(component);
    agent.dependencies.add(component.bomRef);
  }
  const extras = new Map<string, Json>();
  for (const api of input.apis) {
    const service = buildService(input, api);
    bom.services.add(service);
    agent.dependencies.add(service.bomRef);
    extras.set(apiRef(api.spec.name), serviceExtras(api));
  }

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(profile.librarySpec));
  const doc = JSON.parse(serializer.serialize(bom, { sortLists: true })) as Json;

  mergeExtras(doc, input, profile, cards, extras);
  const final = withSerialNumber(doc);
  const json = `${JSON.stringify(final, null, 2)}\n`;
  const issues = await validateCycloneDx(json, profile.version);
  // the library drops what a version cannot express; make sure nothing we built went missing
  const expected = 1 + input.models.length + byRef.size + input.manifest.dataStores.length;
  const present = new Set<string>(((final['dependencies'] as Json[] | undefined) ?? []).map((d) => String(d['ref'])));
  if (present.size < expected + input.apis.length) {
    issues.push({ path: '/dependencies', message: `must list every component and service (${expected + input.apis.length}), got ${present.size}` });
  }
  if (issues.length > 0) {
    throw new ConfigError(
      'SBOM_INVALID_OUTPUT',
      `the generated CycloneDX ${profile.version} SBOM must validate (this is a bug; nothing was written):\n${issues
        .map((i) => `  ${i.path}: ${i.message}`)
        .join('\n')}`,
    );
  }
  return { json, doc: final, specVersion: profile.version };
}

function mergeExtras(doc: Json, input: SbomInput, profile: SpecProfile, cards: Map<string, Json>, extras: Map<string, Json>): void {
  const metadata = doc['metadata'] as Json;
  if (profile.manufacturer) {
    metadata['manufacturer'] = {
      name: input.manifest.owner.team,
      contact: [{ name: input.manifest.owner.team, email: input.manifest.owner.email }],
    };
  }
  const stores = new Map(input.manifest.dataStores.map((s) => [dataRef(s.name), s]));
  for (const component of (doc['components'] as Json[] | undefined) ?? []) {
    const ref = String(component['bom-ref']);
    const card = cards.get(ref);
    if (card !== undefined && profile.modelCard) component['modelCard'] = card;
    const store = stores.get(ref);
    if (store !== undefined) {
      component['data'] = [
        {
          type: 'dataset',
          name: store.name,
          classification: store.classification,
          ...(store.description === undefined ? {} : { description: store.description }),
          governance: { owners: [{ organization: { name: input.manifest.owner.team } }] },
        },
      ];
    }
  }
  for (const service of (doc['services'] as Json[] | undefined) ?? []) {
    const extra = extras.get(String(service['bom-ref']));
    if (extra === undefined) continue;
    if (!profile.serviceTrustZone) delete extra['trustZone'];
    Object.assign(service, extra);
  }
  if (profile.externalReferenceProperties) {
    // 1.7: the verdict travels with the evidence it is about
    for (const node of [...((doc['components'] as Json[] | undefined) ?? []), ...((doc['services'] as Json[] | undefined) ?? [])]) {
      const status = ((node['properties'] as Json[] | undefined) ?? []).find((p) => p['name'] === `${NS}:verification:status`)?.['value'];
      if (typeof status !== 'string') continue;
      for (const ref of (node['externalReferences'] as Json[] | undefined) ?? []) {
        if (ref['type'] === 'attestation') ref['properties'] = [{ name: `${NS}:verification:status`, value: status }];
      }
    }
  }
  for (const dep of (doc['dependencies'] as Json[] | undefined) ?? []) {
    // cdxgen and other readers expect dependsOn on every entry, even leaves
    if (dep['dependsOn'] === undefined) dep['dependsOn'] = [];
  }
  const complete = input.plugins.every((p) => p.lockfile !== undefined);
  doc['compositions'] = [
    {
      aggregate: complete ? 'complete' : 'incomplete_first_party_only',
      assemblies: [agentRef(input.agentName)],
      dependencies: [agentRef(input.agentName)],
    },
  ];
}

/** RFC 4122 name-based (v5) UUID of `name` in a fixed agentfence namespace. */
function uuidV5(name: string): string {
  const namespace = Buffer.from('6f1c1d2e7a0b4c3d9e8f0a1b2c3d4e5f', 'hex');
  const bytes = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Puts the keys in the spec's order and sets serialNumber = UUIDv5 of the content's sha256. */
function withSerialNumber(doc: Json): Json {
  const rest = { ...doc };
  delete rest['serialNumber'];
  const digest = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  const order = ['$schema', 'bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components', 'services', 'dependencies', 'compositions'];
  const out: Json = {};
  const withSerial: Json = { ...rest, serialNumber: `urn:uuid:${uuidV5(digest)}` };
  for (const key of order) if (withSerial[key] !== undefined) out[key] = withSerial[key];
  for (const [key, value] of Object.entries(withSerial)) if (!(key in out)) out[key] = value;
  return out;
}
