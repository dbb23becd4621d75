/**
 * What the Pulumi program does, as a function of the project root: read the stack config
 * (`agentfence:manifest` and the optional settings below), load and validate the manifest, read the
 * hosts of its API descriptors, and build the agent's `AgentEnvironment`. `src/program.ts` calls it
 * with the working directory Pulumi runs in; the offline plan calls it under mocks.
 *
 * Stack config (namespace `agentfence`): `manifest` (required, relative to `stacks/` or the project
 * root), `paused` (kill switch), `runtimeImage`, `authorizer` ({discoveryUrl, allowedAudiences,
 * allowedClients}), `reviewerEmails`, `approvalTimeoutSeconds`, `cidrBlock`, `availabilityZones`,
 * `keyAdmins`, `cloudTrail`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { AgentEnvironment, type AgentEnvironmentArgs } from '../components/aws/agent-environment.js';
import { ConfigError } from '../errors.js';
import { loadManifest } from '../manifest/index.js';
import type { LoadedManifest } from '../manifest/types.js';
import { parseApiDescriptor } from '../verify/api/descriptor.js';

/** Stack outputs of the program. */
export interface AgentStackOutputs {
  readonly agent: string;
  readonly roleArn: pulumi.Output<string>;
  readonly vpcId: pulumi.Output<string>;
  readonly gateArns: readonly string[];
  readonly storeArns: readonly string[];
  readonly paused: boolean;
}

/** Whether `child` is `parent` or inside it. */
function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The manifest file named by `agentfence:manifest`: relative to `<root>/stacks`, else to the root;
 * it must stay inside the project (no `..` or symlink escape).
 * @throws ConfigError STACK_CONFIG_INVALID when it is missing, outside the project, or not a file.
 */
export function resolveManifestFile(root: string, ref: string): string {
  if (ref.trim() === '')
    throw new ConfigError('STACK_CONFIG_INVALID', 'stack config agentfence:manifest must name the agent manifest (got an empty value)');
  const candidates = [path.resolve(root, 'stacks', ref), path.resolve(root, ref)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new ConfigError(
      'STACK_CONFIG_INVALID',
      `stack config agentfence:manifest must name an existing manifest under stacks/ or the project root (got ${JSON.stringify(ref)})`,
    );
  }
  const real = realpathSync(found);
  if (!inside(realpathSync(root), real)) {
    throw new ConfigError(
      'STACK_CONFIG_INVALID',
      `stack config agentfence:manifest must stay inside the project ${root} (got ${JSON.stringify(ref)})`,
    );
  }
  return real;
}

/**
 * The hosts of the manifest's API descriptors: the firewall allowlist. Signatures are the verifier
 * gate's job before deploy; here the descriptors are only parsed and schema-checked.
 * @throws InputError DESCRIPTOR_INVALID for a malformed descriptor; ConfigError STACK_CONFIG_INVALID for an unreadable one.
 */
export function readApiHosts(loaded: LoadedManifest): string[] {
  const hosts = new Set<string>();
  for (const api of loaded.manifest.apis) {
    const file = path.resolve(loaded.stackDir, api.descriptor);
    if (!inside(loaded.stackDir, file))
      throw new ConfigError(
        'STACK_CONFIG_INVALID',
        `API descriptor of ${api.name} must stay inside the stack folder (got ${api.descriptor})`,
      );
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ConfigError(
        'STACK_CONFIG_INVALID',
        `API descriptor of ${api.name} must be readable at ${api.descriptor} (${(error as Error).message})`,
        { cause: error },
      );
    }
    for (const host of parseApiDescriptor(bytes, `API descriptor ${api.descriptor}`).hosts) hosts.add(host.toLowerCase());
  }
  return [...hosts].sort();
}

/**
 * The OpenAPI documents of the APIs that OpenAPI tool targets use: the file beside the descriptor
 * named `<descriptor>.openapi.yaml|yml|json`, accepted only when its sha256 is the digest the
 * signed descriptor pins.
 * @throws ConfigError STACK_CONFIG_INVALID when the document is missing or its digest differs.
 */
