import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readPlanDocument } from '../../../src/plan/read.js';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.resolve(root, '../shared/fixtures/pulumi-json');
const samples = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe('readPlanDocument', () => {
  describe('when given the real samples', () => {
    it.each(samples)('reads %s into resources with urn, type and name', (name) => {
      const doc = readPlanDocument(load(name), name);
      expect(doc.kind).toBe(name.includes('export') ? 'export' : 'preview');
      for (const r of doc.resources) {
        expect(r.urn).toMatch(/^urn:pulumi:dev::sample::/);
        expect(r.urn.endsWith(`::${r.name}`)).toBe(true);
        expect(r.props).not.toHaveProperty('__defaults');
      }
    });
    it.each([
      ['sample-preview-creates.json', 16],
      ['sample-preview-update.json', 16],
      ['sample-preview-deletes.json', 2],
      ['sample-export.json', 17],
    ])('keeps only resources that exist after %s (%i)', (name, count) => {
      expect(readPlanDocument(load(name), name).resources).toHaveLength(count);
    });
    it('keeps the unknown sentinel of a preview and parents', () => {
      const doc = readPlanDocument(load('sample-preview-creates.json'), 'creates');
      const fn = doc.resources.find((r) => r.type === 'aws:lambda/function:Function');
      expect(fn?.props['role']).toBe('04da6b54-80e4-46f7-96ec-b56ff0331ba9');
      expect(fn?.parent).toBe('urn:pulumi:dev::sample::aws:s3/bucket:Bucket$aws:s3:BucketEventSubscription::docsHandler');
    });
    it('merges export outputs over inputs', () => {
      const doc = readPlanDocument(JSON.parse(load('sample-export.json')), 'export');
      const bucket = doc.resources.find((r) => r.type === 'aws:s3/bucket:Bucket');
      expect(bucket?.props['serverSideEncryptionConfiguration']).toEqual({
        rule: { applyServerSideEncryptionByDefault: { kmsMasterKeyId: '', sseAlgorithm: 'AES256' }, bucketKeyEnabled: false },
      });
    });
  });
  describe('when secrets are present', () => {
    it('normalises the state signature wrapper to [secret]', () => {
      const doc = readPlanDocument(
        {
          version: 3,
          deployment: {
            resources: [
              {
                urn: 'urn:pulumi:s::p::aws:sns/topic:Topic::t',
                type: 'aws:sns/topic:Topic',
                outputs: { kmsMasterKeyId: { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'abc' } },
              },
            ],
          },
        },
        'state.json',
      );
      expect(doc.resources[0]?.props['kmsMasterKeyId']).toBe('[secret]');
    });
  });
  describe('when the input is not a preview or export', () => {
    it.each([
      ['malformed JSON', '{"steps": [', 'PLAN_MALFORMED_JSON: bad.json must be JSON'],
      ['an array', '[]', 'PLAN_INVALID: bad.json must be a `pulumi preview --json` or `pulumi stack export` document (got an array)'],
      [
        'another document',
        '{"bomFormat":"CycloneDX"}',
        'PLAN_INVALID: bad.json must be a `pulumi preview --json` document (with steps) or a `pulumi stack export` document (with version and deployment) (got keys bomFormat)',
      ],
      ['steps that are not a list', '{"steps": {}}', 'PLAN_INVALID: bad.json: a preview document must have a steps array (got object)'],
      ['a step without op', '{"steps": [{}]}', 'PLAN_INVALID: bad.json: steps[0].op must be a string (got undefined)'],
      ['a step without newState', '{"steps": [{"op":"create"}]}', 'PLAN_INVALID: bad.json: steps[0] (create) must have a newState object'],
      [
        'a resource without a urn',
        '{"steps": [{"op":"create","newState":{"type":"aws:s3/bucket:Bucket"}}]}',
        'PLAN_INVALID: bad.json: steps[0].newState must have a urn',
      ],
      [
        'export version 2',
        '{"version": 2, "deployment": {"resources": []}}',
        'PLAN_UNSUPPORTED_VERSION: bad.json: a stack export must be deployment version 3 (got version 2)',
      ],
      ['export version 4', '{"version": 4, "deployment": {}}', 'PLAN_UNSUPPORTED_VERSION'],
      ['an export without deployment', '{"version": 3}', 'PLAN_INVALID: bad.json: a stack export must have a deployment object'],
      ['an empty preview', '{"steps": []}', 'PLAN_EMPTY: bad.json must contain at least one resource to check (got none)'],
      [
        'inputs that are an array',
        '{"steps": [{"op":"create","newState":{"urn":"urn:pulumi:a::b::t::n","type":"t","inputs":[]}}]}',
        'PLAN_INVALID: bad.json: steps[0].newState inputs/outputs must be an object (got array)',
      ],
    ])('throws InputError for %s', (_, text, expected) => {
      expect(codeOf(() => readPlanDocument(text, 'bad.json'))).toContain(expected);
    });
    it('never throws anything but InputError on arbitrary JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          try {
            readPlanDocument(JSON.stringify(value), 'fuzz.json');
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        }),
      );
    });
  });
});
