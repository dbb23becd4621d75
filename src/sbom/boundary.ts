/**
 * The trust-boundary picture: the agent inside its AWS account with its data stores, models and
 * plugins; third-party APIs outside, each crossing labelled with the data classifications sent.
 * Every artifact is coloured by its verdict (a blocked model is red here too), and the verdict
 * is written under its name, so the picture reads without colour.
 */
import type { AgentManifest } from '../manifest/types.js';
import { esc, statusClass } from './html.js';
import type { Row } from './report.js';

/** Most plugin nodes drawn one by one; a lockfile's packages beyond this are summarised. */
const MAX_PLUGIN_NODES = 6;

interface Node {
  readonly label: string;
  readonly sub: string;
  readonly cls: string;
  readonly status?: string;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The worst of some statuses: blocked, then warned, not checked, allow-listed, verified. */
function worst(statuses: readonly (string | undefined)[]): string {
  const rank = (s: string | undefined): number => ['blocked', 'warned', undefined, 'not-verified', 'allow-listed', 'verified'].indexOf(s);
  return [...statuses].sort((a, b) => rank(a) - rank(b))[0] ?? 'not-verified';
}

function innerNodes(m: AgentManifest, rows: readonly Row[]): Node[] {
  const status = (kind: Row['kind'], name: string): string => rows.find((r) => r.kind === kind && r.name === name)?.status ?? 'not-verified';
  const nodes: Node[] = m.dataStores.map((s) => ({ label: s.name, sub: `${s.kind} · ${s.classification}`, cls: 'node store' }));
  for (const model of m.models) {
    const s = status('model', model.name);
    nodes.push({ label: model.name, sub: `${model.hosted === undefined ? 'model' : 'hosted model'} · ${s}`, cls: `node ${statusClass(s)}`, status: s });
  }
  const plugins = rows.filter((r) => r.kind === 'plugin');
  const shown = plugins.slice(0, plugins.length > MAX_PLUGIN_NODES ? MAX_PLUGIN_NODES - 1 : MAX_PLUGIN_NODES);
  for (const p of shown) nodes.push({ label: p.name, sub: `plugin ${p.version} · ${p.status ?? 'not-verified'}`, cls: `node ${statusClass(p.status)}`, ...(p.status === undefined ? {} : { status: p.status }) });
  const rest = plugins.slice(shown.length);
  if (rest.length > 0) {
    const s = worst(rest.map((r) => r.status));
    nodes.push({ label: `${rest.length} more plugins`, sub: `worst: ${s}`, cls: `node ${statusClass(s)}`, status: s });
  }
  for (const image of rows.filter((r) => r.kind === 'image')) {
    nodes.push({ label: image.name, sub: `image · ${image.status ?? 'not-verified'}`, cls: `node ${statusClass(image.status)}`, ...(image.status === undefined ? {} : { status: image.status }) });
  }
  return nodes;
}

/** The trust-boundary SVG of an agent, its artifacts coloured by the verdicts in `rows`. */
export function trustBoundarySvg(m: AgentManifest, rows: readonly Row[]): string {
  const inner = innerNodes(m, rows);
  const apis = m.apis.map((a) => {
    const status = rows.find((r) => r.kind === 'api' && r.name === a.name)?.status ?? 'not-verified';
    return { label: a.name, sends: a.dataClassifications.join(', '), status };
  });
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
    parts.push(`<g><title>${esc(`${node.label}: ${node.sub}`)}</title><rect x="30" y="${y}" width="220" height="42" rx="6" class="${node.cls}"${node.status === undefined ? '' : ` data-status="${esc(node.status)}"`}/>`);
    parts.push(`<text x="40" y="${y + 17}" class="label">${esc(truncate(node.label, 28))}</text>`);
    parts.push(`<text x="40" y="${y + 34}" class="sub${node.status === 'blocked' ? ' bad' : ''}">${esc(truncate(node.sub, 34))}</text></g>`);
  });
  apis.forEach((api, i) => {
    const y = 70 + i * rowH;
    parts.push(`<line x1="500" y1="${agentY}" x2="600" y2="${y + 21}" class="crossing"/>`);
    parts.push(`<text x="600" y="${y - 4}" class="sub">sends: ${esc(truncate(api.sends, 30))}</text>`);
    parts.push(`<g><title>${esc(`${api.label}: third party, ${api.status}`)}</title><rect x="600" y="${y}" width="190" height="42" rx="6" class="node ${statusClass(api.status)}" data-status="${esc(api.status)}"/>`);
    parts.push(`<text x="610" y="${y + 17}" class="label">${esc(truncate(api.label, 24))}</text>`);
    parts.push(`<text x="610" y="${y + 34}" class="sub${api.status === 'blocked' ? ' bad' : ''}">third party · ${esc(api.status)}</text></g>`);
  });
  if (apis.length === 0) parts.push(`<text x="560" y="${agentY}" class="sub">no third-party APIs: nothing crosses the boundary</text>`);
  const desc = `The agent ${m.name} runs inside AWS account ${m.identity.account}. Inside the boundary: ${inner.map((n) => `${n.label} (${n.sub})`).join(', ') || 'nothing else'}. Crossing the boundary to third parties: ${
    apis.map((a) => `${a.label} (${a.sends}; ${a.status})`).join(', ') || 'nothing'
  }.`;
  return `<svg role="img" aria-labelledby="tb-title tb-desc" viewBox="0 0 800 ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="tb-title">Trust boundary of ${esc(
    m.name,
  )}</title><desc id="tb-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/** Alias used by the report page. */
export const renderBoundary = trustBoundarySvg;
