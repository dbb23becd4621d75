/**
 * The reviewer's HTML report: one self-contained page (inline CSS and SVG, no scripts, no external
 * requests, a CSP that forbids them) rendered by a pure function from a {@link ReportInput}: the
 * verdict, who vouched for each artifact, when and from which commit the page was made, the
 * trust-boundary picture coloured by verdict, permissions, findings and the SBOM scorecard.
 * Every piece of text from the manifest, the SBOM or the verifier is escaped.
 */
import type { AgentManifest } from '../manifest/types.js';
import type { Finding } from '../rules/types.js';
import type { VerificationReport } from '../verify/types.js';
import { badge, esc, ident, page, section, statusClass, table } from './html.js';
import type { ToolPolicyView } from '../cedar/tests.js';
import { arr, type Json, obj, str } from './json.js';
import type { Scorecard, Standard } from './scorecard.js';
import { renderBoundary } from './boundary.js';
import type { Voucher } from './vouchers.js';

export { esc } from './html.js';
export { trustBoundarySvg } from './boundary.js';

/** Everything the report shows; gathered by the `report` command, constructed freely in tests. */
export interface ReportInput {
  readonly agentName: string;
  readonly manifest: AgentManifest;
  readonly manifestPath?: string;
  /** The verifier's verdicts; absent when verification did not run. */
  readonly verification?: VerificationReport;
  /** Guardrail findings on the offline plan; absent when the plan could not be checked. */
  readonly findings?: readonly Finding[];
  /** Why findings are absent (shown instead of an empty, falsely reassuring table). */
  readonly findingsProblem?: string;
  /** The agent's CycloneDX document as built. */
  readonly sbom: Json;
  readonly scorecard: Scorecard;
  readonly tool: { readonly name: string; readonly version: string };
  /** When the page was made (ISO 8601); absent for reproducible output. */
  readonly generatedAt?: string;
  /** Each gateway tool's Cedar policies and authorization tests (from `src/cedar`); absent when the agent exposes none. */
  readonly toolPolicies?: readonly ToolPolicyView[];
  /** The commit the project was at when the page was made. */
  readonly commit?: string;
  /** The trust-policy authorities, with what each vouched for (see {@link vouchersOf}). */
  readonly vouchers?: readonly Voucher[];
}

export type Verdict = 'blocked' | 'incomplete' | 'warnings' | 'pass';

/** Statuses that are a judgement (a signature check, or the trust policy's allow-list). */
const JUDGED: ReadonlySet<string | undefined> = new Set(['verified', 'allow-listed', 'warned', 'blocked']);

/** The page's headline: blocked if anything blocks, incomplete if a check did not run. */
export function reportVerdict(input: ReportInput): Verdict {
  const blockedArtifacts = input.verification?.results.some((r) => r.status === 'blocked') ?? false;
  const mandatory = input.findings?.some((f) => f.enforcementLevel === 'mandatory') ?? false;
  if (blockedArtifacts || mandatory) return 'blocked';
  if (input.verification === undefined || input.findings === undefined) return 'incomplete';
  // an artifact the verification has no verdict for was not checked: never "every artifact verified"
  if (supplyChainRows(input.sbom).some((row) => !JUDGED.has(row.status))) return 'incomplete';
  const warned = input.verification.results.some((r) => r.status === 'warned') || input.findings.some((f) => f.enforcementLevel === 'advisory');
  return warned ? 'warnings' : 'pass';
}

/** All values of one property, joined; undefined when absent. */
export function prop(node: Json, name: string): string | undefined {
  const values = arr(node['properties']).filter((p) => p['name'] === name).map((p) => str(p['value']));
  return values.length === 0 ? undefined : values.join(', ');
}

const VERDICT_TEXT: Readonly<Record<Verdict, { title: string; detail: string }>> = Object.freeze({
  blocked: { title: 'Blocked', detail: 'At least one artifact failed verification or a mandatory guardrail is violated. Do not deploy.' },
  incomplete: { title: 'Incomplete', detail: 'A check did not run, so this agent cannot be approved from this report.' },
  warnings: { title: 'Passed with warnings', detail: 'Nothing blocks deployment; review the warnings below.' },
  pass: { title: 'Passed', detail: 'Every signed artifact verified, every hosted model allow-listed, and no guardrail is violated.' },
});

/** One model, plugin or API as the SBOM records it. */
export interface Row {
  readonly kind: 'model' | 'plugin' | 'api' | 'image';
  readonly name: string;
  readonly version: string;
  readonly ref?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly signer?: string;
  readonly issuer?: string;
  readonly authority?: string;
  readonly detail: string;
}

