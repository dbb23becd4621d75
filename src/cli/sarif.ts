/**
 * SARIF 2.1.0 for every command that emits it (`validate`, `check`, `verify`, `gate`): one rule
 * catalogue (guardrail rules, supply-chain verdicts, manifest checks, gate checks), each descriptor
 * complete enough for GitHub code scanning (short and full description, help text and markdown,
 * helpUri into docs/rules.md, security-severity, precision, tags), results with clickable
 * locations and stable fingerprints, and one invocation saying whether the run could execute.
 */
import { createHash } from 'node:crypto';
import { present } from '../invariant.js';
import type { EnforcementLevel, Pillar, RuleMetadata, Severity } from '../rules/types.js';

/** Where rule documentation lives: docs/rules.md, one anchor per rule id. */
export const RULE_DOCS_URL = 'https://github.com/agentfence/agentfence/blob/main/docs/rules.md';
const INFORMATION_URI = 'https://github.com/agentfence/agentfence';

/** One rule as every SARIF consumer (and docs/rules.md) sees it. */
export interface RuleDescriptor {
  readonly id: string;
  /** PascalCase identifier (SARIF `name`). */
  readonly name: string;
  readonly title: string;
  /** What the rule checks: "Checks whether ...". */
  readonly description: string;
  /** Why a finding matters. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  readonly severity: Severity;
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  /** Catalogue section: a guardrail pillar, or `manifest` / `gate`. */
  readonly group: Pillar | 'manifest' | 'gate';
  readonly owasp: readonly string[];
  readonly checkov?: string;
  readonly defaultEnforcement?: EnforcementLevel;
}

/** GitHub's security-severity scale: critical >= 9, high 7-8.9, medium 4-6.9, low < 4. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

const WHY_BY_PILLAR: Readonly<Record<Pillar, string>> = {
  identity:
    'An agent that cannot be told apart from other workloads, or that others can assume, breaks attribution and lets its privileges be borrowed (OWASP ASI03).',
  'least-privilege':
    'An agent acts on whatever its role allows, including what a prompt injection asks for: every permission beyond its declared tools is blast radius (OWASP ASI02, ASI03).',
  'data-protection':
    "An agent's memory and evidence hold the data it was trusted with: unencrypted, public or unversioned stores turn one mistake into a breach (OWASP ASI06).",
  network:
    'Egress the agent does not need is how injected instructions exfiltrate data or reach attacker-controlled endpoints (OWASP ASI02).',
  monitoring: 'Without a tamper-evident trail of what the agent did, misuse cannot be detected or investigated (OWASP ASI08).',
  'supply-chain':
    'A model, plugin or API that is not signed by an authority you trust can carry behaviour nobody reviewed (OWASP ASI04, LLM03).',
  'human-oversight': 'Irreversible or high-impact actions need a human decision the agent cannot bypass (OWASP ASI09).',
};

function pascal(id: string): string {
  return id
    .split(/[-_/]/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

/** The descriptor of a guardrail rule, from the metadata the rule declares. */
export function guardrailDescriptor(rule: RuleMetadata): RuleDescriptor {
  return {
    id: rule.id,
    name: pascal(rule.id),
    title: rule.title,
    description: rule.description,
    why: WHY_BY_PILLAR[rule.pillar],
    fix: rule.remediation,
    severity: rule.severity,
    // The rules read planned resource properties exactly; unknowns are reported as such.
    precision: 'very-high',
    group: rule.pillar,
    owasp: rule.owasp,
    ...(rule.checkov === undefined ? {} : { checkov: rule.checkov }),
    defaultEnforcement: rule.defaultEnforcement,
  };
}

const SUPPLY_CHAIN_OWASP = ['ASI04 Agentic Supply Chain Vulnerabilities', 'LLM03:2025 Supply Chain'] as const;

