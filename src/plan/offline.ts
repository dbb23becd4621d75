/**
 * The offline plan: runs the stack definition of `src/program.ts` for one agent under Pulumi's mocks
 * (no CLI, no cloud, no credentials) and returns what `pulumi preview --json` would show for a first
 * deployment: one `create` step per resource, component resources included (`custom: false`),
 * parents first, siblings by URN, no timestamps, so the same inputs always give the same document.
 *
 * Pulumi's mocks are process-global: plans in one process run one after another (see
 * `runUnderMocks`), so repeated plans work; concurrent callers simply wait their turn.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { loadManifest, resolveAgent } from '../manifest/index.js';
import type { RecordedResource } from './mocks.js';

/** What `pulumi preview --json` prints for a secret. */
const SECRET = '[secret]';

/** The sentinel `pulumi preview` prints for values unknown until deploy. */
export const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** `newState` of a preview step (a subset of Pulumi's ResourceV3). */
export interface PreviewResourceState {
  readonly urn: string;
  readonly custom: boolean;
  readonly type: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly parent?: string;
  readonly provider?: string;
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
}

/** One step of the preview: always `create` for an offline plan. */
export interface PreviewStep {
  readonly op: 'create';
  readonly urn: string;
  readonly provider?: string;
  readonly newState: PreviewResourceState;
}

export interface PreviewDiagnostic {
  readonly urn?: string;
  readonly prefix?: string;
  readonly message: string;
  readonly severity: 'info' | 'warning' | 'error';
}

/** The `pulumi preview --json` document (PreviewDigest) of an offline plan. */
export interface PreviewDocument {
  readonly config: Readonly<Record<string, string>>;
  readonly steps: readonly PreviewStep[];
  readonly diagnostics: readonly PreviewDiagnostic[];
  readonly changeSummary: { readonly create: number };
}

/** Where and what to plan. */
export interface PlanTarget {
  readonly project: string;
  readonly stack: string;
  /** The folder the program treats as the project root. */
  readonly root: string;
  readonly config: Readonly<Record<string, string>>;
}

/** The Pulumi project name from `<root>/Pulumi.yaml`, `agentfence` when absent. */
function projectName(root: string): string {
  const file = path.join(root, 'Pulumi.yaml');
  if (!existsSync(file)) return 'agentfence';
  const doc = parseYaml(readFileSync(file, 'utf8')) as { name?: unknown } | null;
  return typeof doc?.name === 'string' && doc.name !== '' ? doc.name : 'agentfence';
}

/** Stack config values as Pulumi hands them to a program: strings (objects as JSON), secrets masked. */
function toConfigValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'secure' in value) return SECRET;
  return JSON.stringify(value);
}

/**
 * Finds the stack to plan: the agent's `stacks/Pulumi.<agent>.yaml` config when it exists (it must
 * name this agent's manifest), else a config naming the manifest directly.
 * @throws InputError AGENT_NOT_FOUND; ConfigError STACK_CONFIG_INVALID.
 */
