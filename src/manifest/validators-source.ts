/**
 * Builds the source of `validators.generated.ts`: both schemas compiled ahead of time by ajv's
 * standalone code generator, so loading a manifest neither imports ajv nor compiles a schema at run
 * time. Used by the test that keeps the generated file in step with `schemas.ts`; never at run time.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { manifestSchema, trustPolicySchema } from './schemas.js';

// Both are CommonJS: their default import is the function itself at run time.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;

/** The ajv options the validators are compiled with: every error, strict schemas, `$ref`s kept as functions. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  inlineRefs: false,
} as const;

/** The formats the schemas use, from ajv-formats. */
export const FORMATS = ['email', 'uri', 'date-time'] as const;

/** The TypeScript source of the precompiled validators module. */
export function buildValidatorsSource(): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
  addFormats(ajv, [...FORMATS]);
  ajv.addSchema(manifestSchema);
  ajv.addSchema(trustPolicySchema);
  const code = standaloneCode(ajv, { manifest: manifestSchema.$id, trustPolicy: trustPolicySchema.$id });
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from schemas.ts by buildValidatorsSource() (validators-source.ts); do not edit.',
    '// Refresh: AGENTFENCE_UPDATE_GENERATED=1 npx vitest run test/unit/manifest/validators.test.ts',
    "import { createRequire } from 'node:module';",
    '',
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}