function artifactDescriptor(kind: string, what: string, fix: string): RuleDescriptor {
  return {
    id: `supply-chain-${kind}`,
    name: pascal(`supply-chain-${kind}`),
    title: `Every ${kind} is signed by a trusted authority`,
    description: `Checks whether each ${what} the agent declares verifies against the trust policy: a valid signature from an authority the policy trusts for ${kind}s, over exactly the bytes that will be deployed.`,
    why: WHY_BY_PILLAR['supply-chain'],
    fix,
    severity: 'critical',
    precision: 'very-high',
    group: 'supply-chain',
    owasp: SUPPLY_CHAIN_OWASP,
    defaultEnforcement: 'mandatory',
  };
}

/** Supply-chain verdicts of `verify` and the gate's verify stage, one rule per artifact kind. */
export const SUPPLY_CHAIN_DESCRIPTORS: readonly RuleDescriptor[] = [
  artifactDescriptor(
    'model',
    'model (its files, listed in a model-signing manifest)',
    'Sign the model with `agentfence sign model <dir> --key <private.pem>` (or keyless), point `signature:` at the result and `signedBy:` at a model authority of the trust policy; a hosted model must be listed under `models.hosted`.',
  ),
  artifactDescriptor(
    'plugin',
    'npm plugin (and every package in its lockfile)',
    'Use a release with registry signatures and SLSA provenance from a builder identity the trust policy names under `plugins.authorities`; vendor its attestations under the agent folder or run with `--online`.',
  ),
  artifactDescriptor(
    'api',
    'third-party API descriptor',
    'Sign the descriptor with `agentfence sign api <descriptor> --key <private.pem>`, set `signature:` and `signedBy:` to an API authority of the trust policy, and renew it before it expires.',
  ),
  artifactDescriptor(
    'image',
    'container image',
    'Sign the image with a key or identity the trust policy names for images and pin it by digest.',
  ),
];

function manifestDescriptor(id: string, title: string, description: string, fix: string, severity: Severity): RuleDescriptor {
  return {
    id,
    name: pascal(id),
    title,
    description,
    why: 'The manifest and the trust policy are the reviewed source of every fence the gate builds: a document that does not say exactly what is meant cannot be enforced, so the gate refuses it rather than guess.',
    fix,
    severity,
    precision: 'very-high',
    group: 'manifest',
    owasp: ['ASI03 Identity & Privilege Abuse'],
    defaultEnforcement: 'mandatory',
  };
}

/** Checks of `validate` and the gate's validate stage, grouped by what failed. */
export const MANIFEST_DESCRIPTORS: readonly RuleDescriptor[] = [
  manifestDescriptor(
    'manifest-readable',
    'Manifest and trust policy are readable, single, well-formed documents',
    'Checks whether the file exists, is at most 1 MiB of UTF-8, parses as one YAML (or JSON) mapping, and has no duplicate keys or alias expansion beyond the limit.',
    'Fix the syntax at the reported line; split several documents into one; remove duplicate keys.',
    'high',
  ),
  manifestDescriptor(
    'manifest-schema',
    'Manifest and trust policy follow their JSON Schema',
    'Checks whether every field has the type, format and allowed values the versioned schema defines, and whether no unknown field is present (a typo would silently drop a fence).',
    'Correct the field at the reported line to what the message names (`agentfence validate <agent>` lists every error at once).',
    'high',
  ),
  manifestDescriptor(
    'manifest-semantics',
    'Manifest entries are consistent and enforceable',
    'Checks whether the entries are consistent where a schema cannot tell: unique names, high-risk tools behind an approval, no wildcard actions, retention long enough for audit, egress settings that agree, and the manifest name matching its stack folder and stack config.',
    'Change the entry at the reported line as the message says; rename a copied example everywhere (folder, `name:`, `Pulumi.<agent>.yaml`).',
    'high',
  ),
  manifestDescriptor(
    'trust-policy-references',
    'Signers, keys and roots the manifest names exist in the trust policy',
    'Checks whether every `signedBy` names an authority of the trust policy, every key and trusted root file exists inside the project (no symlink or path escape), is parseable, and is a public key, never a private one.',
    'Add the authority to stacks/trust-policy.yaml (`agentfence keygen` writes the public key where the policy expects it), or fix the name; never commit a private key.',
    'critical',
  ),
];

