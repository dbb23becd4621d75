/**
 * The reviewer's HTML report: one self-contained page (inline CSS and SVG, no scripts, no external
 * requests, a CSP that forbids them) rendered by a pure function from a {@link ReportInput}.
 * Every piece of text from the manifest, the SBOM or the verifier is escaped.
 */
import type { AgentManifest } from '../manifest/types.js';
import type { Finding } from '../rules/types.js';
import type { VerificationReport } from '../verify/types.js';
import type { Scorecard, Standard } from './scorecard.js';

import { arr, type Json, obj, str } from './json.js';

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
  /** Shown in the footer; absent for reproducible output. */
  readonly generatedAt?: string;
}

export type Verdict = 'blocked' | 'incomplete' | 'warnings' | 'pass';

/** The page's headline: blocked if anything blocks, incomplete if a check did not run. */
export function reportVerdict(input: ReportInput): Verdict {
  const blockedArtifacts = input.verification?.results.some((r) => r.status === 'blocked') ?? false;
  const mandatory = input.findings?.some((f) => f.enforcementLevel === 'mandatory') ?? false;
  if (blockedArtifacts || mandatory) return 'blocked';
  if (input.verification === undefined || input.findings === undefined) return 'incomplete';
  // an artifact the verification has no verdict for was not checked: never "every artifact verified"
  const judged = new Set<string | undefined>(['verified', 'allow-listed', 'warned', 'blocked']);
  if (supplyChainRows(input.sbom).some((row) => !judged.has(row.status))) return 'incomplete';
  const warned = input.verification.results.some((r) => r.status === 'warned') || input.findings.some((f) => f.enforcementLevel === 'advisory');
  return warned ? 'warnings' : 'pass';
}

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function prop(node: Json, name: string): string | undefined {
  const values = arr(node['properties']).filter((p) => p['name'] === name).map((p) => str(p['value']));
  return values.length === 0 ? undefined : values.join(', ');
}

const VERDICT_TEXT: Readonly<Record<Verdict, { title: string; detail: string }>> = Object.freeze({
  blocked: { title: 'Blocked', detail: 'At least one artifact failed verification or a mandatory guardrail is violated. Do not deploy.' },
  incomplete: { title: 'Incomplete', detail: 'A check did not run, so this agent cannot be approved from this report.' },
  warnings: { title: 'Passed with warnings', detail: 'Nothing blocks deployment; review the warnings below.' },
  pass: { title: 'Passed', detail: 'Every artifact verified and no guardrail is violated.' },
});

function statusCell(status: string | undefined): string {
  const s = status ?? 'not-verified';
  const cls = s === 'verified' ? 'ok' : s === 'warned' ? 'warn' : s === 'blocked' ? 'bad' : 'unknown';
  const icon = cls === 'ok' ? '✔' : cls === 'bad' ? '✖' : cls === 'warn' ? '!' : '?';
  return `<td><span class="status ${cls}"><span aria-hidden="true">${icon}</span> ${esc(s)}</span></td>`;
}

interface Row {
  readonly kind: string;
  readonly name: string;
  readonly version: string;
  readonly status?: string;
  readonly reason?: string;
  readonly signer?: string;
  readonly issuer?: string;
  readonly detail: string;
}

