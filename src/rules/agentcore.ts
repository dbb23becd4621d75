/**
 * AgentCore rules: the gateway's Cedar policies (present under ENFORCE, scoped to an action, a
 * high-risk tool only through its approval target), one policy engine per agent, only targets the
 * manifest declares, runtime images by digest (AgentCore runtime, ECS task definition, Lambda), and
 * an execution role that can pull its image. Policies are parsed with the Cedar engine itself.
 */
import { type CedarEngine, cedarEngine } from '../cedar/engine.js';
import { present } from '../invariant.js';
import { allows, parsePolicyDocument, strings } from './policy-document.js';
import { label, unknownViolation, violation } from './violations.js';
import type { PlannedResource, StackRule, StackView, Violation } from './types.js';
import { iamGlob, isRecord, readValue, show } from './values.js';

const GATEWAY = 'aws:bedrock/agentcoreGateway:AgentcoreGateway';
const POLICY = 'aws:bedrock/agentcorePolicy:AgentcorePolicy';
const TARGET = 'aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget';
const RUNTIME = 'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime';
const TASK = 'aws:ecs/taskDefinition:TaskDefinition';
const LAMBDA = 'aws:lambda/function:Function';
const ASI02 = 'ASI02 Tool Misuse & Exploitation';
const ASI04 = 'ASI04 Agentic Supply Chain Vulnerabilities';
const DIGEST = /@sha256:[a-f0-9]{64}$/;

const meta = { kind: 'stack', defaultEnforcement: 'mandatory' } as const;

type CedarScope = { effect: string; action: { op: string; entity?: { id?: string }; entities?: { id?: string }[] } };

type CedarAnswer = ReturnType<CedarEngine['policyToJson']>;

/** The effect and action scope of one parsed policy; undefined when it did not parse. */
function cedarScope(answer: CedarAnswer): CedarScope | undefined {
  if (answer.type !== 'success') return undefined;
  const action = answer.json.action as CedarScope['action'];
  return { effect: answer.json.effect, action };
}

let policyToJson: CedarEngine['policyToJson'] | undefined;
let checkParse: CedarEngine['checkParsePolicySet'] | undefined;

/**
 * `<effect>(principal, <the policy's own action constraint>, resource);` cut from a policy text by
 * its top-level punctuation (strings, brackets and parentheses respected), or undefined when the
 * text is not laid out as that cut expects (a comment in the scope, anything unexpected). The engine
 * parses the result: the effect and action scope are the engine's reading of the policy's own
 * words, while the resource and conditions, which these rules do not judge, are left out.
 */
export function actionHead(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const space = () => {
    while (i < n && /\s/.test(text.charAt(i))) i++;
  };
  /** Skips a string literal starting at i; false when it does not end. */
  const string = (): boolean => {
    for (i++; i < n; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return ++i <= n;
    }
    return false;
  };
  space();
  // Annotations: @name or @name("value").
  while (text[i] === '@') {
    i++;
    while (i < n && /[A-Za-z0-9_]/.test(text.charAt(i))) i++;
    space();
    if (text[i] === '(') {
      i++;
      space();
      if (text[i] !== '"' || !string()) return undefined;
      space();
      if (text[i] !== ')') return undefined;
      i++;
    }
    space();
  }
  const effect = /^(permit|forbid)\s*\(/.exec(text.slice(i, i + 16));
  if (effect === null) return undefined;
  i += effect[0].length;
  const segments: string[] = [];
  let start = i;
  let depth = 0;
  while (i < n) {
    const c = text.charAt(i);
    if (c === '"') {
      if (!string()) return undefined;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') return undefined;
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ')')) {
      segments.push(text.slice(start, i).trim());
      if (c === ')') break;
      start = i + 1;
    }
    i++;
  }
  const [principal, action] = segments;
  if (i >= n || segments.length !== 3 || principal?.startsWith('principal') !== true || action?.startsWith('action') !== true)
    return undefined;
  return `${effect[1]}(principal, ${action}, resource);`;
}

