/**
 * A tool call's JSON input as Cedar context values: numbers of `number` fields become
 * `decimal("...")` extension values (Cedar has no floats); everything else passes as is and the
 * engine validates it against the schema (unknown fields, wrong types and missing required fields
 * are request errors, which deny).
 */
import type { CedarValueJson } from '@cedar-policy/cedar-wasm/nodejs';
import { InputError } from '../errors.js';
import type { ToolInputSchema } from '../manifest/types.js';

/** A JSON number as the argument of Cedar's `decimal()`: a decimal point and at most four decimals. */
export function decimalArgument(value: number, field: string): string {
  const text = String(value);
  if (!Number.isFinite(value) || /e/i.test(text) || (text.split('.')[1]?.length ?? 0) > 4) {
    throw new InputError('CEDAR_INPUT', `input.${field} must be a number with at most 4 decimal places (got ${text})`);
  }
  return text.includes('.') ? text : `${text}.0`;
}

function toValue(value: unknown, type: string, field: string): CedarValueJson {
  if (type === 'number' && typeof value === 'number') return { __extn: { fn: 'decimal', arg: decimalArgument(value, field) } };
  return value as CedarValueJson;
}

/**
 * The `context.input` record of one call.
 * @throws InputError CEDAR_INPUT when the input is not an object or a number does not fit a decimal.
 */
export function toCedarInput(schema: ToolInputSchema, input: unknown): Record<string, CedarValueJson> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new InputError('CEDAR_INPUT', `input must be a JSON object (got ${JSON.stringify(input)})`);
  const out: Record<string, CedarValueJson> = {};
  for (const [field, value] of Object.entries(input)) {
    const property = schema.properties[field];
    if (property === undefined) {
      out[field] = value as CedarValueJson;
    } else if (property.type === 'array' && Array.isArray(value)) {
      out[field] = value.map((item: unknown) => toValue(item, property.items?.type ?? 'string', field));
    } else {
      out[field] = toValue(value, property.type, field);
    }
  }
  return out;
}