function evidence(node: Json): Pick<Row, 'status' | 'reason' | 'signer' | 'issuer' | 'authority'> {
  const out: Record<string, string> = {};
  for (const [key, name] of [
    ['status', 'status'],
    ['reason', 'reason'],
    ['signer', 'signer'],
    ['issuer', 'issuer'],
    ['authority', 'authority'],
  ] as const) {
    const value = prop(node, `agentfence:verification:${name}`);
    if (value !== undefined) out[key] = value;
  }
  // a hosted model is trusted by the allow-list, which is not a signature check
  if (out['status'] === 'verified' && prop(node, 'agentfence:model:hosted-id') !== undefined) out['status'] = 'allow-listed';
  return out;
}

/** Supply-chain rows from the SBOM: models, plugins (direct and from lockfiles), images and API services. */
export function supplyChainRows(sbom: Json): Row[] {
  const rows: Row[] = [];
  for (const c of arr(sbom['components'])) {
    const type = str(c['type']);
    const kind = type === 'machine-learning-model' ? 'model' : type === 'library' ? 'plugin' : type === 'container' ? 'image' : undefined;
    if (kind === undefined) continue;
    const group = str(c['group']);
    const name = `${group === undefined ? '' : `${group}/`}${str(c['name']) ?? '?'}`;
    const hash = arr(c['hashes'])[0];
    const hosted = prop(c, 'agentfence:model:hosted-id');
    const ignored = prop(c, 'agentfence:model:ignored-path');
    const detail = [
      hosted === undefined ? undefined : `hosted: ${hosted}`,
      hash === undefined ? undefined : `${str(hash['alg']) ?? ''} ${str(hash['content'])?.slice(0, 16) ?? ''}…`,
      ignored === undefined ? undefined : `ignored paths: ${ignored}`,
      prop(c, 'agentfence:verification:source-repository'),
      prop(c, 'agentfence:verification:message'),
    ].filter((v) => v !== undefined);
    const ref = str(c['bom-ref']);
    rows.push({
      kind,
      name,
      version: str(c['version']) ?? prop(c, 'agentfence:plugin:version-range') ?? '',
      ...(ref === undefined ? {} : { ref }),
      ...evidence(c),
      detail: detail.join(' · '),
    });
  }
  for (const s of arr(sbom['services'])) {
    const endpoints = Array.isArray(s['endpoints']) ? (s['endpoints'] as unknown[]).map(String).join(', ') : '';
    const ref = str(s['bom-ref']);
    rows.push({
      kind: 'api',
      name: str(s['name']) ?? '?',
      version: str(obj(s['provider'])?.['name']) ?? '',
      ...(ref === undefined ? {} : { ref }),
      ...evidence(s),
      detail: [endpoints, prop(s, 'agentfence:verification:message')].filter((v) => v !== undefined && v !== '').join(' · '),
    });
  }
  return rows;
}