/** The descriptor of a check only the gate makes. */
export function gateDescriptor(id: 'sbom-stale' | 'stack-config-present'): RuleDescriptor {
  return present(
    GATE_DESCRIPTORS.find((d) => d.id === id),
    `gate rule ${id}`,
  );
}

/** Checks only the gate makes. */
export const GATE_DESCRIPTORS: readonly RuleDescriptor[] = [
  {
    id: 'sbom-stale',
    name: 'SbomStale',
    title: 'The committed SBOM matches the agent',
    description:
      'Checks whether sbom/<agent>.cdx.json, the reviewed record of what the agent ships, is byte-identical to the SBOM of the agent as it is now.',
    why: 'Reviewers and Dependency-Track read the committed SBOM: a stale one hides a new model, plugin or API from them (OWASP ASI04).',
    fix: 'Run `agentfence sbom <agent>` and commit the reviewed change.',
    severity: 'medium',
    precision: 'very-high',
    group: 'gate',
    owasp: ['ASI04 Agentic Supply Chain Vulnerabilities'],
    defaultEnforcement: 'mandatory',
  },
  {
    id: 'stack-config-present',
    name: 'StackConfigPresent',
    title: 'The agent has its Pulumi stack config',
    description:
      "Checks whether stacks/Pulumi.<agent>.yaml exists and names the agent's manifest, so `pulumi up --stack <agent>` deploys what the gate checked.",
    why: 'Without its stack config the deploy either fails or deploys another manifest than the one the gate approved.',
    fix: 'Run `agentfence init <agent>` for a new agent, or create stacks/Pulumi.<agent>.yaml with `agentfence:manifest: <agent>/agent.yaml`.',
    severity: 'medium',
    precision: 'very-high',
    group: 'gate',
    owasp: ['ASI03 Identity & Privilege Abuse'],
    defaultEnforcement: 'mandatory',
  },
];

const READABLE = new Set([
  'FILE_MISSING',
  'NOT_A_FILE',
  'TOO_LARGE',
  'NOT_UTF8',
  'YAML_SYNTAX',
  'JSON_SYNTAX',
  'DUPLICATE_KEY',
  'MULTI_DOCUMENT',
  'MULTIPLE_DOCS',
  'ALIAS_LIMIT',
  'NOT_A_MAPPING',
  'MANIFEST_UNREADABLE',
]);
const TRUST_REFERENCES = new Set([
  'UNKNOWN_AUTHORITY',
  'UNKNOWN_TRUSTED_ROOT',
  'KEY_INVALID',
  'KEY_PRIVATE',
  'CERTIFICATE_INVALID',
  'PATH_ESCAPE',
  'PATH_ABSOLUTE',
  'SYMLINK_ESCAPE',
  'NOT_A_DIRECTORY',
  'TRUST_POLICY_NOT_FOUND',
]);

/** The SARIF rule a manifest error code belongs to. */
export function manifestRuleId(code: string): string {
  if (code === 'STACK_CONFIG_MISSING') return 'stack-config-present';
  if (READABLE.has(code)) return 'manifest-readable';
  if (code.startsWith('SCHEMA_')) return 'manifest-schema';
  if (TRUST_REFERENCES.has(code)) return 'trust-policy-references';
  return 'manifest-semantics';
}

/** Every descriptor, guardrail rules first (in catalogue order), for docs/rules.md. */
export function ruleCatalogue(guardrails: readonly RuleMetadata[]): RuleDescriptor[] {
  return [...guardrails.map(guardrailDescriptor), ...SUPPLY_CHAIN_DESCRIPTORS, ...MANIFEST_DESCRIPTORS, ...GATE_DESCRIPTORS];
}

/** The anchor of a rule in docs/rules.md (GitHub's heading slug of `### <id>`). */
export function ruleAnchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function tags(rule: RuleDescriptor): string[] {
  const out = ['security', rule.group, ...rule.owasp.map((threat) => present(threat.split(' ')[0], 'OWASP id'))];
  if (rule.checkov !== undefined) out.push(rule.checkov);
  return [...new Set(out)];
}

