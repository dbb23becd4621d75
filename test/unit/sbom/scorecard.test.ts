import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSbom } from '../../../src/sbom/build.js';
import { renderScorecardText, scoreSbom } from '../../../src/sbom/scorecard.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import { fixtures, inputFor, manifest, verification } from './helpers.js';

type Json = Record<string, unknown>;
const byId = (doc: Json) => new Map(scoreSbom(doc).elements.map((e) => [e.id, e]));

describe('scoreSbom', () => {
  describe('when scoring an agent SBOM without a timestamp', () => {
    it('passes the document-level elements and fails only the timestamp among them', async () => {
      const { doc } = await buildSbom(inputFor(undefined, { verification: verification() }), SpecProfiles['1.6']);
      const score = byId(doc);
      for (const id of ['ntia.author', 'cisa.tool', 'cisa.context', 'cisa.coverage', 'bsi.creator', 'bsi.uri', 'ntia.dependencies', 'cisa.name']) {
        expect(score.get(id)?.status, id).toBe('pass');
      }
      expect(score.get('ntia.timestamp')).toMatchObject({ status: 'fail', note: expect.stringContaining('SOURCE_DATE_EPOCH') });
    });
    it('names the components missing an element', async () => {
      const base = manifest();
      const m = manifest({ models: base.models.map((x) => (x.name === 'fraud-scorer' ? { ...x, version: undefined } : x)) as never });
      const { doc } = await buildSbom(inputFor(JSON.parse(JSON.stringify(m))), SpecProfiles['1.6']);
      const score = byId(doc);
      expect(score.get('ntia.version')).toMatchObject({ status: 'partial', satisfied: 2, total: 3 });
      expect(score.get('ntia.version')?.missing).toEqual([expect.stringMatching(/^model:fraud-scorer@sha256:/)]);
      // a hosted model is a served version: no bytes to hash, so it is out of the hash element's scope
      expect(score.get('cisa.hash')).toMatchObject({ status: 'pass', total: 2, note: 'hosted models have no artifact to hash' });
      expect(score.get('bsi.hash')).toMatchObject({ status: 'pass', total: 1 });
      expect(score.get('bsi.source-uri')).toMatchObject({ status: 'fail', missing: ['pkg:npm/%40acme/ledger-mcp@2.1.3'] });
    });
  });

  describe('when a timestamp is present', () => {
    it('passes the timestamp elements', async () => {
      const { doc } = await buildSbom(inputFor(undefined, { timestamp: '2026-01-01T00:00:00Z' }), SpecProfiles['1.6']);
      const score = byId(doc);
      expect(['ntia.timestamp', 'cisa.timestamp', 'bsi.timestamp'].map((id) => score.get(id)?.status)).toEqual(['pass', 'pass', 'pass']);
    });
  });

  describe('when scoring documents made by others', () => {
    const dir = path.join(fixtures, 'cyclonedx-1.6');
    it.each(readdirSync(dir).filter((f) => f.startsWith('valid-')))('scores %s without throwing', (file) => {
      const card = scoreSbom(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json);
      expect(card.elements.length).toBeGreaterThan(20);
      expect(Object.values(card.summary).reduce((a, b) => a + b, 0)).toBe(card.elements.length);
    });
    it('marks component elements n/a for a document without components', () => {
      const card = byId({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 });
      expect(card.get('ntia.supplier')?.status).toBe('n/a');
      expect(card.get('ntia.author')?.status).toBe('fail');
      expect(card.get('bsi.uri')?.status).toBe('fail');
    });
  });

  describe('renderScorecardText', () => {
    it('prints one line per element under its standard', async () => {
      const { doc } = await buildSbom(inputFor(), SpecProfiles['1.6']);
      const text = renderScorecardText(scoreSbom(doc));
      expect(text).toMatch(/^minimum elements: \d+ pass, \d+ partial, \d+ fail, \d+ n\/a\n {2}NTIA-2021\n/);
      expect(text).toContain('FAIL Timestamp 0/1 (metadata.timestamp)');
    });
  });
});
