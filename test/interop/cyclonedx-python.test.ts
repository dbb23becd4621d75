/**
 * A second, independent CycloneDX implementation reads what agentfence writes: cyclonedx-python-lib's
 * strict JSON validator (its own copy of the schemas, Python's jsonschema) over both example agents'
 * SBOMs at 1.6 and 1.7, built the way the CLI builds them, plus a tampered copy it must refuse.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgent } from '../../src/manifest/index.js';
import { buildAgentSbom } from '../../src/sbom/agent.js';
import { SpecProfiles, type SpecVersion } from '../../src/sbom/spec.js';
import { verifyAgent } from '../../src/verify/agent.js';
import { peers, peerVersions } from './peers.js';

const found = peers(['python']);
const root = path.resolve(import.meta.dirname, '../..');

/** Validates one document with cyclonedx-python-lib; answers null when valid, else its message. */
function pythonValidate(json: string, version: SpecVersion): { error: string | null; stderr: string; status: number | null } {
  const script = [
    'import sys',
    'from cyclonedx.schema import SchemaVersion',
    'from cyclonedx.validation.json import JsonStrictValidator',
    `version = SchemaVersion.from_version(${JSON.stringify(version)})`,
    'error = JsonStrictValidator(version).validate_str(sys.stdin.read())',
    "print('VALID' if error is None else 'INVALID ' + str(error).splitlines()[0])",
  ].join('\n');
  const r = spawnSync(found.path('python'), ['-c', script], { input: json, encoding: 'utf8', timeout: 120_000 });
  const line = r.stdout.trim();
  return { error: line === 'VALID' ? null : line, stderr: r.stderr, status: r.status };
}

const verified = new Map<string, ReturnType<typeof verifyAgent>>();
/** The agent's SBOM as the CLI builds it (verified in-process once per agent). */
async function sbomOf(name: string, version: SpecVersion): Promise<{ json: string; doc: Record<string, unknown> }> {
  const agent = loadAgent(name, root);
  if (!verified.has(name)) verified.set(name, verifyAgent(agent));
  return buildAgentSbom(agent, {
    profile: SpecProfiles[version],
    verification: await verified.get(name)!,
    verificationSource: 'in-process',
    timestamp: '2026-12-01T00:00:00Z',
    repositoryUrl: 'https://github.com/acme/agents/blob/HEAD/',
  });
}

describe.skipIf(!found.ok)(`cyclonedx-python-lib strict validator (${peerVersions()})`, () => {
  describe.each(['payments', 'support-triage'])('when it reads the %s SBOM', (name) => {
    it.each(['1.6', '1.7'] as const)('accepts CycloneDX %s as agentfence writes it', async (version) => {
      const built = await sbomOf(name, version);
      const result = pythonValidate(built.json, version);
      expect(result.stderr).toBe('');
      expect(result.error).toBeNull();
      expect(result.status).toBe(0);
    });
  });

  describe.each(['payments', 'support-triage'])('when it reads the committed sbom/%s.cdx.json', (name) => {
    it('accepts it', () => {
      const result = pythonValidate(readFileSync(path.join(root, 'sbom', `${name}.cdx.json`), 'utf8'), '1.6');
      expect(result.error).toBeNull();
    });
  });

  describe('when the document breaks the schema', () => {
    const cases: Array<[string, (doc: Record<string, any>) => void]> = [
      ['a data flow direction outside the enum', (doc) => (doc['services'][0]['data'][0]['flow'] = 'sideways')],
      ['an unknown service key', (doc) => (doc['services'][0]['trustBoundary'] = true)],
      ['a hash that is not hex', (doc) => (doc['components'][0]['hashes'] = [{ alg: 'SHA-256', content: 'not-hex' }])],
      [
        'a model card approach outside the enum',
        (doc) => (doc['components'].find((c: any) => c.modelCard).modelCard.modelParameters.approach = { type: 'guessing' }),
      ],
    ];
    it.each(cases)('refuses %s', async (_label, mutate) => {
      const built = await sbomOf('payments', '1.6');
      const doc = structuredClone(built.doc) as Record<string, any>;
      mutate(doc);
      const result = pythonValidate(JSON.stringify(doc), '1.6');
      expect(result.error).toMatch(/^INVALID /);
    });
  });
});