/**
 * The text with the contents of every entity id written without an escape (`Type::"..."`) made
 * empty; the text itself when a string does not end. An entity id may be any string, and a literal
 * with no backslash is always a well-formed string, so the masked text parses exactly when the text
 * does. Agents' policies that differ only in their gateway ARN share one masked form, which the
 * engine checks once. Other strings (annotations, conditions, extension-function arguments) are
 * kept: their contents can matter to the parser.
 */
export function maskEntityIds(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
      continue;
    }
    if (text[i] !== '"') continue;
    let end = i + 1;
    let escaped = false;
    while (end < text.length && text[end] !== '"') {
      if (text[end] === '\\') {
        escaped = true;
        end++;
      }
      end++;
    }
    if (end >= text.length) return text;
    if (!escaped && /::\s*$/.test(text.slice(Math.max(0, i - 16), i))) {
      out += text.slice(kept, i + 1);
      kept = end;
    }
    i = end;
  }
  return out + text.slice(kept);
}

/**
 * The engine's answer for each policy text, as `policyToJson` gives it for the effect and the action
 * scope. When the engine accepts every text (one call for the set of their `maskEntityIds` forms), each policy is parsed by its
 * `actionHead` (the same few heads recur across agents, so most are parsed once); otherwise, or
 * when a head does not parse, by its full text.
 *
 * The calls go through Proxies of the engine's functions on purpose: Node 20's V8 (11.3) inlines a
 * JS-to-Wasm call into the optimised code of the function that makes it, and when that code is
 * deoptimised while the call runs, the deoptimiser aborts the process ("unreachable code" in
 * Deoptimizer::DoComputeBuiltinContinuation, exit 133: it cannot resume an inlined call that returns
 * a JS reference). The engine's glue builds its answers with JSON.parse, as the plan reader does, so
 * the shapes it creates invalidate optimised code that read the plan: the 10,000-resource bench
 * crashed every time. V8 does not inline through a Proxy, so the Wasm call stays in the glue's own
 * small function, whose optimised code assumes nothing that an answer can change.
 */
function parseEach(texts: readonly string[]): CedarAnswer[] {
  policyToJson ??= new Proxy(cedarEngine().policyToJson, {});
  checkParse ??= new Proxy(cedarEngine().checkParsePolicySet, {});
  const parse = policyToJson;
  const answers: CedarAnswer[] = [];
  const set: Record<string, string> = {};
  [...new Set(texts.map(maskEntityIds))].forEach((form, i) => (set[`p${i}`] = form));
  if (texts.length === 0 || checkParse({ staticPolicies: set }).type !== 'success') {
    for (const text of texts) answers.push(parse(text));
    return answers;
  }
  const heads = new Map<string, CedarAnswer>();
  for (const text of texts) {
    const head = actionHead(text);
    let answer = head === undefined ? undefined : heads.get(head);
    if (head !== undefined && answer === undefined) {
      answer = parse(head);
      heads.set(head, answer);
    }
    answers.push(answer?.type === 'success' ? answer : parse(text));
  }
  return answers;
}

type ReadPolicy = { resource: PlannedResource; scope?: CedarScope; problem?: Violation };

/** One reading per stack: two rules read the same policies, and each parse is a Wasm call. */
const readings = new WeakMap<StackView, ReadPolicy[]>();