export function resolvePlanTarget(ref: string, cwd: string): PlanTarget {
  const location = resolveAgent(ref, cwd);
  const relativeToRoot = path.relative(location.projectRoot, location.manifestFile);
  const insideRoot = !relativeToRoot.startsWith('..') && !path.isAbsolute(relativeToRoot);
  const root = insideRoot ? location.projectRoot : path.dirname(location.stackDir);
  const stackFile = path.join(root, 'stacks', `Pulumi.${location.name}.yaml`);
  const config: Record<string, string> = {};
  if (existsSync(stackFile)) {
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(stackFile, 'utf8'));
    } catch (error) {
      throw new ConfigError('STACK_CONFIG_INVALID', `${path.relative(cwd, stackFile)} must be YAML (${(error as Error).message})`, {
        cause: error,
      });
    }
    const values = (doc as { config?: unknown } | null)?.config;
    if (values !== undefined && (values === null || typeof values !== 'object' || Array.isArray(values))) {
      throw new ConfigError('STACK_CONFIG_INVALID', `${path.relative(cwd, stackFile)} config must be a mapping`);
    }
    for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) config[key] = toConfigValue(value);
  }
  const named = config['agentfence:manifest'];
  const byStacks = path.relative(path.join(root, 'stacks'), location.manifestFile);
  if (named === undefined) {
    config['agentfence:manifest'] = path.relative(root, location.manifestFile).split(path.sep).join('/');
  } else if (![path.resolve(root, 'stacks', named), path.resolve(root, named)].includes(location.manifestFile)) {
    throw new ConfigError(
      'STACK_CONFIG_INVALID',
      `${path.relative(cwd, stackFile)} agentfence:manifest must name ${byStacks} (got ${JSON.stringify(named)})`,
    );
  }
  return {
    project: projectName(root),
    stack: location.name,
    root,
    config: Object.fromEntries(Object.entries(config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function awsProviderUrn(stack: string, project: string): string {
  const require = createRequire(import.meta.url);
  const version = (require('@pulumi/aws/package.json') as { version: string }).version.replace(/\./g, '_');
  return `urn:pulumi:${stack}::${project}::pulumi:providers:aws::default_${version}::${UNKNOWN_VALUE}`;
}

/** Orders resources parents-first (depth-first), siblings by URN, and renders preview steps. */
export function toPreviewDocument(
  resources: readonly RecordedResource[],
  target: Pick<PlanTarget, 'project' | 'stack' | 'config'>,
): PreviewDocument {
  const stackUrn = `urn:pulumi:${target.stack}::${target.project}::pulumi:pulumi:Stack::${target.project}-${target.stack}`;
  const provider = awsProviderUrn(target.stack, target.project);
  const children = new Map<string, RecordedResource[]>();
  const known = new Set(resources.map((resource) => resource.urn));
  for (const resource of resources) {
    const parent = resource.parent !== undefined && known.has(resource.parent) ? resource.parent : stackUrn;
    children.set(parent, [...(children.get(parent) ?? []), resource]);
  }
  const steps: PreviewStep[] = [{ op: 'create', urn: stackUrn, newState: { urn: stackUrn, custom: false, type: 'pulumi:pulumi:Stack' } }];
  const visit = (urn: string): void => {
    for (const resource of (children.get(urn) ?? []).sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0))) {
      const parent = resource.parent !== undefined && known.has(resource.parent) ? resource.parent : stackUrn;
      const isAws = resource.custom && resource.type.startsWith('aws:');
      steps.push({
        op: 'create',
        urn: resource.urn,
        ...(isAws ? { provider } : {}),
        newState: {
          urn: resource.urn,
          custom: resource.custom,
          type: resource.type,
          // components' own args too (the SDK sends them since 3.202): the agent facts rules read
          ...(resource.custom || Object.keys(resource.inputs).length > 0 ? { inputs: resource.inputs } : {}),
          // which resource each property refers to, even where its value is unknown: the references rules follow
          ...(Object.keys(resource.dependencies).length > 0 ? { propertyDependencies: resource.dependencies } : {}),
          parent,
          ...(isAws ? { provider } : {}),
          protect: resource.protect,
          retainOnDelete: resource.retainOnDelete,
        },
      });
      visit(resource.urn);
    }
  };
  visit(stackUrn);
  return { config: target.config, steps, diagnostics: [], changeSummary: { create: steps.length } };
}

/**
 * Plans an agent offline: `ref` is a name under `stacks/`, a stack folder or a manifest path.
 * @throws InputError AGENT_NOT_FOUND, COMPONENT_ARG_INVALID, DESCRIPTOR_INVALID; ManifestError MANIFEST_INVALID; ConfigError STACK_CONFIG_INVALID.
 */
export async function planAgent(ref: string, cwd: string): Promise<PreviewDocument> {
  const target = resolvePlanTarget(ref, cwd);
  const { manifest } = loadManifest(resolveAgent(ref, cwd).manifestFile);
  // Pulumi loads only once the target is known to be good.
  const { runUnderMocks } = await import('./mocks.js');
  const { defineAgentStack } = await import('./stack.js');
  const { resources } = await runUnderMocks(
    {
      project: target.project,
      stack: target.stack,
      config: target.config,
      account: manifest.identity.account,
      region: manifest.identity.region,
    },
    () => {
      defineAgentStack(target.root);
    },
  );
  return toPreviewDocument(resources, target);
}
