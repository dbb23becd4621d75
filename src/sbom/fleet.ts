/**
 * The fleet view: one page over every agent of a project (`agentfence report --all`) with each
 * agent's verdict, the models, plugins, images and APIs it uses, who signed them, and a "where
 * is X used" index, so a reviewer answers "which agents use plugin P at version V" in one place.
 * Pure: the CLI adapter builds each agent's SBOM and verdict and passes them in.
 */
import { badge, esc, ident, page, section, table } from './html.js';
import type { Json } from './json.js';
import { supplyChainRows, type Row, type Verdict } from './report.js';

/** One agent of the fleet: its verdict and SBOM, or why it could not be assessed. */
export interface FleetAgent {
  readonly name: string;
  /** `error`: the agent could not be loaded or assessed (see `problem`); counts as blocked. */
  readonly verdict: Verdict | 'error';
  readonly problem?: string;
  readonly sbom?: Json;
  /** Project-relative path of the agent's own report page, when written. */
  readonly reportFile?: string;
  /** What the gate counted (`gate --all`): blocked and warned artifacts, and findings of every stage. */
  readonly counts?: { readonly blockedArtifacts: number; readonly warnedArtifacts: number; readonly findings: number };
}

/** Everything the fleet page shows. */
export interface FleetInput {
  readonly agents: readonly FleetAgent[];
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt?: string;
  readonly commit?: string;
}

/** One artifact and the agents that use it, with each one's verdict on it. */
export interface UsageEntry {
  readonly kind: Row['kind'];
  readonly name: string;
  readonly version: string;
  readonly users: readonly { readonly agent: string; readonly status: string; readonly signer?: string }[];
}

/** The fleet's verdict: blocked when any agent is blocked or could not be assessed. */
export function fleetVerdict(input: FleetInput): Verdict {
  const verdicts = input.agents.map((a) => (a.verdict === 'error' ? 'blocked' : a.verdict));
  if (verdicts.length === 0) return 'incomplete';
  for (const v of ['blocked', 'incomplete', 'warnings'] as const) if (verdicts.includes(v)) return v;
  return 'pass';
}