/** Each AgentcorePolicy with its statement read: a parsed scope, or a violation. */
function policies(stack: StackView): ReadPolicy[] {
  const known = readings.get(stack);
  if (known !== undefined) return known;
  const out: ReadPolicy[] = [];
  const texts: string[] = [];
  const pending: number[] = [];
  for (const resource of stack.ofType(POLICY)) {
    const statement = readValue(resource.props, 'definition.cedar.statement');
    if (statement.kind === 'unknown' || statement.kind === 'secret')
      out.push({ resource, problem: unknownViolation(resource, 'definition.cedar.statement') });
    else if (statement.kind === 'absent' || typeof statement.value !== 'string')
      out.push({
        resource,
        problem: violation(
          resource,
          `${label(resource)} must carry a Cedar statement (got ${show(statement.kind === 'value' ? statement.value : undefined)})`,
        ),
      });
    else {
      pending.push(out.length);
      texts.push(statement.value);
      out.push({ resource });
    }
  }
  parseEach(texts).forEach((answer, i) => {
    const at = present(pending[i], 'the reading of a parsed policy');
    const { resource } = present(out[at], 'the reading of a parsed policy');
    const scope = cedarScope(answer);
    out[at] =
      scope === undefined
        ? { resource, problem: violation(resource, `${label(resource)} must be a valid Cedar policy (it does not parse)`) }
        : { resource, scope };
  });
  readings.set(stack, out);
  return out;
}

/** An ENFORCE gateway whose engine holds no policy denies every tool call. */
export const agentcoreGatewayHasPolicies: StackRule = {
  ...meta,
  id: 'agentcore-gateway-has-policies',
  title: 'An enforcing gateway has tool policies',
  description:
    'Checks whether each AgentCore gateway whose policy engine is in ENFORCE mode has at least one Cedar policy on that engine (with none, default deny refuses every tool call).',
  severity: 'high',
  pillar: 'human-oversight',
  owasp: [ASI02],
  remediation:
    "Declare each tool's `mcp` interface in the manifest so AgentEnvironment generates its Cedar policies, or add AgentcorePolicy resources on the engine.",
  evaluateStack(stack) {
    const out: Violation[] = [];
    for (const gateway of stack.ofType(GATEWAY)) {
      const mode = readValue(gateway.props, 'policyEngineConfiguration.mode');
      if (mode.kind !== 'value' || mode.value !== 'ENFORCE') continue;
      const engine = readValue(gateway.props, 'policyEngineConfiguration.arn');
      const mine = stack.ofType(POLICY).filter((policy) => {
        const id = readValue(policy.props, 'policyEngineId');
        if (id.kind === 'value' && engine.kind === 'value' && typeof id.value === 'string' && typeof engine.value === 'string')
          return engine.value === id.value || engine.value.endsWith(`/${id.value}`);
        // Unresolved references: the policies created beside the gateway.
        return policy.parent !== undefined && policy.parent === gateway.parent;
      });
      if (mine.length === 0)
        out.push(
          violation(
            gateway,
            `${label(gateway)} enforces a policy engine with no policy, so it denies every tool call (got 0 AgentcorePolicy on engine ${show(engine.kind === 'value' ? engine.value : engine.kind)})`,
          ),
        );
    }
    return out;
  },
};

/** A permit that names no action permits every tool. */
export const agentcorePermitActionScoped: StackRule = {
  ...meta,
  id: 'agentcore-permit-action-scoped',
  title: 'Every tool permit names its action',
  description:
    'Checks whether each permit among the AgentCore Cedar policies is scoped to named actions (`action == ...` or `action in [...]`), never to every action.',
  severity: 'high',
  pillar: 'least-privilege',
  owasp: [ASI02],
  remediation: 'Scope the permit with `action == AgentCore::Action::"<target>___<tool>"`.',
  evaluateStack(stack) {
    return policies(stack).flatMap(({ resource, scope, problem }) => {
      if (problem !== undefined) return [problem];
      const { effect, action } = present(scope, 'the scope of a policy that parsed');
      if (effect === 'permit' && action.op === 'All')
        return [violation(resource, `${label(resource)} must scope its permit to named tool actions (got action unconstrained)`)];
      return [];
    });
  },
};

type ApprovalConfig = { gatedTools: { tool: string; toolName: string; action: string }[] };

