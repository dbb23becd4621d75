/**
 * The pieces every agentfence HTML page shares: escaping, identifiers that wrap only at their own
 * boundaries, status badges, tables that scroll on a phone instead of breaking words, and one
 * stylesheet with light and dark colours (`prefers-color-scheme`) and a print layout.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * An identifier (ARN, purl, URL, digest, SAN) escaped, with a line-break opportunity after each
 * of its separators, so it wraps at `/`, `:`, `@`, `.` and the like, never mid-word. A run of more
 * than 24 characters without a separator (a hex digest) may break every 16 characters.
 */
export function ident(value: unknown): string {
  const text = String(value);
  return text
    .split(/(?<=[/:@.?&=#,_-])/)
    .map((part) => (part.length > 24 ? part.replace(/(.{16})/g, '$1\u0000') : part))
    .map((part) => esc(part).replaceAll('\u0000', '<wbr>'))
    .join('<wbr>');
}

/** The colour class of a verdict: ok (verified), listed (allow-listed), warn, bad (blocked), unknown. */
export function statusClass(status: string | undefined): 'ok' | 'listed' | 'warn' | 'bad' | 'unknown' {
  switch (status) {
    case 'verified':
    case 'pass':
      return 'ok';
    case 'allow-listed':
      return 'listed';
    case 'warned':
    case 'warnings':
    case 'partial':
      return 'warn';
    case 'blocked':
    case 'fail':
      return 'bad';
    default:
      return 'unknown';
  }
}

const ICON: Readonly<Record<ReturnType<typeof statusClass>, string>> = Object.freeze({ ok: '✔', listed: '≡', warn: '!', bad: '✖', unknown: '?' });

/** A status badge: colour plus an icon plus the word, so it reads without colour too. */
export function badge(status: string | undefined): string {
  const s = status ?? 'not-verified';
  const cls = statusClass(s);
  return `<span class="status ${cls}"><span aria-hidden="true">${ICON[cls]}</span> ${esc(s)}</span>`;
}

/** A titled section. */
export function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${esc(id)}"><h2 id="${esc(id)}">${esc(title)}</h2>${body}</section>`;
}

/** A captioned table in a horizontally scrolling box (or a sentence when there are no rows). */
export function table(caption: string, headers: readonly string[], rows: readonly string[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<div class="scroll"><table><caption>${esc(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The shared stylesheet: light and dark palettes, a phone layout, print rules. */
export const CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#4d5660;--line:#c9d1d9;--head:#f3f5f7;--ok:#0b6b2f;--okbg:#e3f4e8;--bad:#a3141f;--badbg:#fde8ea;--warn:#7a4d00;--warnbg:#fff3d6;--listed:#124a7a;--listedbg:#e2eefa;--unk:#3d4650;--unkbg:#eceff2;--accent:#0b4f8a;--zone:#f7fafc;--agent:#dbeafe}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ed;--bg:#0f1318;--muted:#a6b0ba;--line:#3a434d;--head:#1a2028;--ok:#6fd08f;--okbg:#12301d;--bad:#ff8a94;--badbg:#3d151a;--warn:#f2c261;--warnbg:#3a2c0b;--listed:#8cc2f5;--listedbg:#132a40;--unk:#c2cad2;--unkbg:#252c34;--accent:#79b4ee;--zone:#141a21;--agent:#16304d}}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}header{border-bottom:2px solid var(--line);margin-bottom:16px;padding-bottom:12px}
h1{font-size:1.7rem;margin:0 0 4px;overflow-wrap:normal}h2{font-size:1.3rem;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1.05rem;margin:16px 0 6px}
.verdict{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:14px 18px;border-radius:8px;border:2px solid;margin:12px 0}
.verdict strong{font-size:1.4rem}.verdict.blocked{background:var(--badbg);border-color:var(--bad);color:var(--bad)}.verdict.pass{background:var(--okbg);border-color:var(--ok);color:var(--ok)}
.verdict.warnings{background:var(--warnbg);border-color:var(--warn);color:var(--warn)}.verdict.incomplete{background:var(--unkbg);border-color:var(--unk);color:var(--unk)}
.verdict p{margin:0;color:var(--fg)}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:8px 0}dt{font-weight:600}dd{margin:0;min-width:0}
.scroll{overflow-x:auto;margin:8px 0 16px}table{border-collapse:collapse;width:100%;font-size:.92rem}caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}thead th{background:var(--head);white-space:nowrap}tbody th{font-weight:600}
td.detail{color:var(--muted);min-width:14em}td.signer{min-width:12em}td.message{min-width:16em}
code{font:0.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{max-width:100%;overflow-x:auto}
.status,.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;white-space:nowrap}
.status.ok{background:var(--okbg);color:var(--ok)}.status.bad{background:var(--badbg);color:var(--bad)}.status.warn{background:var(--warnbg);color:var(--warn)}.status.listed{background:var(--listedbg);color:var(--listed)}.status.unknown{background:var(--unkbg);color:var(--unk)}
.sev.critical,.sev.high{background:var(--badbg);color:var(--bad)}.sev.medium{background:var(--warnbg);color:var(--warn)}.sev.low{background:var(--unkbg);color:var(--unk)}
.muted,.empty{color:var(--muted)}.note{background:var(--unkbg);padding:8px 12px;border-left:4px solid var(--unk)}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{margin:2px 0}
figure{margin:8px 0}figcaption{color:var(--muted);font-size:.9rem}
svg text{font-family:system-ui,sans-serif}svg .boundary{fill:var(--zone);stroke:var(--accent);stroke-width:2;stroke-dasharray:8 5}svg .zone{font-size:13px;fill:var(--accent);font-weight:600}
svg .agent{fill:var(--agent);stroke:var(--accent);stroke-width:2}svg .node{stroke-width:2}svg .node.store{fill:var(--bg);stroke:var(--muted);stroke-width:1.5}
svg .node.ok{fill:var(--okbg);stroke:var(--ok)}svg .node.listed{fill:var(--listedbg);stroke:var(--listed)}svg .node.warn{fill:var(--warnbg);stroke:var(--warn)}svg .node.bad{fill:var(--badbg);stroke:var(--bad);stroke-width:3}svg .node.unknown{fill:var(--unkbg);stroke:var(--unk);stroke-dasharray:3 2}
svg .edge{stroke:var(--muted);stroke-width:1.5}svg .crossing{stroke:var(--bad);stroke-width:2;stroke-dasharray:4 3}
svg .label{font-size:13px;font-weight:600;fill:var(--fg)}svg .sub{font-size:11px;fill:var(--muted)}svg .sub.bad{fill:var(--bad);font-weight:600}
footer{margin-top:32px;border-top:1px solid var(--line);padding-top:8px;color:var(--muted);font-size:.85rem}
@media (max-width:640px){main{padding:12px}h1{font-size:1.3rem}h2{font-size:1.15rem}dl.facts{grid-template-columns:minmax(0,1fr)}dt{margin-top:6px}table{font-size:.85rem}th,td{padding:4px 6px}td.detail,td.signer,td.message{min-width:10em}.verdict strong{font-size:1.2rem}}
@media print{@page{margin:1.5cm}body{font-size:11pt;background:#fff;color:#000}main{max-width:none;padding:0}h2{break-after:avoid}tr,figure,.verdict{break-inside:avoid}thead{display:table-header-group}.scroll{overflow:visible}
.verdict,.status,.sev,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** A whole self-contained page: no scripts, a CSP that forbids every load. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