/** Supply-chain rows from the SBOM: models, plugins (direct and from lockfiles) and API services. */
function supplyChainRows(sbom: Json): Row[] {
  const rows: Row[] = [];
  const evidence = (node: Json): Pick<Row, 'status' | 'reason' | 'signer' | 'issuer'> => {
    const status = prop(node, 'agentfence:verification:status');
    const reason = prop(node, 'agentfence:verification:reason');
    const signer = prop(node, 'agentfence:verification:signer');
    const issuer = prop(node, 'agentfence:verification:issuer');
    return {
      ...(status === undefined ? {} : { status }),
      ...(reason === undefined ? {} : { reason }),
      ...(signer === undefined ? {} : { signer }),
      ...(issuer === undefined ? {} : { issuer }),
    };
  };
  for (const c of arr(sbom['components'])) {
    const type = str(c['type']);
    if (type !== 'machine-learning-model' && type !== 'library') continue;
    const group = str(c['group']);
    const name = `${group === undefined ? '' : `${group}/`}${str(c['name']) ?? '?'}`;
    const hash = arr(c['hashes'])[0];
    const hosted = prop(c, 'agentfence:model:hosted-id');
    const message = prop(c, 'agentfence:verification:message');
    const detail = [
      hosted === undefined ? undefined : `hosted: ${hosted}`,
      hash === undefined ? undefined : `${str(hash['alg']) ?? ''} ${str(hash['content'])?.slice(0, 16) ?? ''}…`,
      prop(c, 'agentfence:verification:source-repository'),
      message,
    ].filter((v) => v !== undefined);
    rows.push({
      kind: type === 'library' ? 'plugin' : 'model',
      name,
      version: str(c['version']) ?? prop(c, 'agentfence:plugin:version-range') ?? '',
      ...evidence(c),
      detail: detail.join(' · '),
    });
  }
  for (const s of arr(sbom['services'])) {
    const endpoints = Array.isArray(s['endpoints']) ? (s['endpoints'] as unknown[]).map(String).join(', ') : '';
    const message = prop(s, 'agentfence:verification:message');
    rows.push({
      kind: 'api',
      name: str(s['name']) ?? '?',
      version: str(obj(s['provider'])?.['name']) ?? '',
      ...evidence(s),
      detail: [endpoints, message].filter((v) => v !== undefined && v !== '').join(' · '),
    });
  }
  return rows;
}

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

