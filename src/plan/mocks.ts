/**
 * Pulumi's engine replaced by in-process mocks: every registered resource is recorded (type, name,
 * parent, inputs, protect, retainOnDelete) and answered with plausible, deterministic outputs (ids and
 * ARNs derived from the type, name and the agent's account/region) so dependent inputs resolve.
 *
 * Pulumi's mock monitor is process-global state: `runUnderMocks` serialises callers on one queue, so
 * repeated plans in one process work, one after another.
 */
import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

/** One resource as the engine saw it register. */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly inputs: Record<string, unknown>;
  /** The mock's answer (inputs plus id/arn and type-specific outputs). */
  readonly outputs: Record<string, unknown>;
  readonly id?: string;
  /** URNs each input property depends on (what `pulumi preview --json` prints as propertyDependencies). */
  readonly dependencies: Record<string, string[]>;
}

export interface MockOptions {
  readonly project: string;
  readonly stack: string;
  /** Stack configuration, full keys (`agentfence:manifest`). */
  readonly config?: Readonly<Record<string, string>>;
  readonly account?: string;
  readonly region?: string;
}

/** Replaces Pulumi secrets with the `[secret]` marker that `pulumi preview --json` prints. */
export const SECRET = '[secret]';

const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const SIG_KEY = '4dabf18193072939515e22adb298388d';

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Strips secret wrappers (to `[secret]`) and orders keys, so documents are stable. */
export function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return SECRET;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => [key, toPlain(record[key])]),
    );
  }
  return value;
}

const ID_PREFIX: Readonly<Record<string, string>> = {
  'aws:ec2/vpc:Vpc': 'vpc',
  'aws:ec2/subnet:Subnet': 'subnet',
  'aws:ec2/securityGroup:SecurityGroup': 'sg',
  'aws:ec2/vpcEndpoint:VpcEndpoint': 'vpce',
  'aws:ec2/routeTable:RouteTable': 'rtb',
  'aws:ec2/internetGateway:InternetGateway': 'igw',
  'aws:ec2/natGateway:NatGateway': 'nat',
  'aws:ec2/eip:Eip': 'eipalloc',
  'aws:ec2/flowLog:FlowLog': 'fl',
  'aws:ec2/routeTableAssociation:RouteTableAssociation': 'rtbassoc',
};

/** Plausible outputs for one resource: deterministic id and ARN, plus what dependants read. */
export function mockState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  account: string,
  region: string,
): { id: string; state: Record<string, unknown> } {
  const seed = `${type}::${name}`;
  const str = (key: string): string | undefined => (typeof inputs[key] === 'string' ? inputs[key] : undefined);
  const physical = str('name') ?? str('bucket') ?? str('agentRuntimeName') ?? `${name}-${hex(seed, 7)}`;
  const [, module = 'index', kind = 'Resource'] = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
  const service =
    module === 'networkfirewall'
      ? 'network-firewall'
      : module === 'cloudwatch'
        ? 'logs'
        : module === 'sfn'
          ? 'states'
          : module === 'bedrock'
            ? 'bedrock-agentcore'
            : module;
  const prefix = ID_PREFIX[type];
  let id = prefix !== undefined ? `${prefix}-${hex(seed, 17)}` : physical;
  let arn = `arn:aws:${service}:${region}:${account}:${kind.replace(/^[A-Z]/, (c) => c.toLowerCase())}/${physical}`;
  const state: Record<string, unknown> = {};
  switch (type) {
    case 'aws:iam/role:Role':
      arn = `arn:aws:iam::${account}:role/${physical}`;
      state['uniqueId'] = `AROA${hex(seed, 17).toUpperCase()}`;
      break;
    case 'aws:iam/policy:Policy':
      arn = `arn:aws:iam::${account}:policy/${physical}`;
      break;
    case 'aws:kms/key:Key':
      id = uuid(seed);
      arn = `arn:aws:kms:${region}:${account}:key/${id}`;
      state['keyId'] = id;
      break;
    case 'aws:s3/bucket:Bucket':
      arn = `arn:aws:s3:::${physical}`;
      state['bucket'] = physical;
      break;
    case 'aws:dynamodb/table:Table':
      arn = `arn:aws:dynamodb:${region}:${account}:table/${physical}`;
      break;
    case 'aws:sns/topic:Topic':
      arn = `arn:aws:sns:${region}:${account}:${physical}`;
      break;
    case 'aws:sfn/stateMachine:StateMachine':
      arn = `arn:aws:states:${region}:${account}:stateMachine:${physical}`;
      break;
    case 'aws:cloudwatch/logGroup:LogGroup':
      arn = `arn:aws:logs:${region}:${account}:log-group:${physical}`;
      break;
    case 'aws:cloudwatch/logStream:LogStream':
      arn = `arn:aws:logs:${region}:${account}:log-group:${str('logGroupName') ?? 'unknown'}:log-stream:${physical}`;
      break;
    case 'aws:cloudtrail/trail:Trail':
      arn = `arn:aws:cloudtrail:${region}:${account}:trail/${physical}`;
      break;
    case 'aws:ec2/vpcEndpoint:VpcEndpoint':
      state['prefixListId'] = `pl-${hex(seed, 8)}`;
      break;
    case 'aws:networkfirewall/firewall:Firewall': {
      const mappings = Array.isArray(inputs['subnetMappings']) ? (inputs['subnetMappings'] as { subnetId?: string }[]) : [];
      state['firewallStatuses'] = [
        {
          syncStates: mappings.map((mapping, index) => ({
            availabilityZone: `${region}${String.fromCharCode(97 + index)}`,
            attachments: [{ endpointId: `vpce-${hex(`${seed}:${index}`, 17)}`, subnetId: mapping.subnetId ?? '' }],
          })),
        },
      ];
      break;
    }
    case 'aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity':
      arn = `arn:aws:bedrock-agentcore:${region}:${account}:workload-identity-directory/default/workload-identity/${physical}`;
      state['workloadIdentityArn'] = arn;
      break;
    case 'aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine':
      id = `${physical}-${hex(seed, 10)}`;
      arn = `arn:aws:bedrock-agentcore:${region}:${account}:policy-engine/${id}`;
      state['policyEngineArn'] = arn;
      state['policyEngineId'] = id;
      break;
    case 'aws:bedrock/agentcoreGateway:AgentcoreGateway':
      id = `${physical}-${hex(seed, 10)}`;
      arn = `arn:aws:bedrock-agentcore:${region}:${account}:gateway/${id}`;
      state['gatewayArn'] = arn;
      state['gatewayId'] = id;
      break;
    case 'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime':
      id = `${physical}-${hex(seed, 10)}`;
      arn = `arn:aws:bedrock-agentcore:${region}:${account}:runtime/${id}`;
      state['agentRuntimeArn'] = arn;
      state['agentRuntimeId'] = id;
      break;
    case 'aws:cognito/userPool:UserPool':
      id = `${region}_${hex(seed, 9)}`;
      arn = `arn:aws:cognito-idp:${region}:${account}:userpool/${id}`;
      state['endpoint'] = `cognito-idp.${region}.amazonaws.com/${id}`;
      break;
    default:
      break;
  }
  return { id, state: { ...inputs, ...state, id, arn } };
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getObject(): unknown;
  getPropertydependenciesMap?(): { forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void };
}

