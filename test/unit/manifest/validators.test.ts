import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildValidatorsSource } from '../../../src/manifest/validators-source.js';
import * as generated from '../../../src/manifest/validators.generated.js';

const file = path.resolve(import.meta.dirname, '../../../src/manifest/validators.generated.ts');

describe('validators.generated.ts', () => {
  describe('when compared with the schemas compiled afresh', () => {
    it('is up to date (refresh with AGENTFENCE_UPDATE_GENERATED=1)', () => {
      const fresh = buildValidatorsSource();
      if (process.env['AGENTFENCE_UPDATE_GENERATED'] === '1') writeFileSync(file, fresh);
      expect(readFileSync(file, 'utf8')).toBe(fresh);
    });
  });

  describe('when run directly', () => {
    it.each([
      ['manifest', generated.manifest as (data: unknown) => boolean],
      ['trust policy', generated.trustPolicy as (data: unknown) => boolean],
    ])('rejects an empty %s', (_name, validate) => {
      expect(validate({})).toBe(false);
    });
  });
});
