/**
 * Where in the manifest a finding comes from, so SARIF points a reviewer at the line to change: a
 * tool's IAM grant at the tool's entry, a model's verdict at the model's entry, a planned resource
 * at the manifest entry its component was built from.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { AgentManifest } from '../manifest/types.js';
import { readSource, type Source } from '../manifest/source.js';
import type { FileRegion } from './sarif.js';

/** The manifest list each artifact kind lives in; any other kind has no entry to point at. */
const ARTIFACT_LISTS: ReadonlyMap<string, 'models' | 'plugins' | 'apis' | 'images'> = new Map([
  ['model', 'models'],
  ['plugin', 'plugins'],
  ['api', 'apis'],
  ['image', 'images'],
]);

type Segment = string | number;

/** Locates manifest entries of one agent; reading the manifest again is cheap (<= 1 MiB, parsed once). */
export class ManifestLocator {
  private readonly source: Source | undefined;
  private readonly file: string;

  /**
   * @param manifestFile absolute path of the manifest
   * @param root the repository root SARIF paths are relative to
   */
  constructor(
    manifestFile: string,
    root: string,
    private readonly manifest: AgentManifest,
  ) {
    this.file = path.relative(root, manifestFile).split(path.sep).join('/');
    try {
      this.source = readSource(manifestFile);
    } catch {
      // The manifest loaded before; if it changed meanwhile, findings point at its first line.
      this.source = undefined;
    }
  }

  /** The region of the node at `docPath` (the deepest node that exists), whole entry for a list item. */
  at(docPath: readonly Segment[]): FileRegion {
    let node: unknown = this.source?.doc.contents;
    let found: Node | undefined = node as Node | undefined;
    for (const segment of docPath) {
      let next: unknown;
      if (isMap(node)) next = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
      else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
      if (next === undefined || next === null) break;
      node = next;
      found = next as Node;
    }
    const range = found?.range;
    if (this.source === undefined || range === undefined || range === null) return { file: this.file, startLine: 1, startColumn: 1 };
    const start = this.source.lineCounter.linePos(range[0]);
    // range[1] is the end of the value; a block entry's end is the start of the next line
    const endOffset = Math.max(range[0], range[1] - 1);
    const end = this.source.lineCounter.linePos(endOffset);
    return { file: this.file, startLine: start.line, startColumn: start.col, endLine: Math.max(start.line, end.line) };
  }

  /** The entry of a list (`tools`, `models`, ...) with this name, else the list itself. */
  entry(list: 'tools' | 'dataStores' | 'models' | 'plugins' | 'apis' | 'images', name: string): FileRegion {
    const entries = (this.manifest as unknown as Record<string, unknown>)[list];
    const index = Array.isArray(entries)
      ? entries.findIndex((e) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name)
      : -1;
    return this.at(index >= 0 ? [list, index] : [list]);
  }

  /** The entry an artifact verdict is about. */
  artifact(kind: string, name: string): FileRegion {
    const list = ARTIFACT_LISTS.get(kind);
    return list === undefined ? this.at([]) : this.entry(list, name);
  }

  /**
   * The manifest entry that produced a planned resource, from the component naming
   * (`<agent>-store-<name>`, `<agent>-gate-<tool>`, `<agent>-policy`, `<agent>-network`, ...).
   * A finding on the tools' policy that names a tool's action points at that tool.
   */
  resource(urn: string | undefined, message: string): FileRegion {
    // a stack-level verdict about one artifact (`model "x" must pass ...`) points at that artifact
    const [, artifactKind, artifactName] = /^(model|plugin|api|image) "([^"]+)"/.exec(message) ?? [];
    if (artifactKind !== undefined && artifactName !== undefined) return this.artifact(artifactKind, artifactName);
    if (urn === undefined) return this.at([]);
    const name = urn.slice(urn.lastIndexOf('::') + 2);
    const agent = this.manifest.name;
    const rest = name.startsWith(`${agent}-`) ? name.slice(agent.length + 1) : name;
    const sorted = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length);
    if (rest.startsWith('store-')) {
      const store = sorted(this.manifest.dataStores.map((s) => s.name)).find(
        (s) => rest === `store-${s}` || rest.startsWith(`store-${s}-`),
      );
      return store === undefined ? this.at(['dataStores']) : this.entry('dataStores', store);
    }
    if (rest.startsWith('gate-')) {
      const tool = sorted(this.manifest.tools.map((t) => t.name)).find((t) => rest === `gate-${t}` || rest.startsWith(`gate-${t}-`));
      return tool === undefined ? this.at(['tools']) : this.entry('tools', tool);
    }
    if (rest === 'policy' || rest.startsWith('policy-')) {
      const tool = this.manifest.tools.find((t) => t.actions.some((action) => message.includes(action)));
      return tool === undefined ? this.at(['tools']) : this.entry('tools', tool.name);
    }
    if (rest.startsWith('network')) return this.at(['network']);
    if (rest.startsWith('audit')) return this.at(['monitoring']);
    if (rest.startsWith('identity') || rest === 'runtime') return this.at(['identity']);
    return this.at([]);
  }
}
