/**
 * A tool call's JSON input as Cedar context values: numbers of `number` fields become
 * `decimal("...")` extension values (Cedar has no floats); everything else passes as is and the
 * engine validates it against the schema (unknown fields, wrong types and missing required fields
 * are request errors, which deny).
 */
import type { CedarValueJson } from '@cedar-policy/cedar-wasm/nodejs';
import { InputError } from '../errors.js';
import type { ToolInputSchema, ToolInputType } from '../manifest/types.js';

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

/** Values of each field type that certainly have the Cedar type the schema gives it (decimals well inside Cedar's range). */
const CONFORMS: Readonly<Record<ToolInputType, (value: unknown) => boolean>> = Object.freeze({
  string: (value: unknown) => typeof value === 'string',
  integer: (value: unknown) => Number.isSafeInteger(value),
  number: (value: unknown) => typeof value === 'number' && Math.abs(value) < 1e14,
  boolean: (value: unknown) => typeof value === 'boolean',
});

/**
 * Whether a call's input certainly satisfies the record type the Cedar schema derives from the
 * tool's input schema (`inputRecordType`): every required field present, no other field, each
 * value of its field's type. False means only that the engine must decide, with the schema.
 */
export function conformsToInputSchema(schema: ToolInputSchema, input: object): boolean {
  if ((schema.required ?? []).some((field) => !Object.hasOwn(input, field))) return false;
  return Object.entries(input).every(([field, value]) => {
    const property = Object.hasOwn(schema.properties, field) ? schema.properties[field] : undefined;
    if (property === undefined) return false;
    if (property.type !== 'array') return CONFORMS[property.type](value);
    const item = CONFORMS[property.items?.type ?? 'string'];
    return Array.isArray(value) && value.every((element) => item(element));
  });
}