interface PatchableMonitor {
  registerResource(req: RegisterRequest, callback: (err: unknown, res: unknown) => void): Promise<void> | void;
  newUrn(parent: string, type: string, name: string): string;
}

function propertyDependencies(req: RegisterRequest): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  req.getPropertydependenciesMap?.().forEach((value, key) => {
    const urns = [...new Set(value.getUrnsList())].sort();
    if (urns.length > 0) out[key] = urns;
  });
  return out;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `body` with Pulumi's engine mocked and returns what it registered, in registration order,
 * once every registration and output has settled. Calls are serialised across the process.
 * @throws whatever `body` or a resource registration throws.
 */
export function runUnderMocks<T>(options: MockOptions, body: () => Promise<T> | T): Promise<{ value: T; resources: RecordedResource[] }> {
  const run = queue.then(() => runExclusive(options, body));
  queue = run.catch(() => undefined);
  return run;
}

async function runExclusive<T>(options: MockOptions, body: () => Promise<T> | T): Promise<{ value: T; resources: RecordedResource[] }> {
  const account = options.account ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const byUrn = new Map<string, RecordedResource>();
  const failures: unknown[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => mockState(args.type, args.name, (args.inputs ?? {}) as Record<string, unknown>, account, region),
      call: (args) => {
        throw new Error(`offline plan: provider function ${args.token} is not available under mocks`);
      },
    },
    options.project,
    options.stack,
    false,
  );
  pulumi.runtime.setAllConfig({ ...(options.config ?? {}) });
  const monitor = pulumi.runtime.getMonitor() as unknown as PatchableMonitor;
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    try {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent();
      const inputs = toPlain(pulumi.runtime.deserializeProperties(req.getObject() as never)) as Record<string, unknown>;
      const urn = monitor.newUrn(parent, type, name);
      const answer = req.getCustom() ? mockState(type, name, inputs, account, region) : { id: '', state: {} };
      byUrn.set(urn, {
        urn,
        type,
        name,
        custom: req.getCustom(),
        ...(parent !== '' ? { parent } : {}),
        protect: req.getProtect() === true,
        retainOnDelete: req.getRetainondelete() === true,
        inputs,
        outputs: toPlain(answer.state) as Record<string, unknown>,
        ...(req.getCustom() ? { id: answer.id } : {}),
        dependencies: propertyDependencies(req),
      });
    } catch (error) {
      failures.push(error);
    }
    return original(req, (err, res) => {
      if (err !== null && err !== undefined) failures.push(err);
      callback(err, res);
    });
  };
  const onRejection = (reason: unknown): void => {
    failures.push(reason);
  };
  process.on('unhandledRejection', onRejection);
  try {
    const value = await body();
    await settle();
    if (failures.length > 0) throw failures[0];
    return { value, resources: [...byUrn.values()] };
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}

/** Waits until Pulumi's RPC queue (registrations, outputs) has drained. */
async function settle(): Promise<void> {
  const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
  if (typeof runtime.waitForRPCs === 'function') {
    await runtime.waitForRPCs();
  } else {
    await pulumi.runtime.disconnect();
  }
}
