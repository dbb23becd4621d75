import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';

// each case runs the CLI (and the verifier, or Chromium); a loaded CI machine needs headroom
vi.setConfig({ testTimeout: 180_000 });

import { agentfence, root, type CliResult } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'agentfence-report-'));
const CHROMIUM = '/usr/bin/chromium';

const cli = (...args: string[]): Promise<CliResult> => agentfence(args);

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Full-page screenshots at desktop and phone widths, light and dark, into test/output/ (git-ignored),
 * and the page must not scroll sideways at either width: wide tables scroll inside their own box.
 */
async function screenshots(page: import('playwright-core').Page, name: string): Promise<void> {
  for (const [width, label] of [
    [1200, 'desktop'],
    [390, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(background, `${label} ${scheme}`).toBe(scheme === 'dark' ? 'rgb(15, 19, 24)' : 'rgb(255, 255, 255)');
      const shot = path.join(root, 'test/output', `${name}-${label}-${scheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
      `${label} horizontal overflow`,
    ).toBeLessThanOrEqual(0);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1200, height: 900 });
}

describe('agentfence report', () => {
  describe('when the arguments are wrong', () => {
    it.each([
      [['report'], 'exactly one <agent> or --all'],
      [['report', 'payments', '--all'], 'takes no <agent>'],
      [['report', '--all', '--plan', 'x.json'], 'cannot be combined with --all'],
      [['report', 'payments', '--plan', path.join(tmp, 'none.json')], 'PLAN_NOT_FOUND'],
      [['report', 'nobody'], 'AGENT_NOT_FOUND'],
      [['report', 'payments', '--plan', path.join(root, 'package.json'), '--verification', 'none'], 'PLAN_'],
      [['report', 'payments', '--plan', path.join(root, 'README.md')], 'PLAN_NOT_JSON'],
    ])('%j exits 2', async (args, message) => {
      const r = await cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
    });
  });

  describe('when given a real pulumi preview instead of the offline plan', () => {
    it('renders the findings on those resources', async () => {
      const out = path.join(tmp, 'report-preview.html');
      const preview = path.resolve(root, '../shared/fixtures/pulumi-json/sample-preview-creates.json');
      const r = await cli('report', 'support-triage', '-o', out, '--plan', preview, '--verification', 'none');
      const verdict = /verdict: (\w+)/.exec(r.stdout)?.[1];
      // report exits 1 exactly when the page's verdict is blocked
      expect(r.status).toBe(verdict === 'blocked' ? 1 : 0);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('<h2 id="guardrails">Guardrail findings</h2>');
      expect(html).not.toContain('Guardrails were not checked');
    });
  });

  describe.each(['payments', 'support-triage'])('when rendering %s in headless Chromium', (agent) => {
    it('loads with no requests beyond the page itself, shows the key elements and is screenshotted', async () => {
      const out = path.join(tmp, `report-${agent}.html`);
      const r = await cli('report', agent, '-o', out, '--format', 'json');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        schemaVersion: 'agentfence.report/v1',
        agent,
        verdict: expect.stringMatching(/^(blocked|incomplete|warnings|pass)$/),
      });
      const html = readFileSync(out, 'utf8');
      expect(html).not.toMatch(/<script/i);

      // CI installs Debian's chromium; a machine without it fails here rather than skipping silently
      expect(existsSync(CHROMIUM), `${CHROMIUM} must exist (apt-get install chromium)`).toBe(true);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: BROWSER_ARGS,
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const url = pathToFileURL(out).href;
        const requests: string[] = [];
        const failed: string[] = [];
        await page.route('**/*', async (route) => {
          requests.push(route.request().url());
          if (route.request().url() === url) await route.continue();
          else await route.abort();
        });
        page.on('requestfailed', (request) => failed.push(request.url()));
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(url, { waitUntil: 'load' });
        expect(requests).toEqual([url]);
        expect(failed).toEqual([]);
        expect(errors).toEqual([]);
        expect(await page.locator('h1').innerText()).toContain(agent);
        expect(await page.locator('#verdict strong').innerText()).toMatch(/^(Blocked|Incomplete|Passed with warnings|Passed)$/);
        for (const id of ['identity', 'boundary', 'supply-chain', 'guardrails', 'scorecard']) {
          expect(await page.locator(`h2#${id}`).count(), id).toBe(1);
        }
        expect(await page.locator('svg[role="img"] > title').textContent()).toBe(`Trust boundary of ${agent}`);
        expect(
          await page.locator('#supply-chain + p + table tbody tr, section[aria-labelledby="supply-chain"] tbody tr').count(),
        ).toBeGreaterThanOrEqual(4);
        expect(await page.locator('section[aria-labelledby="scorecard"] table').count()).toBe(3);
        expect(await page.locator('h2#vouchers').count()).toBe(1);
        expect(await page.locator('dt', { hasText: 'From commit' }).count()).toBe(1);
        mkdirSync(path.join(root, 'test/output'), { recursive: true });
        await screenshots(page, `report-${agent}`);
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        await browser.close();
      }
    });
  });

  describe('when an artifact is blocked', () => {
    it('exits 1 and draws the tampered model red in the picture', async () => {
      const out = path.join(tmp, 'report-tampered.html');
      const r = await cli('report', 'payments-tampered', '-o', out, '--format', 'json');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'blocked' });
      const html = readFileSync(out, 'utf8');
      expect(html).toMatch(/class="node bad" data-status="blocked"\/><text[^>]*>fraud-scorer</);
    });
  });

  describe('when rendering the fleet with --all', () => {
    it('writes one page over every agent with the where-used index, exits 1 for the blocked one, and renders in Chromium', async () => {
      const out = path.join(tmp, 'report-all.html');
      const r = await cli('report', '--all', '-o', out, '--format', 'json');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.status).toBe(1);
      const summary = JSON.parse(r.stdout) as {
        verdict: string;
        agents: { name: string; verdict: string }[];
        usage: { kind: string; name: string; version: string; users: { agent: string }[] }[];
      };
      expect(summary.verdict).toBe('blocked');
      expect(summary.agents).toEqual([
        { name: 'payments', verdict: 'pass' },
        { name: 'payments-tampered', verdict: 'blocked' },
        { name: 'support-triage', verdict: 'pass' },
      ]);
      const ledger = summary.usage.find((u) => u.kind === 'plugin' && u.name === '@acme/ledger-mcp');
      expect(ledger).toMatchObject({ version: '2.1.3', users: [{ agent: 'payments' }, { agent: 'payments-tampered' }] });
      // each agent's runtime image is listed and indexed (the tampered copy runs the payments image)
      const images = summary.usage
        .filter((u) => u.kind === 'image')
        .map((u) => [u.name, u.version.slice(0, 14), u.users.map((x) => x.agent)]);
      expect(images).toEqual([
        ['agentfence/payments', 'sha256:91ff976', ['payments', 'payments-tampered']],
        ['agentfence/support-triage', 'sha256:a73403b', ['support-triage']],
      ]);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.route('**/*', async (route) => (route.request().url() === pathToFileURL(out).href ? route.continue() : route.abort()));
        await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
        expect(await page.locator('#verdict strong').innerText()).toBe('Blocked');
        expect(await page.locator('section[aria-labelledby="agents"] tbody tr').count()).toBe(3);
        // Agent (th), Verdict, Models, Plugins, Images: no agent's Images cell is empty
        const imageCells = await page.locator('section[aria-labelledby="agents"] tbody tr td:nth-child(5)').allInnerTexts();
        expect(imageCells.map((t) => t.replace(/\s+/g, ' ').trim().split(' ')[0])).toEqual([
          'agentfence/payments',
          'agentfence/payments',
          'agentfence/support-triage',
        ]);
        expect(await page.locator('section[aria-labelledby="where-used"] tbody tr').count()).toBeGreaterThanOrEqual(6);
        mkdirSync(path.join(root, 'test/output'), { recursive: true });
        await screenshots(page, 'report-all');
      } finally {
        await browser.close();
      }
    });
  });
});