function identitySection(m: AgentManifest): string {
  const facts: Array<[string, string]> = [
    ['Owner', `${esc(m.owner.team)} &lt;${ident(m.owner.email)}&gt;`],
    ['Risk tier', esc(m.riskTier)],
    ['Autonomy', esc(m.autonomy)],
    ['Runtime', `${esc(m.identity.runtime)} in ${esc(m.identity.account)} / ${esc(m.identity.region)}`],
    ['Network egress', m.network.egress === 'firewall' ? 'allowlisting firewall only' : 'none'],
    ['Audit log retention', `${esc(m.monitoring.logRetentionDays)} days`],
    ['Kill switch', m.paused === true ? 'PAUSED (deny-all attached)' : 'not engaged'],
  ];
  const dl = `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const goals = `<h3>Goals</h3><ul>${m.goals.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`;
  const list = (values: readonly string[]): string => `<ul class="plain">${values.map((v) => `<li><code>${ident(v)}</code></li>`).join('')}</ul>`;
  const tools = table(
    'Tools and the permissions each one grants',
    ['Tool', 'Actions', 'Resources', 'Risk', 'Approval'],
    m.tools.map(
      (t) =>
        `<tr><th scope="row">${esc(t.name)}</th><td>${list(t.actions)}</td><td>${list(t.resources)}</td><td>${esc(t.risk)}</td><td>${
          t.approval === 'required' ? '<strong>human approval required</strong>' : 'none'
        }</td></tr>`,
    ),
    'This agent declares no tools.',
  );
  const stores = table(
    'Data stores',
    ['Store', 'Kind', 'Classification', 'Retention'],
    m.dataStores.map((s) => `<tr><th scope="row">${esc(s.name)}</th><td>${esc(s.kind)}</td><td>${esc(s.classification)}</td><td>${esc(s.retentionDays)} days</td></tr>`),
    'This agent declares no data stores.',
  );
  return section('identity', 'Identity and permissions', `${dl}${goals}<h3>Tools</h3>${tools}<h3>Data</h3>${stores}`);
}

function signerCell(r: Row): string {
  if (r.status === 'allow-listed') return '<td class="signer"><span class="muted">no signature: trust policy allow-list</span></td>';
  if (r.signer === undefined) return '<td class="signer"><span class="muted">none</span></td>';
  const authority = r.authority === undefined ? '' : `<strong>${esc(r.authority)}</strong><br>`;
  return `<td class="signer">${authority}<code>${ident(r.signer)}</code>${r.issuer === undefined ? '' : `<br><span class="muted">${ident(r.issuer)}</span>`}</td>`;
}

function supplyChainSection(input: ReportInput): string {
  const rows = supplyChainRows(input.sbom);
  const order = (r: Row): number => (r.status === 'blocked' ? 0 : r.status === 'warned' ? 1 : r.status === 'verified' || r.status === 'allow-listed' ? 3 : 2);
  const sorted = [...rows].sort((a, b) => order(a) - order(b) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const s = input.verification?.summary;
  const note =
    input.verification === undefined || s === undefined
      ? '<p class="note">Verification did not run for this report; every artifact is shown as not-verified.</p>'
      : `<p>Trust policy mode: <strong>${esc(input.verification.mode)}</strong>. ${esc(s.verified)} passed, ${esc(s.blocked)} blocked, ${esc(s.warned)} warned (hosted models count as allow-listed, not verified: no signature is checked). Failures are listed first.</p>`;
  const body = table(
    'Models, plugins, images and third-party APIs with their verification',
    ['Kind', 'Name', 'Version / provider', 'Status', 'Reason', 'Vouched by', 'Evidence'],
    sorted.map(
      (r) =>
        `<tr><td>${esc(r.kind)}</td><th scope="row">${ident(r.name)}</th><td>${ident(r.version)}</td><td>${badge(r.status)}</td><td>${esc(r.reason ?? '')}</td>${signerCell(r)}<td class="detail">${ident(r.detail)}</td></tr>`,
    ),
    'This agent has no models, plugins or APIs.',
  );
  return section('supply-chain', 'Supply chain', `${note}${body}`);
}

/** Each gateway tool: the Cedar policies deployed for it and the manifest's tests with their outcomes. */
function toolPoliciesSection(views: readonly ToolPolicyView[] | undefined): string {
  if (views === undefined || views.length === 0) return '';
  const body = views
    .map((view) => {
      const policies = view.policies.map((policy) => `<pre><code>${esc(policy.text)}</code></pre>`).join('');
      const tests = table(
        `Authorization tests of ${view.tool}`,
        ['Test', 'Expected', 'Got', 'Decided by'],
        view.tests.map(
          (test) =>
            `<tr><td>${esc(test.name)}</td><td>${esc(test.expected)}</td><td><span class="status ${test.passed ? 'ok' : 'bad'}"><span aria-hidden="true">${test.passed ? '✔' : '✖'}</span> ${esc(test.got)}</span></td><td>${esc(test.decidedBy.join(', ') || 'default deny')}</td></tr>`,
        ),
        'No authorization test covers this tool.',
      );
      return `<h3><code>${esc(view.tool)}</code> (${esc(view.risk)} risk) as <code>${esc(view.action)}</code></h3>${policies}${tests}`;
    })
    .join('');
  return section('tool-policies', 'Tool policies (Cedar, enforced at the AgentCore gateway)', body);
}

function vouchersSection(vouchers: readonly Voucher[] | undefined): string {
  if (vouchers === undefined) return section('vouchers', 'Who vouched', '<p class="note">The trust policy was not given to this report.</p>');
  const used = vouchers.filter((v) => v.vouchedFor.length > 0);
  const rows = used.map((v) => {
    const how =
      v.kind === 'key'
        ? `public key <code>${ident(v.fingerprint ?? 'fingerprint unknown')}</code>`
        : v.kind === 'keyless'
          ? `keyless: <code>${ident(v.identity ?? '?')}</code><br><span class="muted">issuer ${ident(v.issuer ?? '?')}</span>`
          : v.kind === 'certificate'
            ? `certificate chain, root <code>${ident(v.fingerprint ?? 'fingerprint unknown')}</code>`
            : 'the trust policy’s allow-list of hosted model ids (no signature)';
    return `<tr><th scope="row">${esc(v.authority)}</th><td>${esc(v.scope)}</td><td>${how}</td><td>${v.vouchedFor.map((a) => `<code>${ident(a)}</code>`).join('<br>')}</td></tr>`;
  });
  return section(
    'vouchers',
    'Who vouched',
    table('Trust-policy authorities that vouched for this agent’s artifacts', ['Authority', 'For', 'How', 'Artifacts'], rows, 'No trust-policy authority vouched for any artifact of this agent.'),
  );
}

function findingsSection(input: ReportInput): string {
  if (input.findings === undefined) {
    return section('guardrails', 'Guardrail findings', `<p class="note">Guardrails were not checked: ${esc(input.findingsProblem ?? 'no plan was available')}.</p>`);
  }
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  const sorted = [...input.findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.ruleId.localeCompare(b.ruleId));
  const body = table(
    'Guardrail findings on the planned resources',
    ['Severity', 'Rule', 'Enforcement', 'Finding', 'Resource'],
    sorted.map(
      (f) =>
        `<tr><td><span class="sev ${esc(f.severity)}">${esc(f.severity)}</span></td><th scope="row"><code>${ident(f.ruleId)}</code></th><td>${esc(f.enforcementLevel)}</td><td class="message">${esc(
          f.message,
        )}${f.unknown === true ? ' <em>(unknown before deploy)</em>' : ''}</td><td class="detail">${ident(f.urn ?? f.resourceType ?? '')}</td></tr>`,
    ),
    'No guardrail findings: every planned resource passed every rule.',
  );
  return section('guardrails', 'Guardrail findings', body);
}

function scorecardSection(scorecard: Scorecard): string {
  const standards: Standard[] = ['NTIA-2021', 'CISA-2025', 'BSI-TR-03183-2'];
  const tables = standards.map((standard) => {
    const rows = scorecard.elements
      .filter((e) => e.standard === standard)
      .map((e) => {
        const missing = e.missing.length > 0 ? `missing: ${e.missing.join(', ')}` : '';
        return `<tr><th scope="row">${esc(e.element)}</th><td><span class="status ${statusClass(e.status)}">${esc(e.status)}</span></td><td>${esc(e.satisfied)}/${esc(e.total)}</td><td><code>${ident(
          e.path,
        )}</code></td><td class="detail">${ident([missing, e.note ?? ''].filter((s) => s !== '').join('; '))}</td></tr>`;
      });
    return table(`${standard} minimum elements`, ['Element', 'Status', 'Count', 'Where', 'Gaps'], rows, 'No elements.');
  });
  const s = scorecard.summary;
  return section(
    'scorecard',
    'SBOM minimum elements',
    `<p>${esc(s.pass)} pass, ${esc(s.partial)} partial, ${esc(s.fail)} fail. BSI TR-03183-2 is scored over software components only.</p>${tables.join('')}`,
  );
}

function provenance(input: ReportInput): string {
  const metadata = obj(input.sbom['metadata']) ?? {};
  const facts: Array<[string, string]> = [
    ['Made', input.generatedAt === undefined ? '<span class="muted">not recorded (reproducible output)</span>' : esc(input.generatedAt)],
    ['From commit', input.commit === undefined ? '<span class="muted">not in a git checkout</span>' : `<code>${ident(input.commit)}</code>`],
    ['SBOM', `CycloneDX ${esc(str(input.sbom['specVersion']) ?? '?')} · <code>${ident(str(input.sbom['serialNumber']) ?? 'no serial number')}</code>`],
    [
      'Manifest',
      `<code>${ident(input.manifestPath ?? '')}</code> · sha256 <code>${ident(prop(obj(metadata['component']) ?? {}, 'agentfence:manifest:sha256') ?? '?')}</code>`,
    ],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** Renders the report page. Pure: same input, same bytes. */
export function renderReport(input: ReportInput): string {
  const m = input.manifest;
  const verdict = reportVerdict(input);
  const text = VERDICT_TEXT[verdict];
  const boundary = section(
    'boundary',
    'Trust boundary',
    `<figure>${renderBoundary(m, supplyChainRows(input.sbom))}<figcaption>Each artifact is coloured by its verdict (green verified, blue allow-listed, amber warned, red blocked, grey not checked). Solid lines stay inside the agent's AWS account; dashed red lines cross the trust boundary to a third party, labelled with the data classifications sent.</figcaption></figure>`,
  );
  const body = `<header>
<h1>Agent <code>${esc(input.agentName)}</code>: supply-chain and guardrail review</h1>
<p>${esc(m.description)}</p>
<div class="verdict ${verdict}" role="status" id="verdict"><strong>${esc(text.title)}</strong><p>${esc(text.detail)}</p></div>
${provenance(input)}
</header>
${boundary}
${supplyChainSection(input)}
${toolPoliciesSection(input.toolPolicies)}
${vouchersSection(input.vouchers)}
${identitySection(m)}
${findingsSection(input)}
${scorecardSection(input.scorecard)}
<footer>Generated by ${esc(input.tool.name)} ${esc(input.tool.version)}${input.generatedAt === undefined ? '' : ` at ${esc(input.generatedAt)}`}${
    input.commit === undefined ? '' : ` from commit ${esc(input.commit.slice(0, 12))}`
  }. This page is self-contained: it loads nothing and runs no scripts.</footer>`;
  return page(`agentfence report: ${input.agentName}: ${text.title}`, body);
}