function helpMarkdown(rule: RuleDescriptor): string {
  return [
    `**${rule.title}** (severity ${rule.severity}${rule.defaultEnforcement === undefined ? '' : `, ${rule.defaultEnforcement} by default`})`,
    '',
    rule.description,
    '',
    `**Why it matters.** ${rule.why}`,
    '',
    `**How to fix.** ${rule.fix}`,
    '',
    `Mitigates: ${rule.owasp.join('; ')}${rule.checkov === undefined ? '' : `. Checkov: ${rule.checkov}`}.`,
    '',
    `[Rule documentation](${RULE_DOCS_URL}#${ruleAnchor(rule.id)})`,
  ].join('\n');
}

function sarifDescriptor(rule: RuleDescriptor): object {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} Why: ${rule.why} Fix: ${rule.fix}`, markdown: helpMarkdown(rule) },
    helpUri: `${RULE_DOCS_URL}#${ruleAnchor(rule.id)}`,
    defaultConfiguration: { level: rule.defaultEnforcement === 'advisory' ? 'warning' : 'error' },
    properties: {
      tags: tags(rule),
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: rule.precision,
      'problem.severity': rule.severity === 'low' ? 'recommendation' : rule.defaultEnforcement === 'advisory' ? 'warning' : 'error',
      severity: rule.severity,
      ...(rule.group === 'manifest' || rule.group === 'gate' ? {} : { pillar: rule.group }),
      owasp: rule.owasp,
      ...(rule.checkov === undefined ? {} : { checkov: rule.checkov }),
    },
  };
}

/** A region in a repository file (1-based lines and columns). */
export interface FileRegion {
  /** Relative to the repository root, `/`-separated. */
  readonly file: string;
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** One finding, from any stage. */
export interface SarifFinding {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly location?: FileRegion;
  /** A resource URN or `kind:name` of an artifact. */
  readonly logicalLocation?: { readonly name: string; readonly kind: 'resource' | 'artifact' | 'document' };
  /** What identifies the finding across runs (not its line): defaults to rule + locations. */
  readonly identity?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** A stage (or the whole command) that could not run. */
export interface SarifFailure {
  readonly stage: string;
  readonly code: string;
  readonly message: string;
}

export interface SarifRunInput {
  readonly command: 'validate' | 'check' | 'verify' | 'gate';
  /** The agent the run is about, for `automationDetails.id`; absent for a bare file. */
  readonly agent?: string;
  readonly version: string;
  /** Rules that ran: every result's rule must be among them. */
  readonly rules: readonly RuleDescriptor[];
  readonly findings: readonly SarifFinding[];
  readonly failures?: readonly SarifFailure[];
  readonly exitCode?: number;
}

function fingerprint(finding: SarifFinding): string {
  const identity =
    finding.identity ??
    [
      finding.ruleId,
      finding.logicalLocation?.name ?? '',
      finding.location?.file ?? '',
      finding.location === undefined ? finding.message : '',
    ].join('\u0000');
  return createHash('sha256').update(`${finding.ruleId}\u0000${identity}`).digest('hex');
}

function sarifLocation(finding: SarifFinding): object | undefined {
  const loc = finding.location;
  const logical = finding.logicalLocation;
  if (loc === undefined && logical === undefined) return undefined;
  return {
    ...(loc === undefined
      ? {}
      : {
          physicalLocation: {
            artifactLocation: { uri: loc.file, uriBaseId: 'SRCROOT' },
            region: {
              startLine: loc.startLine,
              startColumn: loc.startColumn ?? 1,
              endLine: loc.endLine ?? loc.startLine,
              ...(loc.endColumn === undefined ? {} : { endColumn: loc.endColumn }),
            },
          },
        }),
    ...(logical === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: logical.name, kind: logical.kind }] }),
  };
}

/**
 * Builds a SARIF 2.1.0 log with one run: the rules that ran, one result per finding, and an
 * invocation that fails (with each failure as an error notification) when a stage could not run.
 */