/** A high-risk tool is callable only through its approval-gate target. */
export const agentcoreHighRiskViaApproval: StackRule<ApprovalConfig> = {
  ...meta,
  id: 'agentcore-high-risk-via-approval',
  title: 'High-risk tools are permitted only through their approval target',
  description:
    "Checks whether any AgentCore permit names a gated (high-risk or approval-required) tool through a target other than that tool's approval gate (`gatedTools`, derived from the manifest by `agentfence check <agent>`).",
  severity: 'critical',
  pillar: 'human-oversight',
  owasp: [ASI02, 'ASI09 Human-Agent Trust Exploitation'],
  remediation: 'Permit `<tool>-approval___<toolName>` only; the approval gate performs the call after a reviewer approves it.',
  configSchema: {
    type: 'object',
    properties: {
      gatedTools: {
        type: 'array',
        default: [],
        items: {
          type: 'object',
          required: ['tool', 'toolName', 'action'],
          properties: { tool: { type: 'string' }, toolName: { type: 'string' }, action: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    const out: Violation[] = [];
    for (const { resource, scope } of policies(stack)) {
      if (scope === undefined || scope.effect !== 'permit') continue;
      const ids = scope.action.entity !== undefined ? [scope.action.entity.id] : (scope.action.entities ?? []).map((entity) => entity.id);
      for (const gated of config.gatedTools) {
        const bypass = ids.filter(
          (id): id is string => typeof id === 'string' && id.endsWith(`___${gated.toolName}`) && id !== gated.action,
        );
        if (bypass.length > 0)
          out.push(
            violation(
              resource,
              `${label(resource)} must permit high-risk tool ${gated.tool} only through ${gated.action} (got ${bypass.join(', ')})`,
            ),
          );
      }
    }
    return out;
  },
};

/** One policy engine per agent: a shared engine lets one agent's policies govern another's gateway. */
export const agentcorePolicyEngineNotShared: StackRule = {
  ...meta,
  id: 'agentcore-policy-engine-not-shared',
  title: 'Policy engines are not shared between agents',
  description: 'Checks whether two AgentCore gateways use the same policy engine.',
  severity: 'high',
  pillar: 'least-privilege',
  owasp: [ASI02],
  remediation: "Give each agent's gateway its own AgentcorePolicyEngine (AgentEnvironment does).",
  evaluateStack(stack) {
    const byEngine = new Map<string, PlannedResource[]>();
    for (const gateway of stack.ofType(GATEWAY)) {
      const engine = readValue(gateway.props, 'policyEngineConfiguration.arn');
      if (engine.kind === 'value' && typeof engine.value === 'string')
        byEngine.set(engine.value, [...(byEngine.get(engine.value) ?? []), gateway]);
    }
    return [...byEngine.entries()].flatMap(([engine, gateways]) =>
      gateways.length < 2
        ? []
        : gateways.map((gateway) =>
            violation(
              gateway,
              `${label(gateway)} must have a policy engine of its own (got ${engine}, shared with ${gateways
                .filter((g) => g !== gateway)
                .map(label)
                .join(', ')})`,
            ),
          ),
    );
  },
};

type TargetConfig = { targets?: string[] };

/** A gateway target the manifest does not declare exposes a tool no one reviewed. */
export const agentcoreTargetDeclared: StackRule<TargetConfig> = {
  ...meta,
  id: 'agentcore-target-declared',
  title: 'Gateway targets are declared by the manifest',
  description:
    "Checks whether each AgentCore gateway target is one the agent's manifest declares (`targets`, derived from the tools' MCP interfaces by `agentfence check <agent>`); without that list (the pack run without `targets` config) the rule has nothing to compare with and reports nothing.",
  severity: 'high',
  pillar: 'supply-chain',
  owasp: [ASI02, ASI04],
  remediation:
    'Declare the tool (its `mcp` interface) in the manifest, or remove the target; when running the pack directly, configure `targets`.',
  configSchema: { type: 'object', properties: { targets: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
  evaluateStack(stack, config) {
    const out: Violation[] = [];
    for (const target of stack.ofType(TARGET)) {
      const name = readValue(target.props, 'name');
      if (name.kind === 'unknown' || name.kind === 'secret') {
        out.push(unknownViolation(target, 'name'));
        continue;
      }
      // The pack alone has no manifest: without the declared list there is nothing to compare with.
      if (config.targets === undefined) continue;
      if (name.kind !== 'value' || !config.targets.includes(String(name.value))) {
        out.push(
          violation(
            target,
            `${label(target)} must be a target the agent's manifest declares (got ${show(name.kind === 'value' ? name.value : undefined)}; declared: ${config.targets.join(', ') || 'none'})`,
          ),
        );
      }
    }
    return out;
  },
};

/** Every image reference of a runtime resource, with where it sits. */
function imagesOf(resource: PlannedResource): { where: string; value: ReturnType<typeof readValue> }[] {
  switch (resource.type) {
    case RUNTIME:
      return [
        {
          where: 'agentRuntimeArtifact.containerConfiguration.containerUri',
          value: readValue(resource.props, 'agentRuntimeArtifact.containerConfiguration.containerUri'),
        },
      ];
    case LAMBDA: {
      // A zip function has no image (state exports record imageUri as "").
      const image = readValue(resource.props, 'imageUri');
      return image.kind === 'absent' || (image.kind === 'value' && image.value === '') ? [] : [{ where: 'imageUri', value: image }];
    }
    case TASK: {
      const defs = readValue(resource.props, 'containerDefinitions');
      if (defs.kind !== 'value') return defs.kind === 'absent' ? [] : [{ where: 'containerDefinitions', value: defs }];
      let list: unknown;
      try {
        list = typeof defs.value === 'string' ? JSON.parse(defs.value) : defs.value;
      } catch {
        return [{ where: 'containerDefinitions', value: { kind: 'value', value: defs.value } }];
      }
      return Array.isArray(list)
        ? list.map((entry, i) => ({ where: `containerDefinitions[${i}].image`, value: readValue(entry, 'image') }))
        : [];
    }
    default:
      return [];
  }
}

/** A tag can point at other bytes tomorrow; only a digest names what was reviewed. */
export const runtimeImageByDigest: StackRule = {
  ...meta,
  id: 'runtime-image-by-digest',
  title: 'Runtime images are pinned by digest',
  description:
    'Checks whether each AgentCore runtime, ECS task definition container and Lambda image references its image by digest (`@sha256:`), not by a mutable tag.',
  severity: 'high',
  pillar: 'supply-chain',
  owasp: [ASI04, 'LLM03:2025 Supply Chain'],
  remediation: 'Reference the image as <registry>/<repository>@sha256:<digest> (stack config agentfence:runtimeImage).',
  evaluateStack(stack) {
    const out: Violation[] = [];
    for (const resource of stack.ofType(RUNTIME, TASK, LAMBDA)) {
      for (const { where, value } of imagesOf(resource)) {
        if (value.kind === 'unknown' || value.kind === 'secret') out.push(unknownViolation(resource, where));
        else if (value.kind !== 'value' || typeof value.value !== 'string' || !DIGEST.test(value.value)) {
          out.push(
            violation(
              resource,
              `${label(resource)} ${where} must reference its image by digest (@sha256:...) (got ${show(value.kind === 'value' ? value.value : undefined)})`,
            ),
          );
        }
      }
    }
    return out;
  },
};

/** Per stack: role name to the documents attached to it by RolePolicy resources and inline policies. */
const attachedByRole = new WeakMap<StackView, Map<string, unknown[]>>();

/**
 * The identity policies attached to a role by name: RolePolicy resources whose `role` is the name or
 * ends in `:role/<name>`, then the role's own inline policies. Indexed once per stack.
 */
function rolePolicies(stack: StackView, roleName: string): readonly unknown[] {
  let index = attachedByRole.get(stack);
  if (index === undefined) {
    index = new Map();
    const attach = (key: string, doc: unknown) => {
      const docs = index?.get(key);
      if (docs === undefined) index?.set(key, [doc]);
      else docs.push(doc);
    };
    for (const policy of stack.ofType('aws:iam/rolePolicy:RolePolicy')) {
      const role = readValue(policy.props, 'role');
      if (role.kind !== 'value') continue;
      const text = String(role.value);
      // Every name the value can end in after ":role/" (an ARN), and the value itself (a name).
      const keys = new Set(typeof role.value === 'string' ? [text] : []);
      for (let at = text.indexOf(':role/'); at !== -1; at = text.indexOf(':role/', at + 1)) keys.add(text.slice(at + ':role/'.length));
      for (const key of keys) attach(key, policy.props['policy']);
    }
    for (const role of stack.ofType('aws:iam/role:Role')) {
      const name = readValue(role.props, 'name');
      const inline = role.props['inlinePolicies'];
      if (name.kind !== 'value' || typeof name.value !== 'string' || !Array.isArray(inline)) continue;
      for (const entry of inline) if (isRecord(entry)) attach(name.value, entry['policy']);
    }
    attachedByRole.set(stack, index);
  }
  return index.get(roleName) ?? [];
}

function granted(docs: readonly unknown[], action: string, resourceArn: string): boolean {
  return docs.some((doc) => {
    const parsed = parsePolicyDocument(doc);
    if (parsed.kind !== 'document') return false;
    return parsed.statements.some((statement) => {
      if (!allows(statement) || statement.effect !== 'Allow') return false;
      const actions = strings(statement.actions).values;
      const resources = strings(statement.resources).values;
      return actions.some((a) => iamGlob(a, action)) && resources.some((r) => iamGlob(r, resourceArn));
    });
  });
}

/** A runtime whose execution role cannot pull its image never starts. */
export const runtimeCanPullImage: StackRule = {
  ...meta,
  id: 'runtime-can-pull-image',
  title: 'The execution role can pull its runtime image',
  description:
    "Checks whether the execution role of each AgentCore runtime with an ECR image is granted ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the image's repository and ecr:GetAuthorizationToken.",
  severity: 'medium',
  pillar: 'identity',
  owasp: [ASI04],
  remediation:
    'Attach ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the repository ARN and ecr:GetAuthorizationToken on "*" to the execution role (AgentEnvironment does).',
  evaluateStack(stack) {
    const out: Violation[] = [];
    for (const runtime of stack.ofType(RUNTIME)) {
      const image = readValue(runtime.props, 'agentRuntimeArtifact.containerConfiguration.containerUri');
      const role = readValue(runtime.props, 'roleArn');
      if (image.kind !== 'value' || role.kind !== 'value') {
        if (image.kind === 'unknown' || role.kind === 'unknown')
          out.push(unknownViolation(runtime, image.kind === 'unknown' ? 'containerUri' : 'roleArn'));
        continue;
      }
      const ecr = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+)[@:]/.exec(String(image.value));
      if (ecr === null) continue;
      const repo = `arn:aws:ecr:${ecr[2]}:${ecr[1]}:repository/${ecr[3]}`;
      const docs = rolePolicies(stack, String(role.value).split('/').pop() ?? '');
      const missing = [
        ...['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'].filter((action) => !granted(docs, action, repo)),
        ...(granted(docs, 'ecr:GetAuthorizationToken', '*') ? [] : ['ecr:GetAuthorizationToken']),
      ];
      if (missing.length > 0)
        out.push(
          violation(
            runtime,
            `${label(runtime)} execution role must be able to pull ${String(image.value)} (missing ${missing.join(', ')} on ${repo})`,
          ),
        );
    }
    return out;
  },
};

/** The AgentCore rules, in catalogue order. */
export const agentcoreRules = [
  agentcoreGatewayHasPolicies,
  agentcorePermitActionScoped,
  agentcoreHighRiskViaApproval,
  agentcorePolicyEngineNotShared,
  agentcoreTargetDeclared,
  runtimeImageByDigest,
  runtimeCanPullImage,
] as const;
