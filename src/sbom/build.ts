/**
 * Builds the agent's CycloneDX ML-BOM: the library models what it can (./components.ts), its
 * normalizer writes sorted JSON, the fields it does not model are merged in (./extras.ts), a
 * content-derived serial number is set (./serial.ts), data flows are linked to their ends, and
 * the whole is re-validated before anyone sees it.
 */
import { Enums, Models, Serialize } from '@cyclonedx/cyclonedx-library';
import { ConfigError } from '../errors.js';
import { present } from '../invariant.js';
import { buildAgent, buildDataStore, buildImage, buildModel, buildPlugin, buildTools } from './components.js';
import { linkDataFlows, mergeExtras, modelCard, serviceExtras } from './extras.js';
import { modelRef, NS, pluginRef } from './refs.js';
import { withSerialNumber } from './serial.js';
import { buildService } from './services.js';
import type { SpecProfile } from './spec.js';
import type { SbomInput } from './types.js';
import { validateCycloneDx } from './validate.js';
import { vcsProperties } from './vcs.js';

export { agentRef, apiRef, dataRef, modelRef, NOT_VERIFIED, NS, pluginRef, verificationProperties } from './refs.js';

type Json = Record<string, unknown>;

/** A built, validated SBOM. */
export interface BuiltSbom {
  /** The exact bytes to write (2-space JSON, trailing newline). */
  readonly json: string;
  readonly doc: Json;
  readonly specVersion: string;
}

function metadataOf(input: SbomInput, bom: Models.Bom): void {
  bom.metadata.lifecycles.add(Enums.LifecyclePhase.PreBuild);
  bom.metadata.lifecycles.add(
    new Models.NamedLifecycle('agentfence-predeploy', {
      description: 'Generated from the agent manifest and its supply-chain verification, before deployment',
    }),
  );
  for (const tool of buildTools(input)) bom.metadata.tools.components.add(tool);
  if (input.timestamp !== undefined) bom.metadata.timestamp = new Date(input.timestamp);
  const props: Array<[string, string]> = [[`${NS}:verification:source`, input.verificationSource]];
  if (input.verification !== undefined) {
    const s = input.verification.summary;
    props.push([`${NS}:verification:mode`, input.verification.mode]);
    props.push([`${NS}:verification:summary`, `verified=${s.verified}; blocked=${s.blocked}; warned=${s.warned}`]);
  }
  props.push(...vcsProperties(input.repositoryUrl));
  for (const [name, value] of props) bom.metadata.properties.add(new Models.Property(name, value));
}

/**
 * Builds and validates the SBOM for one agent.
 * @throws ConfigError SBOM_INVALID_OUTPUT when the document fails its own schema (a bug: nothing is written).
 */
export async function buildSbom(input: SbomInput, profile: SpecProfile): Promise<BuiltSbom> {
  const agent = buildAgent(input);
  const bom = new Models.Bom();
  bom.metadata.component = agent;
  metadataOf(input, bom);

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
    const component = present(byRef.get(pluginRef(plugin)), `the component of plugin ${pluginRef(plugin)}`);
    if (plugin.direct) agent.dependencies.add(component.bomRef);
    for (const target of plugin.dependsOn ?? []) {
      const dep = byRef.get(target);
      if (dep !== undefined && dep !== component) component.dependencies.add(dep.bomRef);
    }
  }
  const images = input.images ?? [];
  for (const image of images) {
    const component = buildImage(input, image);
    bom.components.add(component);
    agent.dependencies.add(component.bomRef);
  }
  for (const store of input.manifest.dataStores) {
    const component = buildDataStore(input, store);
    bom.components.add(component);
    agent.dependencies.add(component.bomRef);
  }
  const services = new Map<string, Json>();
  for (const api of input.apis) {
    const service = buildService(input, api);
    bom.services.add(service);
    agent.dependencies.add(service.bomRef);
    services.set(service.bomRef.toString(), serviceExtras(api));
  }

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(profile.librarySpec));
  const doc = JSON.parse(serializer.serialize(bom, { sortLists: true })) as Json;
  mergeExtras(doc, input, profile, { cards, services });
  const final = withSerialNumber(doc);
  linkDataFlows(final, input);
  const json = `${JSON.stringify(final, null, 2)}\n`;
  const issues = await validateCycloneDx(json, profile.version);
  // the library drops what a version cannot express; make sure nothing we built went missing
  const expected = 1 + input.models.length + byRef.size + images.length + input.manifest.dataStores.length + input.apis.length;
  const listed = new Set<string>(((final['dependencies'] as Json[] | undefined) ?? []).map((d) => String(d['ref'])));
  if (listed.size < expected) {
    issues.push({ path: '/dependencies', message: `must list every component and service (${expected}), got ${listed.size}` });
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
