/**
 * JSON Schema (draft 2020-12) of an API descriptor (`ApiDescriptor`, `agentfence.api/v1`), and its
 * validator. Hosts are plain DNS names (no wildcards, no ports): each becomes one egress allowlist entry.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InputError } from '../../errors.js';
import type { ApiDescriptor } from '../types.js';

// ajv-formats is CommonJS: its default import is the plugin itself at runtime.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const HOSTNAME = '^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$';
const CLASSIFICATION = { enum: ['public', 'internal', 'confidential', 'restricted'] } as const;

/** The descriptor schema, `$id` versioned with the document's `schemaVersion`. */
export const apiDescriptorSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentfence.dev/schemas/api-descriptor/v1.json',
  title: 'agentfence API descriptor',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'name', 'provider', 'baseUrl', 'hosts', 'dataClassifications', 'auth', 'openapi', 'owner', 'expires'],
  properties: {
    schemaVersion: { const: 'agentfence.api/v1' },
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    provider: { type: 'string', minLength: 1, maxLength: 200 },
    baseUrl: { type: 'string', format: 'uri', pattern: '^https://', maxLength: 2048 },
    hosts: { type: 'array', minItems: 1, maxItems: 64, uniqueItems: true, items: { type: 'string', pattern: HOSTNAME } },
    dataClassifications: { type: 'array', minItems: 1, uniqueItems: true, items: CLASSIFICATION },
    auth: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: { type: { enum: ['oauth2', 'api-key', 'mtls', 'aws-sigv4', 'none'] } },
    },
    openapi: {
      type: 'object',
      additionalProperties: false,
      required: ['digest'],
      properties: {
        digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        url: { type: 'string', format: 'uri', pattern: '^https://' },
      },
    },
    owner: { type: 'string', minLength: 1, maxLength: 200 },
    expires: { type: 'string', format: 'date-time' },
  },
} as const;

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['uri', 'date-time']);
    validator = ajv.compile(apiDescriptorSchema);
  }
  return validator;
}

/**
 * Narrows parsed JSON to an ApiDescriptor, listing every schema error as `<path> must ...`.
 * @throws InputError DESCRIPTOR_INVALID
 */
export function assertApiDescriptor(json: unknown, where = 'API descriptor'): asserts json is ApiDescriptor {
  const validate = getValidator();
  if (validate(json)) return;
  const errors = (validate.errors ?? []).map((error) => {
    const at = error.instancePath === '' ? '(root)' : error.instancePath;
    const extra =
      error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
    return `${at} ${error.message ?? 'is invalid'}${extra}`;
  });
  throw new InputError('DESCRIPTOR_INVALID', `${where} must match the agentfence.api/v1 schema: ${errors.join('; ')}`);
}