/** The "where is X used" index: every model, plugin, image and API, keyed by kind, name and version. */
export function usageIndex(input: FleetInput): UsageEntry[] {
  const entries = new Map<string, { kind: Row['kind']; name: string; version: string; users: { agent: string; status: string; signer?: string }[] }>();
  for (const agent of input.agents) {
    if (agent.sbom === undefined) continue;
    for (const row of supplyChainRows(agent.sbom)) {
      const key = `${row.kind}\u0000${row.name}\u0000${row.version}`;
      const entry = entries.get(key) ?? { kind: row.kind, name: row.name, version: row.version, users: [] };
      entry.users.push({ agent: agent.name, status: row.status ?? 'not-verified', ...(row.signer === undefined ? {} : { signer: row.signer }) });
      entries.set(key, entry);
    }
  }
  const order: readonly Row['kind'][] = ['model', 'plugin', 'image', 'api'];
  return [...entries.values()]
    .map((e) => ({ ...e, users: [...e.users].sort((a, b) => a.agent.localeCompare(b.agent)) }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function listOf(rows: readonly Row[], kind: Row['kind']): string {
  const items = rows.filter((r) => r.kind === kind);
  if (items.length === 0) return '<span class="muted">none</span>';
  return `<ul class="plain">${items.map((r) => `<li>${ident(r.version === '' ? r.name : `${r.name} ${r.version}`)} ${badge(r.status)}</li>`).join('')}</ul>`;
}

function agentsSection(input: FleetInput): string {
  const rows = input.agents.map((agent) => {
    const verdict = agent.verdict === 'error' ? 'blocked' : agent.verdict;
    const name = `<th scope="row">${esc(agent.name)}${agent.reportFile === undefined ? '' : `<br><span class="muted"><code>${ident(agent.reportFile)}</code></span>`}</th>`;
    if (agent.sbom === undefined) {
      return `<tr>${name}<td>${badge(verdict)}</td><td colspan="5" class="message">${esc(agent.problem ?? 'not assessed')}</td></tr>`;
    }
    const items = supplyChainRows(agent.sbom);
    const signers = [...new Set(items.flatMap((r) => (r.status === 'allow-listed' ? ['allow-list (hosted models)'] : r.authority ?? r.signer ?? [])))].sort();
    return `<tr>${name}<td>${badge(verdict)}</td><td>${listOf(items, 'model')}</td><td>${listOf(items, 'plugin')}</td><td>${listOf(items, 'image')}</td><td>${listOf(items, 'api')}</td><td>${
      signers.length === 0 ? '<span class="muted">none</span>' : `<ul class="plain">${signers.map((s) => `<li><code>${ident(s)}</code></li>`).join('')}</ul>`
    }</td></tr>`;
  });
  return section('agents', 'Agents', table('Every agent with what it uses and who vouched for it', ['Agent', 'Verdict', 'Models', 'Plugins', 'Images', 'APIs', 'Signers'], rows, 'No agents under stacks/.'));
}

function usageSection(input: FleetInput): string {
  const rows = usageIndex(input).map(
    (e) =>
      `<tr><td>${esc(e.kind)}</td><th scope="row">${ident(e.name)}</th><td>${ident(e.version)}</td><td>${esc(e.users.length)}</td><td><ul class="plain">${e.users
        .map((u) => `<li>${esc(u.agent)} ${badge(u.status)}${u.signer === undefined ? '' : ` <span class="muted"><code>${ident(u.signer)}</code></span>`}</li>`)
        .join('')}</ul></td></tr>`,
  );
  return section('where-used', 'Where is it used', table('Each model, plugin, image and API, by version, with the agents that use it', ['Kind', 'Artifact', 'Version / provider', 'Agents', 'Used by'], rows, 'No agent uses any artifact.'));
}

const TITLE: Readonly<Record<Verdict, string>> = Object.freeze({ blocked: 'Blocked', incomplete: 'Incomplete', warnings: 'Passed with warnings', pass: 'Passed' });

/** Renders the fleet page. Pure: same input, same bytes. */
export function renderFleetReport(input: FleetInput): string {
  const verdict = fleetVerdict(input);
  const counts = new Map<string, number>();
  for (const a of input.agents) counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
  const summary = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([v, n]) => `${n} ${v}`).join(', ') || 'no agents';
  const made = `<dl class="facts"><dt>Made</dt><dd>${input.generatedAt === undefined ? '<span class="muted">not recorded</span>' : esc(input.generatedAt)}</dd><dt>From commit</dt><dd>${
    input.commit === undefined ? '<span class="muted">not in a git checkout</span>' : `<code>${ident(input.commit)}</code>`
  }</dd></dl>`;
  const body = `<header>
<h1>agentfence fleet report</h1>
<div class="verdict ${verdict}" role="status" id="verdict"><strong>${esc(TITLE[verdict])}</strong><p>${esc(input.agents.length)} agents: ${esc(summary)}.</p></div>
${made}
</header>
${agentsSection(input)}
${usageSection(input)}
<footer>Generated by ${esc(input.tool.name)} ${esc(input.tool.version)}. This page is self-contained: it loads nothing and runs no scripts.</footer>`;
  return page(`agentfence fleet report: ${TITLE[verdict]}`, body);
}

/** One line per agent and the verdict, for a terminal (`gate --all`, `report --all`). */
export function renderFleetText(input: FleetInput): string {
  const width = Math.max(5, ...input.agents.map((a) => a.name.length));
  const problem = (a: FleetAgent) => (a.problem === undefined ? '' : `: ${a.problem}`);
  let lines = input.agents.map((a) => `  ${a.name.padEnd(width)}  ${a.verdict}${problem(a)}`);
  if (input.agents.some((a) => a.counts !== undefined)) {
    // the gate's table: verdict, then blocked and warned artifacts and all findings
    const verdictWidth = Math.max(7, ...input.agents.map((a) => a.verdict.length));
    const cell = (n: number | undefined, w: number) => (n === undefined ? '-' : String(n)).padStart(w);
    lines = [
      `  ${'agent'.padEnd(width)}  ${'verdict'.padEnd(verdictWidth)}  blocked  warned  findings`,
      ...input.agents.map(
        (a) =>
          `  ${a.name.padEnd(width)}  ${a.verdict.padEnd(verdictWidth)}  ${cell(a.counts?.blockedArtifacts, 7)}  ${cell(a.counts?.warnedArtifacts, 6)}  ${cell(a.counts?.findings, 8)}${problem(a)}`,
      ),
    ];
  }
  return `${[`fleet: ${fleetVerdict(input)} (${input.agents.length} agents)`, ...lines].join('\n')}\n`;
}