export function toSarif(input: SarifRunInput): object {
  const rules = [...new Map(input.rules.map((rule) => [rule.id, rule])).values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const finding of input.findings) {
    if (!ruleIndex.has(finding.ruleId)) throw new Error(`SARIF result for rule ${finding.ruleId} must have a descriptor in the run`);
  }
  const failures = input.failures ?? [];
  const fileUris = [...new Set(input.findings.flatMap((f) => (f.location === undefined ? [] : [f.location.file])))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentfence',
            semanticVersion: input.version,
            version: input.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(sarifDescriptor),
            ...(failures.length === 0
              ? {}
              : {
                  notifications: [
                    {
                      id: 'stage-failed',
                      name: 'StageFailed',
                      shortDescription: { text: 'A stage could not run.' },
                      fullDescription: {
                        text: 'A stage could not run to completion (bad input or a broken configuration): the run is incomplete and must not be read as a pass.',
                      },
                      help: {
                        text: 'The stage named in the message stopped the run; later stages did not run. Fix the input the message names and run again.',
                        markdown:
                          'The stage named in the message stopped the run; later stages did not run. **How to fix.** Fix the input the message names and run again.',
                      },
                      helpUri: `${RULE_DOCS_URL}#stage-failed`,
                    },
                  ],
                }),
          },
        },
        automationDetails: { id: `agentfence/${input.command}/${input.agent ?? 'file'}/` },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            ...(input.exitCode === undefined ? {} : { exitCode: input.exitCode }),
            ...(failures.length === 0
              ? {}
              : {
                  toolExecutionNotifications: failures.map((failure) => ({
                    level: 'error',
                    message: { text: `the ${failure.stage} stage could not run: ${failure.message} [${failure.code}]` },
                    descriptor: { id: 'stage-failed', index: 0 },
                    properties: { stage: failure.stage, code: failure.code },
                  })),
                }),
          },
        ],
        ...(fileUris.length === 0 ? {} : { artifacts: fileUris.map((uri) => ({ location: { uri, uriBaseId: 'SRCROOT' } })) }),
        results: input.findings.map((finding) => {
          const location = sarifLocation(finding);
          return {
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: finding.level,
            message: { text: finding.message },
            ...(location === undefined ? {} : { locations: [location] }),
            partialFingerprints: { 'agentfenceFinding/v1': fingerprint(finding) },
            ...(finding.properties === undefined ? {} : { properties: finding.properties }),
          };
        }),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** docs/rules.md: one section per rule (the anchors helpUri points at), generated from the catalogue. */
export function renderRuleDocs(catalogue: readonly RuleDescriptor[]): string {
  const groups = [...new Set(catalogue.map((rule) => rule.group))];
  const lines = [
    '# agentfence rules',
    '',
    '<!-- Generated from src/cli/sarif.ts and src/rules: AGENTFENCE_UPDATE_GENERATED=1 npx vitest run test/unit/cli/sarif.test.ts -->',
    '',
    'Every rule a SARIF result of `agentfence validate`, `check`, `verify` or `gate` can name, with why it',
    'matters and how to fix a finding. Guardrail rules are also the policies of the',
    '[agent-guardrails pack](../policy-packs/agent-guardrails/README.md) (same ids, same config keys).',
    '',
  ];
  for (const group of groups) {
    lines.push(`## ${group}`, '');
    for (const rule of catalogue.filter((r) => r.group === group)) {
      lines.push(
        `### ${rule.id}`,
        '',
        `**${rule.title}.** Severity ${rule.severity} (security-severity ${SECURITY_SEVERITY[rule.severity]})${rule.defaultEnforcement === undefined ? '' : `, ${rule.defaultEnforcement} by default`}.`,
        '',
        rule.description,
        '',
        `- Why it matters: ${rule.why}`,
        `- How to fix: ${rule.fix}`,
        `- Mitigates: ${rule.owasp.join('; ')}${rule.checkov === undefined ? '' : `; Checkov ${rule.checkov}`}`,
        '',
      );
    }
  }
  lines.push(
    '## run notifications',
    '',
    '### stage-failed',
    '',
    'A stage could not run (bad input, a broken configuration): SARIF records `executionSuccessful: false` with the error as a notification, and the gate exits 2. Fix the input the message names and run again; an incomplete run is never a pass.',
    '',
  );
  return lines.join('\n');
}
