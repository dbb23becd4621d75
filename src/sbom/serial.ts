/**
 * The SBOM's identity: a serial number derived from its content (same inputs, same serial), and
 * the top-level keys in the order the specification lists them.
 */
import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

/** agentfence's fixed namespace for name-based UUIDs. */
const NAMESPACE = Buffer.from('6f1c1d2e7a0b4c3d9e8f0a1b2c3d4e5f', 'hex');

/** Top-level keys in CycloneDX order; anything else follows in insertion order. */
const KEY_ORDER: readonly string[] = Object.freeze([
  '$schema',
  'bomFormat',
  'specVersion',
  'serialNumber',
  'version',
  'metadata',
  'components',
  'services',
  'dependencies',
  'compositions',
]);

/** RFC 4122 name-based (v5) UUID of `name` in agentfence's namespace. */
export function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Puts the keys in the spec's order and sets serialNumber = UUIDv5 of the content's sha256. */
export function withSerialNumber(doc: Json): Json {
  const rest = { ...doc };
  delete rest['serialNumber'];
  const digest = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  const withSerial: Json = { ...rest, serialNumber: `urn:uuid:${uuidV5(digest)}` };
  const out: Json = {};
  for (const key of KEY_ORDER) if (withSerial[key] !== undefined) out[key] = withSerial[key];
  for (const [key, value] of Object.entries(withSerial)) if (!(key in out)) out[key] = value;
  return out;
}
