/**
 * What the CycloneDX library does not model, merged into its normalized JSON: model cards,
 * service endpoints / authentication / trust boundary / data flows, data-store `data`,
 * `metadata.manufacturer`, compositions, and (once the serial number is known) the BOM-Links that
 * name each data flow's source and destination.
 */
import { isRecord } from '../json.js';
import type { ModelCardSpec } from '../manifest/types.js';
import { agentRef, apiRef, dataRef, NS } from './refs.js';
import type { SpecProfile } from './spec.js';
import type { SbomApi, SbomInput, SbomModel } from './types.js';

type Json = Record<string, unknown>;

/** Drops the keys whose value is undefined or an empty array/object. */
function compact(record: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isRecord(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

function datasets(card: ModelCardSpec | undefined): Json[] {
  return (card?.datasets ?? []).map((d) =>
    compact({
      type: 'dataset',
      name: d.name,
      ...(d.url === undefined ? {} : { contents: { url: d.url } }),
      classification: d.classification,
      description: d.description,
    }),
  );
}

/** The CycloneDX modelCard of one model, from its manifest entry and the agent's goals. */
export function modelCard(model: SbomModel, agentGoals: readonly string[]): Json | undefined {
  const spec = model.spec;
  const card = spec.card;
  const parameters = compact({
    ...(card?.approach === undefined ? {} : { approach: { type: card.approach } }),
    task: spec.task,
    architectureFamily: card?.architectureFamily,
    modelArchitecture: spec.architecture,
    datasets: datasets(card),
    inputs: (card?.inputs ?? []).map((format) => ({ format })),
    outputs: (card?.outputs ?? []).map((format) => ({ format })),
  });
  const metrics = (card?.performanceMetrics ?? []).map((m) => compact({ type: m.type, value: m.value, slice: m.slice }));
  const useCases = [...(spec.description === undefined ? [] : [spec.description]), ...(card?.useCases ?? []), ...agentGoals];
  const considerations = compact({
    users: card?.users === undefined ? undefined : [...card.users],
    useCases,
    technicalLimitations: card?.limitations === undefined ? undefined : [...card.limitations],
    ethicalConsiderations: (card?.ethicalConsiderations ?? []).map((e) => compact({ name: e.name, mitigationStrategy: e.mitigationStrategy })),
  });
  const result = compact({
    modelParameters: parameters,
    quantitativeAnalysis: metrics.length === 0 ? undefined : { performanceMetrics: metrics },
    considerations,
  });
  return Object.keys(result).length > 0 ? result : undefined;
}

function apiEndpoints(api: SbomApi): string[] {
  const descriptor = api.descriptor;
  if (descriptor === undefined) return [];
  const endpoints = new Set<string>();
  if (URL.canParse(descriptor.baseUrl)) endpoints.add(descriptor.baseUrl);
  for (const host of descriptor.hosts) if (URL.canParse(`https://${host}`)) endpoints.add(`https://${host}`);
  return [...endpoints].sort();
}

/** A service's endpoints, authentication, trust boundary and outbound flows per data classification. */
export function serviceExtras(api: SbomApi): Json {
  const descriptor = api.descriptor;
  const provider = descriptor?.provider ?? api.spec.name;
  return compact({
    endpoints: apiEndpoints(api),
    authenticated: descriptor === undefined ? undefined : descriptor.auth.type !== 'none',
    'x-trust-boundary': true,
    trustZone: `third-party:${provider}`,
    data: [...api.spec.dataClassifications].sort().map((classification) => ({
      flow: 'outbound',
      classification,
      name: `${classification} data sent to ${provider}`,
    })),
  });
}

/** Extras keyed by bom-ref, collected while the library models are built. */
export interface Extras {
  readonly cards: ReadonlyMap<string, Json>;
  readonly services: ReadonlyMap<string, Json>;
}

/** Merges the extras into the library's normalized document (mutates `doc`). */
export function mergeExtras(doc: Json, input: SbomInput, profile: SpecProfile, extras: Extras): void {
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
    const card = extras.cards.get(ref);
    if (card !== undefined && profile.modelCard) component['modelCard'] = card;
    const store = stores.get(ref);
    if (store !== undefined) {
      component['data'] = [
        compact({
          type: 'dataset',
          name: store.name,
          classification: store.classification,
          description: store.description,
          governance: { owners: [{ organization: { name: input.manifest.owner.team } }] },
        }),
      ];
    }
  }
  for (const service of (doc['services'] as Json[] | undefined) ?? []) {
    const extra = extras.services.get(String(service['bom-ref']));
    if (extra === undefined) continue;
    const copy = { ...extra };
    if (!profile.serviceTrustZone) delete copy['trustZone'];
    Object.assign(service, copy);
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

/** A BOM-Link to one element of this document: `urn:cdx:<serial uuid>/<version>#<encoded ref>`. */
export function bomLink(serialNumber: string, version: number, ref: string): string {
  return `${serialNumber.replace(/^urn:uuid:/, 'urn:cdx:')}/${version}#${encodeURIComponent(ref)}`;
}

/**
 * Names each outbound data flow's source (the agent) and destination (the API) as BOM-Links.
 * Runs after the serial number is fixed, which is why the links are not part of what it hashes.
 */
export function linkDataFlows(doc: Json, input: SbomInput): void {
  const serial = doc['serialNumber'];
  const version = typeof doc['version'] === 'number' ? doc['version'] : 1;
  if (typeof serial !== 'string') return;
  for (const service of (doc['services'] as Json[] | undefined) ?? []) {
    const ref = String(service['bom-ref']);
    if (!input.apis.some((api) => apiRef(api.spec.name) === ref)) continue;
    for (const flow of (service['data'] as Json[] | undefined) ?? []) {
      const outbound = flow['flow'] === 'outbound';
      const [from, to] = outbound ? [agentRef(input.agentName), ref] : [ref, agentRef(input.agentName)];
      flow['source'] = [bomLink(serial, version, from)];
      flow['destination'] = [bomLink(serial, version, to)];
    }
  }
}
