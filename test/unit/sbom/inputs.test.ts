import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelStatement } from '../../../src/sbom/inputs.js';
import { fixtures, inputFor, makeProject, manifest, verification } from './helpers.js';

const models = path.join(fixtures, 'model-signing');

describe('readModelStatement', () => {
  describe('when reading the reference implementation signatures', () => {
    it.each(readdirSync(models).filter((d) => d.startsWith('v')))('reads the root digest and per-file digests of %s', (dir) => {
      const statement = readModelStatement(readFileSync(path.join(models, dir, 'model.sig')));
      expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
      expect(statement.rootDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(statement.files.length).toBeGreaterThanOrEqual(1);
      for (const file of statement.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(statement.files.map((f) => f.name)).not.toContain('ignore-me');
    });
  });
  describe('when the bytes are not a model-signing bundle', () => {
    it.each([
      ['not JSON', 'nope'],
      ['no DSSE envelope', JSON.stringify({ messageSignature: {} })],
      ['a payload that is not a statement', JSON.stringify({ dsseEnvelope: { payload: Buffer.from('[1]').toString('base64') } })],
    ])('throws for %s', (_label, text) => {
      expect(() => readModelStatement(Buffer.from(text))).toThrow();
    });
  });
});

describe('gatherSbomInput', () => {
  describe('when the model is a single signed file', () => {
    it('names its one file after the model path', () => {
      const m = manifest({ models: [{ name: 'one', path: 'models/one/signme-1', signature: 'models/one/model.sig' }] });
      const project = makeProject(m);
      const dir = path.join(project.stackDir, 'models/one');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'model.sig'), readFileSync(path.join(models, 'v1.0.0-elliptic-key/model.sig')));
      const input = inputFor(m, {}, project);
      expect(input.models[0]!.signature?.files).toEqual([{ name: 'signme-1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    });
  });

  describe('when a single-file model has no signature field', () => {
    // Regression: sign and verify put the signature beside the file; the SBOM looked inside "<file>/model.sig" and recorded "no signature".
    it('reads the signature where sign and verify put it (beside the file)', async () => {
      const { defaultSignaturePath } = await import('../../../src/verify/model/paths.js');
      const m = manifest({ models: [{ name: 'one', path: 'models/one/signme-1' }] });
      const project = makeProject(m);
      const dir = path.join(project.stackDir, 'models/one');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'signme-1'), 'weights');
      expect(defaultSignaturePath(path.join(dir, 'signme-1'))).toBe(path.join(dir, 'model.sig'));
      writeFileSync(path.join(dir, 'model.sig'), readFileSync(path.join(models, 'v1.0.0-elliptic-key/model.sig')));
      const input = inputFor(m, {}, project);
      expect(input.models[0]!.signatureProblem).toBeUndefined();
      expect(input.models[0]!.signature).toMatchObject({ path: 'stacks/demo/models/one/model.sig', files: [{ name: 'signme-1' }] });
    });
    it('records "no signature" naming the default place when there is none', () => {
      const m = manifest({ models: [{ name: 'one', path: 'models/one/signme-1' }] });
      const project = makeProject(m);
      mkdirSync(path.join(project.stackDir, 'models/one'), { recursive: true });
      writeFileSync(path.join(project.stackDir, 'models/one/signme-1'), 'weights');
      expect(inputFor(m, {}, project).models[0]!.signatureProblem).toBe('no signature at stacks/demo/models/one/model.sig');
    });
  });

  describe('when a model path leaves the stack folder', () => {
    it('records the problem and reads nothing', () => {
      const input = inputFor(manifest({ models: [{ name: 'evil', path: '../../../etc' }] }));
      expect(input.models[0]).toMatchObject({ signatureProblem: expect.stringContaining('leaves the stack folder') });
    });
  });

  describe('when a signature path leaves the stack folder', () => {
    it('records the problem and reads nothing', () => {
      const m = manifest({ models: [{ name: 'evil', path: 'models/fraud-scorer', signature: '../../../etc/passwd' }] });
      const input = inputFor(m);
      expect(input.models[0]).toMatchObject({ signatureProblem: expect.stringContaining('leaves the stack folder') });
      expect(input.models[0]!.signature).toBeUndefined();
    });
  });

  describe("when the verifier's messages hold this machine's paths", () => {
    it('makes them project-relative so SBOMs match across clones', () => {
      const project = makeProject();
      const v = verification();
      const withPath = {
        ...v,
        results: v.results.map((r) => (r.kind === 'api' ? { ...r, message: `missing ${project.stackDir}/apis/x.sigstore.json` } : r)),
      };
      const input = inputFor(manifest(), { verification: withPath }, project);
      expect(input.verification?.results.find((r) => r.kind === 'api')?.message).toBe('missing stacks/demo/apis/x.sigstore.json');
    });
  });

  describe('when attestations are vendored in scope folders', () => {
    it('takes the highest version inside the range and hashes the file', () => {
      const project = makeProject();
      const scope = path.join(project.stackDir, 'attestations/@acme');
      mkdirSync(scope, { recursive: true });
      for (const version of ['2.4.0', '3.0.0']) {
        writeFileSync(path.join(scope, `ledger-mcp@${version}.json`), JSON.stringify({ name: '@acme/ledger-mcp', version }));
      }
      const [plugin] = inputFor(manifest(), {}, project).plugins;
      expect(plugin).toMatchObject({ name: '@acme/ledger-mcp', version: '2.4.0', range: '^2.1.0', attestation: { path: 'stacks/demo/attestations/@acme/ledger-mcp@2.4.0.json' } });
    });
  });
});
