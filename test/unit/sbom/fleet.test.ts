import { describe, expect, it } from 'vitest';
import { buildSbom } from '../../../src/sbom/build.js';
import { fleetVerdict, renderFleetReport, renderFleetText, usageIndex, type FleetAgent, type FleetInput } from '../../../src/sbom/fleet.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import { inputFor, manifest, verification } from './helpers.js';

const tool = { name: 'agentfence', version: '0.1.0' };

async function agent(name: string, verdict: FleetAgent['verdict'], pluginVersion = '2.1.3'): Promise<FleetAgent> {
  const v = verification({ results: verification().results.map((r) => (r.kind === 'plugin' ? { ...r, version: pluginVersion } : r)) });
  const { doc } = await buildSbom(inputFor(manifest({ name }), { verification: v }), SpecProfiles['1.6']);
  return { name, verdict, sbom: doc };
}

describe('fleetVerdict', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'warnings'], 'warnings'],
    [['pass', 'incomplete', 'warnings'], 'incomplete'],
    [['pass', 'blocked'], 'blocked'],
    [['pass', 'error'], 'blocked'],
    [[], 'incomplete'],
  ] as const)('%j -> %s', (verdicts, expected) => {
    expect(fleetVerdict({ tool, agents: verdicts.map((verdict, i) => ({ name: `a${i}`, verdict })) })).toBe(expected);
  });
});

describe('usageIndex', () => {
  describe('when two agents use the same plugin at different versions', () => {
    it('answers which agents use plugin P at version V, one entry per version', async () => {
      const input: FleetInput = { tool, agents: [await agent('alpha', 'pass'), await agent('beta', 'blocked', '2.2.0'), await agent('gamma', 'pass')] };
      const plugin = usageIndex(input).filter((e) => e.kind === 'plugin' && e.name === '@acme/ledger-mcp');
      expect(plugin.map((e) => [e.version, e.users.map((u) => u.agent)])).toEqual([
        ['2.1.3', ['alpha', 'gamma']],
        ['2.2.0', ['beta']],
      ]);
      const api = usageIndex(input).find((e) => e.kind === 'api')!;
      expect(api.users.map((u) => `${u.agent}:${u.status}`)).toEqual(['alpha:blocked', 'beta:blocked', 'gamma:blocked']);
    });
  });
  it('skips agents that could not be assessed', () => {
    expect(usageIndex({ tool, agents: [{ name: 'broken', verdict: 'error', problem: 'bad manifest' }] })).toEqual([]);
  });
});

describe('renderFleetReport', () => {
  it('shows every agent, its verdict, what it uses, and the where-used index, escaped and self-contained', async () => {
    const input: FleetInput = {
      tool,
      generatedAt: '2026-12-01T00:00:00Z',
      agents: [await agent('alpha', 'pass'), { name: 'broken', verdict: 'error', problem: 'manifest <b>invalid</b>' }],
    };
    const html = renderFleetReport(input).replace(/<wbr>/g, '');
    expect(html).toContain('<div class="verdict blocked" role="status" id="verdict"><strong>Blocked</strong><p>2 agents: 1 error, 1 pass.</p>');
    expect(html).toContain('<h2 id="agents">Agents</h2>');
    expect(html).toContain('<h2 id="where-used">Where is it used</h2>');
    expect(html).toContain('manifest &lt;b&gt;invalid&lt;/b&gt;');
    expect(html).toContain('@acme/ledger-mcp</th><td>2.1.3</td><td>1</td>');
    expect(html).not.toMatch(/<script|<[^>]*\s(src|href)=/i);
    expect(renderFleetReport(input)).toBe(renderFleetReport(input));
  });
  it('renders one line per agent as text', () => {
    const out = renderFleetText({ tool, agents: [{ name: 'a', verdict: 'pass' }, { name: 'bb', verdict: 'error', problem: 'x' }] });
    expect(out).toBe('fleet: blocked (2 agents)\n  a      pass\n  bb     error: x\n');
  });
});
