/**
 * Minimum-elements scorecard over any CycloneDX 1.6/1.7 JSON: NTIA (2021), CISA "2025 Minimum
 * Elements" (public-comment draft) and BSI TR-03183-2 v2.1 where they apply. Component-level
 * elements are counted over the top-level components that are software or models (`data`
 * components and nested files are out of scope); each element names the JSON path it reads.
 */

import { arr, type Json, obj } from './json.js';

/** The minimum-elements documents the scorecard checks. */
export type Standard = 'NTIA-2021' | 'CISA-2025' | 'BSI-TR-03183-2';
/** pass: every item has it; partial: some; fail: none; n/a: nothing to check. */
export type ElementStatus = 'pass' | 'partial' | 'fail' | 'n/a';

/** One element of one standard, with what satisfied it and what is missing. */
export interface ScoreElement {
  readonly standard: Standard;
  /** Stable id, e.g. `ntia.supplier`. */
  readonly id: string;
  readonly element: string;
  /** Where in CycloneDX the element lives. */
  readonly path: string;
  readonly status: ElementStatus;
  readonly satisfied: number;
  readonly total: number;
  /** Names (or bom-refs) of components missing it, at most ten. */
  readonly missing: readonly string[];
  readonly note?: string;
}

/** All elements, in standard order, and a count per status. */
export interface Scorecard {
  readonly elements: readonly ScoreElement[];
  readonly summary: Readonly<Record<ElementStatus, number>>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function label(component: Json): string {
  const group = str(component['group']);
  return str(component['bom-ref']) ?? `${group === undefined ? '' : `${group}/`}${str(component['name']) ?? '?'}`;
}

function hasContact(entity: Json | undefined): boolean {
  if (entity === undefined) return false;
  const urls = entity['url'];
  if (Array.isArray(urls) && urls.some((u) => str(u) !== undefined)) return true;
  return arr(entity['contact']).some((c) => str(c['email']) !== undefined);
}

function extRefs(component: Json, type: string): Json[] {
  return arr(component['externalReferences']).filter((e) => e['type'] === type);
}

function property(component: Json, name: string): string | undefined {
  return str(arr(component['properties']).find((p) => p['name'] === name)?.['value']);
}

type Check = (component: Json) => boolean;

const supplier: Check = (c) =>
  str(obj(c['supplier'])?.['name']) !== undefined || str(obj(c['manufacturer'])?.['name']) !== undefined || str(c['publisher']) !== undefined;
const name: Check = (c) => str(c['name']) !== undefined;
const version: Check = (c) => str(c['version']) !== undefined;
const ntiaIds: Check = (c) => str(c['purl']) !== undefined || str(c['cpe']) !== undefined || obj(c['swid']) !== undefined;
const cisaIds: Check = (c) =>
  str(c['purl']) !== undefined ||
  str(c['cpe']) !== undefined ||
  (Array.isArray(c['omniborId']) && c['omniborId'].length > 0) ||
  (Array.isArray(c['swhid']) && c['swhid'].length > 0);
const hash: Check = (c) => arr(c['hashes']).length > 0;
const licence: Check = (c) => arr(c['licenses']).length > 0;
const bsiHash: Check = (c) =>
  [...arr(c['hashes']), ...extRefs(c, 'distribution').flatMap((e) => arr(e['hashes']))].some((h) => h['alg'] === 'SHA-512');
const bsiCreator: Check = (c) => hasContact(obj(c['supplier'])) || hasContact(obj(c['manufacturer']));
const bsiFilename: Check = (c) => property(c, 'bsi:component:filename') !== undefined;
const bsiSource: Check = (c) => extRefs(c, 'vcs').length > 0 || extRefs(c, 'source-distribution').length > 0;
const bsiDistribution: Check = (c) => extRefs(c, 'distribution').length > 0;

/** Scores a parsed CycloneDX document. Pure; never throws on odd but schema-valid input. */
export function scoreSbom(doc: Json): Scorecard {
  const metadata = obj(doc['metadata']) ?? {};
  const components = arr(doc['components']).filter((c) => c['type'] !== 'data');
  const software = components.filter((c) => c['type'] !== 'machine-learning-model');
  // a hosted model is a served version, not a file: there are no bytes to hash
  const artifacts = components.filter((c) => property(c, 'agentfence:model:hosted-id') === undefined);
  const depRefs = new Set(arr(doc['dependencies']).map((d) => str(d['ref'])).filter((r) => r !== undefined));
  const inDeps: Check = (c) => str(c['bom-ref']) !== undefined && depRefs.has(c['bom-ref'] as string);

  const elements: ScoreElement[] = [];
  const perComponent = (standard: Standard, id: string, element: string, path: string, check: Check, scope = components, note?: string): void => {
    const missing = scope.filter((c) => !check(c)).map(label);
    const total = scope.length;
    const satisfied = total - missing.length;
    elements.push({
      standard,
      id,
      element,
      path,
      status: total === 0 ? 'n/a' : satisfied === total ? 'pass' : satisfied === 0 ? 'fail' : 'partial',
      satisfied,
      total,
      missing: missing.slice(0, 10),
      ...(note === undefined ? {} : { note }),
    });
  };
  const perDocument = (standard: Standard, id: string, element: string, path: string, ok: boolean, note?: string): void => {
    elements.push({ standard, id, element, path, status: ok ? 'pass' : 'fail', satisfied: ok ? 1 : 0, total: 1, missing: [], ...(note === undefined ? {} : { note }) });
  };

  const tools = obj(metadata['tools']);
  const hasTools = Array.isArray(metadata['tools'])
    ? (metadata['tools'] as unknown[]).length > 0
    : arr(tools?.['components']).length + arr(tools?.['services']).length > 0;
  const hasAuthor = arr(metadata['authors']).length > 0 || obj(metadata['manufacturer']) !== undefined || obj(metadata['supplier']) !== undefined;
  const timestamp = str(metadata['timestamp']) !== undefined;
  const timestampNote = timestamp ? undefined : 'omitted (--no-timestamp); for reproducible output set SOURCE_DATE_EPOCH instead';

  perComponent('NTIA-2021', 'ntia.supplier', 'Supplier name', 'components[].supplier.name', supplier);
  perComponent('NTIA-2021', 'ntia.name', 'Component name', 'components[].name', name);
  perComponent('NTIA-2021', 'ntia.version', 'Version of the component', 'components[].version', version);
  perComponent('NTIA-2021', 'ntia.identifiers', 'Other unique identifiers', 'components[].purl|cpe|swid', ntiaIds);
  perComponent('NTIA-2021', 'ntia.dependencies', 'Dependency relationship', 'dependencies[].ref', inDeps);
  perDocument('NTIA-2021', 'ntia.author', 'Author of SBOM data', 'metadata.authors|metadata.tools', hasAuthor || hasTools);
  perDocument('NTIA-2021', 'ntia.timestamp', 'Timestamp', 'metadata.timestamp', timestamp, timestampNote);

  perComponent('CISA-2025', 'cisa.producer', 'Software producer', 'components[].supplier.name', supplier);
  perComponent('CISA-2025', 'cisa.name', 'Component name', 'components[].name', name);
  perComponent('CISA-2025', 'cisa.version', 'Component version', 'components[].version', version);
  perComponent('CISA-2025', 'cisa.identifiers', 'Software identifiers', 'components[].purl|cpe|omniborId|swhid', cisaIds);
  perComponent('CISA-2025', 'cisa.hash', 'Component hash', 'components[].hashes', hash, artifacts, artifacts.length < components.length ? 'hosted models have no artifact to hash' : undefined);
  perComponent('CISA-2025', 'cisa.license', 'License', 'components[].licenses', licence);
  perComponent('CISA-2025', 'cisa.dependencies', 'Dependency relationship', 'dependencies[].ref', inDeps);
  perDocument('CISA-2025', 'cisa.author', 'SBOM author', 'metadata.authors|metadata.manufacturer', hasAuthor);
  perDocument('CISA-2025', 'cisa.tool', 'Tool name', 'metadata.tools', hasTools);
  perDocument('CISA-2025', 'cisa.timestamp', 'Timestamp', 'metadata.timestamp', timestamp, timestampNote);
  perDocument(
    'CISA-2025',
    'cisa.context',
    'Generation context',
    'metadata.lifecycles[].phase',
    arr(metadata['lifecycles']).some((l) => str(l['phase']) !== undefined),
  );
  perDocument('CISA-2025', 'cisa.coverage', 'Coverage (known unknowns)', 'compositions[].aggregate', arr(doc['compositions']).length > 0);

  perDocument('BSI-TR-03183-2', 'bsi.creator', 'SBOM creator (email or URL)', 'metadata.manufacturer.url|contact[].email', hasContact(obj(metadata['manufacturer'])) || arr(metadata['authors']).some((a) => str(a['email']) !== undefined));
  perDocument('BSI-TR-03183-2', 'bsi.timestamp', 'Timestamp', 'metadata.timestamp', timestamp, timestampNote);
  perDocument('BSI-TR-03183-2', 'bsi.uri', 'SBOM-URI', 'serialNumber', str(doc['serialNumber']) !== undefined);
  perComponent('BSI-TR-03183-2', 'bsi.component-creator', 'Component creator (email or URL)', 'components[].supplier.url|contact[].email', bsiCreator, software);
  perComponent('BSI-TR-03183-2', 'bsi.name', 'Component name', 'components[].name', name, software);
  perComponent('BSI-TR-03183-2', 'bsi.version', 'Component version', 'components[].version', version, software);
  perComponent('BSI-TR-03183-2', 'bsi.filename', 'Filename of the component', 'properties[bsi:component:filename]', bsiFilename, software);
  // an OCI image is content-addressed: its identity is the SHA-256 manifest digest (in hashes); no SHA-512 of it exists
  const files = software.filter((c) => c['type'] !== 'container');
  perComponent(
    'BSI-TR-03183-2',
    'bsi.hash',
    'SHA-512 of the deployable component',
    'hashes|externalReferences[distribution].hashes',
    bsiHash,
    files,
    files.length < software.length ? 'container images are addressed by their SHA-256 manifest digest, which hashes[] records' : undefined,
  );
  perComponent('BSI-TR-03183-2', 'bsi.license', 'Licence', 'components[].licenses', licence, software);
  perComponent('BSI-TR-03183-2', 'bsi.dependencies', 'Dependencies', 'dependencies[].ref', inDeps, software);
  perComponent('BSI-TR-03183-2', 'bsi.source-uri', 'Source code URI', 'externalReferences[vcs|source-distribution]', bsiSource, software);
  perComponent('BSI-TR-03183-2', 'bsi.distribution-uri', 'URI of the deployable form', 'externalReferences[distribution]', bsiDistribution, software);
  perComponent('BSI-TR-03183-2', 'bsi.identifiers', 'Other unique identifiers', 'components[].purl|cpe|swid', ntiaIds, software);

  const summary: Record<ElementStatus, number> = { pass: 0, partial: 0, fail: 0, 'n/a': 0 };
  for (const element of elements) summary[element.status]++;
  return { elements, summary };
}

const MARK: Readonly<Record<ElementStatus, string>> = Object.freeze({ pass: 'PASS', partial: 'PART', fail: 'FAIL', 'n/a': 'n/a ' });

/** The scorecard as aligned text lines, one element per line, grouped by standard. */
export function renderScorecardText(scorecard: Scorecard): string {
  const lines: string[] = [
    `minimum elements: ${scorecard.summary.pass} pass, ${scorecard.summary.partial} partial, ${scorecard.summary.fail} fail, ${scorecard.summary['n/a']} n/a`,
  ];
  let standard: Standard | undefined;
  for (const e of scorecard.elements) {
    if (e.standard !== standard) {
      standard = e.standard;
      lines.push(`  ${standard}${standard === 'BSI-TR-03183-2' ? ' (software components; models, data and services are out of its scope)' : ''}`);
    }
    const count = ` ${e.satisfied}/${e.total}`;
    const missing = e.missing.length > 0 ? `; missing: ${e.missing.join(', ')}` : '';
    const note = e.note === undefined ? '' : `; ${e.note}`;
    lines.push(`    ${MARK[e.status]} ${e.element}${count} (${e.path})${missing}${note}`);
  }
  return `${lines.join('\n')}\n`;
}
