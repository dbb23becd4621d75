/**
 * When an SBOM says it was made. The adapter passes the clock and `SOURCE_DATE_EPOCH` (cores read
 * no environment); a committed SBOM's own timestamp is reused when checking it for staleness, so
 * "up to date" means "same content", not "made in the same second".
 */
import { InputError } from '../errors.js';

/** CycloneDX's date-time has four-digit years: 9999-12-31T23:59:59Z is the last one. */
const LAST_SECOND = 253402300799;

/**
 * The SBOM timestamp: `SOURCE_DATE_EPOCH` (whole seconds) when given, for reproducible builds;
 * else `now`. ISO 8601 in UTC without fractional seconds.
 * @throws InputError CLI_USAGE for a SOURCE_DATE_EPOCH that is not whole seconds up to year 9999.
 */
export function sbomTimestamp(sourceDateEpoch: string | undefined, now: Date): string {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d{1,12}$/.test(sourceDateEpoch) || Number(sourceDateEpoch) > LAST_SECOND) {
      throw new InputError('CLI_USAGE', `SOURCE_DATE_EPOCH must be whole seconds up to ${LAST_SECOND} (year 9999) (got ${JSON.stringify(sourceDateEpoch)})`);
    }
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `metadata.timestamp` of a committed SBOM's text, when it is JSON with one; else undefined. */
export function committedTimestamp(text: string): string | undefined {
  try {
    const doc = JSON.parse(text) as { metadata?: { timestamp?: unknown } } | null;
    const value = doc?.metadata?.timestamp;
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
  } catch {
    return undefined;
  }
}