export function readOpenApiDocuments(loaded: LoadedManifest): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = new Set(
    loaded.manifest.tools.flatMap((tool) => (tool.mcp !== undefined && 'openApi' in tool.mcp.target ? [tool.mcp.target.openApi.api] : [])),
  );
  for (const api of loaded.manifest.apis.filter((candidate) => wanted.has(candidate.name))) {
    const descriptorFile = path.resolve(loaded.stackDir, api.descriptor);
    const descriptor = parseApiDescriptor(readFileSync(descriptorFile), `API descriptor ${api.descriptor}`);
    const base = descriptorFile.replace(/\.json$/i, '');
    const file = ['.openapi.yaml', '.openapi.yml', '.openapi.json']
      .map((ext) => `${base}${ext}`)
      .find((candidate) => existsSync(candidate));
    if (file === undefined || !inside(loaded.stackDir, file)) {
      throw new ConfigError(
        'STACK_CONFIG_INVALID',
        `the OpenAPI document of API ${api.name} must sit beside its descriptor as ${path.basename(base)}.openapi.yaml (an OpenAPI tool target needs it)`,
      );
    }
    const bytes = readFileSync(file);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    // Only the document the signed descriptor pins reaches the gateway.
    if (digest !== descriptor.openapi.digest) {
      throw new ConfigError(
        'STACK_CONFIG_INVALID',
        `the OpenAPI document of API ${api.name} must have the digest its descriptor pins ${descriptor.openapi.digest} (got ${digest})`,
      );
    }
    out[api.name] = bytes.toString('utf8');
  }
  return out;
}

/**
 * The runtime image: the stack config's, else the manifest's; when both are set they must agree,
 * so what is deployed is the image whose provenance the verifier checked.
 * @throws ConfigError STACK_CONFIG_INVALID when they differ.
 */
export function runtimeImageOf(loaded: LoadedManifest, configured: string | undefined): string | undefined {
  const declared = loaded.manifest.runtimeImage?.ref;
  if (configured !== undefined && declared !== undefined && configured !== declared) {
    throw new ConfigError(
      'STACK_CONFIG_INVALID',
      `stack config agentfence:runtimeImage must equal the manifest's runtimeImage.ref ${declared} (got ${configured})`,
    );
  }
  return configured ?? declared;
}

function optional<K extends keyof AgentEnvironmentArgs>(key: K, value: AgentEnvironmentArgs[K] | undefined): Partial<AgentEnvironmentArgs> {
  return value === undefined ? {} : { [key]: value };
}

/**
 * Builds the stack: the agent's environment from its manifest and the stack config.
 * @throws ConfigError STACK_CONFIG_INVALID; ManifestError MANIFEST_INVALID; InputError from descriptors and component args.
 */
export function defineAgentStack(root: string): AgentStackOutputs {
  const config = new pulumi.Config('agentfence');
  const file = resolveManifestFile(root, config.require('manifest'));
  const loaded = loadManifest(file);
  // The AWS provider deploys to `aws:region`; a manifest for another region would be fenced in the wrong place.
  const region = new pulumi.Config('aws').get('region');
  if (region !== undefined && region !== loaded.manifest.identity.region) {
    throw new ConfigError(
      'STACK_CONFIG_INVALID',
      `stack config aws:region must equal the manifest's identity.region ${loaded.manifest.identity.region} (got ${region})`,
    );
  }
  const env = new AgentEnvironment(loaded.manifest.name, {
    manifest: loaded.manifest,
    apiHosts: readApiHosts(loaded),
    openApiDocuments: readOpenApiDocuments(loaded),
    ...optional('paused', config.getBoolean('paused')),
    ...optional('runtimeImage', runtimeImageOf(loaded, config.get('runtimeImage'))),
    ...optional('authorizer', config.getObject<AgentEnvironmentArgs['authorizer'] & object>('authorizer')),
    ...optional('reviewerEmails', config.getObject<string[]>('reviewerEmails')),
    ...optional('approvalTimeoutSeconds', config.getNumber('approvalTimeoutSeconds')),
    ...optional('cidrBlock', config.get('cidrBlock')),
    ...optional('availabilityZones', config.getObject<string[]>('availabilityZones')),
    ...optional('keyAdmins', config.getObject<string[]>('keyAdmins')),
    ...optional('cloudTrail', config.getBoolean('cloudTrail')),
  });
  return {
    agent: loaded.manifest.name,
    roleArn: env.roleArn,
    vpcId: env.network.vpc.id,
    gateArns: env.gates.map((gate) => gate.stateMachineArn),
    storeArns: env.stores.map((store) => store.arn),
    paused: config.getBoolean('paused') === true || loaded.manifest.paused === true,
  };
}