function table(caption: string, headers: readonly string[], rows: readonly string[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<table><caption>${esc(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function identitySection(m: AgentManifest): string {
  const facts: Array<[string, string]> = [
    ['Owner', `${m.owner.team} <${m.owner.email}>`],
    ['Risk tier', m.riskTier],
    ['Autonomy', m.autonomy],
    ['Runtime', `${m.identity.runtime} in ${m.identity.account} / ${m.identity.region}`],
    ['Network egress', m.network.egress === 'firewall' ? 'allowlisting firewall only' : 'none'],
    ['Audit log retention', `${m.monitoring.logRetentionDays} days`],
    ['Kill switch', m.paused === true ? 'PAUSED (deny-all attached)' : 'not engaged'],
  ];
  const dl = `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  const goals = `<h3>Goals</h3><ul>${m.goals.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`;
  const tools = table(
    'Tools and the permissions each one grants',
    ['Tool', 'Actions', 'Resources', 'Risk', 'Approval'],
    m.tools.map(
      (t) =>
        `<tr><th scope="row">${esc(t.name)}</th><td><code>${t.actions.map(esc).join('</code><br><code>')}</code></td><td><code>${t.resources
          .map(esc)
          .join('</code><br><code>')}</code></td><td>${esc(t.risk)}</td><td>${t.approval === 'required' ? '<strong>human approval required</strong>' : 'none'}</td></tr>`,
    ),
    'This agent declares no tools.',
  );
  const stores = table(
    'Data stores',
    ['Store', 'Kind', 'Classification', 'Retention'],
    m.dataStores.map(
      (s) => `<tr><th scope="row">${esc(s.name)}</th><td>${esc(s.kind)}</td><td>${esc(s.classification)}</td><td>${esc(s.retentionDays)} days</td></tr>`,
    ),
    'This agent declares no data stores.',
  );
  return section('identity', 'Identity and permissions', `${dl}${goals}<h3>Tools</h3>${tools}<h3>Data</h3>${stores}`);
}

function supplyChainSection(input: ReportInput): string {
  const rows = supplyChainRows(input.sbom);
  const order = (r: Row): number => (r.status === 'blocked' ? 0 : r.status === 'warned' ? 1 : r.status === 'verified' ? 3 : 2);
  const sorted = [...rows].sort((a, b) => order(a) - order(b) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const note =
    input.verification === undefined
      ? '<p class="note">Verification did not run for this report; every artifact is shown as not-verified.</p>'
      : `<p>Trust policy mode: <strong>${esc(input.verification.mode)}</strong>. ${esc(input.verification.summary.verified)} verified, ${esc(
          input.verification.summary.blocked,
        )} blocked, ${esc(input.verification.summary.warned)} warned. Failures are listed first.</p>`;
  const body = table(
    'Models, plugins and third-party APIs with their verification',
    ['Kind', 'Name', 'Version / provider', 'Status', 'Reason', 'Signer', 'Evidence'],
    sorted.map(
      (r) =>
        `<tr><td>${esc(r.kind)}</td><th scope="row">${esc(r.name)}</th><td>${esc(r.version)}</td>${statusCell(r.status)}<td>${esc(r.reason ?? '')}</td><td class="signer">${
          r.signer === undefined ? '<span class="muted">none</span>' : `${esc(r.signer)}${r.issuer === undefined ? '' : `<br><span class="muted">${esc(r.issuer)}</span>`}`
        }</td><td class="detail">${esc(r.detail)}</td></tr>`,
    ),
    'This agent has no models, plugins or APIs.',
  );
  return section('supply-chain', 'Supply chain', `${note}${body}`);
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
        `<tr><td><span class="sev ${esc(f.severity)}">${esc(f.severity)}</span></td><th scope="row"><code>${esc(f.ruleId)}</code></th><td>${esc(
          f.enforcementLevel,
        )}</td><td class="message">${esc(f.message)}${f.unknown === true ? ' <em>(unknown before deploy)</em>' : ''}</td><td class="detail">${esc(f.urn ?? f.resourceType ?? '')}</td></tr>`,
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
        const cls = e.status === 'pass' ? 'ok' : e.status === 'fail' ? 'bad' : e.status === 'partial' ? 'warn' : 'unknown';
        const missing = e.missing.length > 0 ? `missing: ${e.missing.join(', ')}` : '';
        return `<tr><th scope="row">${esc(e.element)}</th><td><span class="status ${cls}">${esc(e.status)}</span></td><td>${esc(e.satisfied)}/${esc(e.total)}</td><td><code>${esc(
          e.path,
        )}</code></td><td class="detail">${esc([missing, e.note ?? ''].filter((s) => s !== '').join('; '))}</td></tr>`;
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

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The trust-boundary picture: the agent inside its account with stores and models, APIs outside. */
export function trustBoundarySvg(m: AgentManifest, statuses: ReadonlyMap<string, string>): string {
  const inner = [
    ...m.dataStores.map((s) => ({ label: s.name, sub: `${s.kind} · ${s.classification}`, kind: 'store' })),
    ...m.models.map((x) => ({ label: x.name, sub: x.hosted === undefined ? 'model (local, signed)' : 'model (hosted)', kind: 'model' })),
  ];
  const apis = m.apis.map((a) => ({ label: a.name, sub: a.dataClassifications.join(', '), status: statuses.get(`api:${a.name}`) ?? 'not-verified' }));
  const rowH = 60;
  const height = Math.max(inner.length, apis.length, 3) * rowH + 90;
  const agentY = height / 2;
  const parts: string[] = [];
  parts.push(`<rect x="8" y="28" width="520" height="${height - 40}" rx="10" class="boundary"/>`);
  parts.push(`<text x="20" y="50" class="zone">AWS account ${esc(m.identity.account)} · ${esc(m.identity.region)} (agent trust zone)</text>`);
  parts.push(`<rect x="320" y="${agentY - 28}" width="180" height="56" rx="8" class="agent"/>`);
  parts.push(`<text x="410" y="${agentY - 4}" text-anchor="middle" class="label">${esc(truncate(m.name, 22))}</text>`);
  parts.push(`<text x="410" y="${agentY + 14}" text-anchor="middle" class="sub">agent · ${esc(m.riskTier)} risk</text>`);
  inner.forEach((node, i) => {
    const y = 70 + i * rowH;
    parts.push(`<line x1="320" y1="${agentY}" x2="250" y2="${y + 21}" class="edge"/>`);
    parts.push(`<rect x="30" y="${y}" width="220" height="42" rx="6" class="${node.kind}"/>`);
    parts.push(`<text x="40" y="${y + 17}" class="label">${esc(truncate(node.label, 28))}</text>`);
    parts.push(`<text x="40" y="${y + 34}" class="sub">${esc(truncate(node.sub, 34))}</text>`);
  });
  apis.forEach((api, i) => {
    const y = 70 + i * rowH;
    const ok = api.status === 'verified';
    parts.push(`<line x1="500" y1="${agentY}" x2="600" y2="${y + 21}" class="crossing"/>`);
    parts.push(`<text x="600" y="${y - 4}" class="sub">sends: ${esc(truncate(api.sub, 30))}</text>`);
    parts.push(`<rect x="600" y="${y}" width="190" height="42" rx="6" class="${ok ? 'api' : 'api unverified'}"/>`);
    parts.push(`<text x="610" y="${y + 17}" class="label">${esc(truncate(api.label, 24))}</text>`);
    parts.push(`<text x="610" y="${y + 34}" class="sub">third party · ${esc(api.status)}</text>`);
  });
  if (apis.length === 0) parts.push(`<text x="560" y="${agentY}" class="sub">no third-party APIs: nothing crosses the boundary</text>`);
  const desc = `The agent ${m.name} runs inside AWS account ${m.identity.account}. Inside the boundary: ${inner.map((n) => n.label).join(', ') || 'nothing else'}. Crossing the boundary to third parties: ${
    apis.map((a) => `${a.label} (${a.sub}; ${a.status})`).join(', ') || 'nothing'
  }.`;
  return `<svg role="img" aria-labelledby="tb-title tb-desc" viewBox="0 0 800 ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="tb-title">Trust boundary of ${esc(
    m.name,
  )}</title><desc id="tb-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

const CSS = `
:root{--fg:#1b1f24;--muted:#4d5660;--line:#c9d1d9;--ok:#0b6b2f;--okbg:#e3f4e8;--bad:#a3141f;--badbg:#fde8ea;--warn:#7a4d00;--warnbg:#fff3d6;--unk:#3d4650;--unkbg:#eceff2;--accent:#0b4f8a}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}header{border-bottom:2px solid var(--line);margin-bottom:16px;padding-bottom:12px}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.3rem;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1.05rem;margin:16px 0 6px}
.verdict{display:flex;gap:16px;align-items:center;padding:14px 18px;border-radius:8px;border:2px solid;margin:12px 0}
.verdict strong{font-size:1.4rem}.verdict.blocked{background:var(--badbg);border-color:var(--bad);color:var(--bad)}.verdict.pass{background:var(--okbg);border-color:var(--ok);color:var(--ok)}
.verdict.warnings{background:var(--warnbg);border-color:var(--warn);color:var(--warn)}.verdict.incomplete{background:var(--unkbg);border-color:var(--unk);color:var(--unk)}
.verdict p{margin:0;color:var(--fg)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.92rem}caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}thead th{background:#f3f5f7;white-space:nowrap}tbody th{font-weight:600}
td.detail{color:var(--muted);overflow-wrap:anywhere;min-width:14em}td.signer{overflow-wrap:anywhere;min-width:10em}tbody th code{white-space:nowrap;overflow-wrap:normal}td.message{overflow-wrap:anywhere;min-width:16em}code{font:0.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.status,.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;white-space:nowrap}
.status.ok{background:var(--okbg);color:var(--ok)}.status.bad{background:var(--badbg);color:var(--bad)}.status.warn{background:var(--warnbg);color:var(--warn)}.status.unknown{background:var(--unkbg);color:var(--unk)}
.sev.critical,.sev.high{background:var(--badbg);color:var(--bad)}.sev.medium{background:var(--warnbg);color:var(--warn)}.sev.low{background:var(--unkbg);color:var(--unk)}
.muted,.empty{color:var(--muted)}.note{background:var(--unkbg);padding:8px 12px;border-left:4px solid var(--unk)}
figure{margin:8px 0}figcaption{color:var(--muted);font-size:.9rem}
svg .boundary{fill:#f7fafc;stroke:var(--accent);stroke-width:2;stroke-dasharray:8 5}svg .zone{font-size:13px;fill:var(--accent);font-weight:600}
svg .agent{fill:#dbeafe;stroke:var(--accent);stroke-width:2}svg .store{fill:#fff;stroke:#52606d}svg .model{fill:#fff;stroke:#6b4fa0}
svg .api{fill:#e3f4e8;stroke:var(--ok);stroke-width:2}svg .api.unverified{fill:var(--badbg);stroke:var(--bad)}
svg .edge{stroke:#52606d;stroke-width:1.5}svg .crossing{stroke:var(--bad);stroke-width:2;stroke-dasharray:4 3}
svg .label{font-size:13px;font-weight:600;fill:var(--fg)}svg .sub{font-size:11px;fill:var(--muted)}
footer{margin-top:32px;border-top:1px solid var(--line);padding-top:8px;color:var(--muted);font-size:.85rem}
@media print{@page{margin:1.5cm}body{font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}tr,figure,.verdict{break-inside:avoid}thead{display:table-header-group}
.verdict,.status,.sev,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** Renders the report page. Pure: same input, same bytes. */
export function renderReport(input: ReportInput): string {
  const m = input.manifest;
  const verdict = reportVerdict(input);
  const text = VERDICT_TEXT[verdict];
  const statuses = new Map<string, string>();
  for (const s of arr(input.sbom['services'])) {
    const ref = str(s['bom-ref']);
    const status = prop(s, 'agentfence:verification:status');
    if (ref !== undefined && status !== undefined) statuses.set(ref, status);
  }
  const metadata = obj(input.sbom['metadata']) ?? {};
  const svg = trustBoundarySvg(m, statuses);
  const boundary = section(
    'boundary',
    'Trust boundary',
    `<figure>${svg}<figcaption>Solid lines stay inside the agent's AWS account; dashed red lines cross the trust boundary to a third party, labelled with the data classifications sent.</figcaption></figure>`,
  );
  const provenance = `<dl class="facts"><dt>SBOM</dt><dd>CycloneDX ${esc(str(input.sbom['specVersion']) ?? '?')} · <code>${esc(
    str(input.sbom['serialNumber']) ?? 'no serial number',
  )}</code></dd><dt>Manifest</dt><dd><code>${esc(input.manifestPath ?? '')}</code> · sha256 <code>${esc(
    prop(obj(metadata['component']) ?? {}, 'agentfence:manifest:sha256') ?? '?',
  )}</code></dd></dl>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>agentfence report: ${esc(input.agentName)}: ${esc(text.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>Agent <code>${esc(input.agentName)}</code>: supply-chain and guardrail review</h1>
<p>${esc(m.description)}</p>
<div class="verdict ${verdict}" role="status" id="verdict"><strong>${esc(text.title)}</strong><p>${esc(text.detail)}</p></div>
${provenance}
</header>
${identitySection(m)}
${boundary}
${supplyChainSection(input)}
${findingsSection(input)}
${scorecardSection(input.scorecard)}
<footer>Generated by ${esc(input.tool.name)} ${esc(input.tool.version)}${input.generatedAt === undefined ? '' : ` at ${esc(input.generatedAt)}`}. This page is self-contained: it loads nothing and runs no scripts.</footer>
</main>
</body>
</html>
`;
}
