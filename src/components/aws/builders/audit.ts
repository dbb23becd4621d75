/**
 * Pure builders for the audit trail: CloudWatch log retention (a value CloudWatch accepts, at least
 * 365 days for high-risk agents) and the metric filter patterns that catch AccessDenied bursts and
 * calls by the agent role outside its declared actions.
 */
import { ConfigError } from '../../../errors.js';
import type { RiskTier } from '../../../manifest/types.js';
import { serviceOf, uniqueSorted } from './policy-document.js';

/** Retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Audit logs of high-risk agents are kept at least this long. */
export const HIGH_TIER_MIN_RETENTION = 365;

/**
 * The retention to configure: the manifest's value rounded up to one CloudWatch accepts, and never
 * below 365 days for a high-risk agent.
 * @throws ConfigError LOG_RETENTION_INVALID when it is not a positive integer or exceeds 3653.
 */
export function resolveRetention(days: number, tier: RiskTier): number {
  if (!Number.isInteger(days) || days < 1)
    throw new ConfigError('LOG_RETENTION_INVALID', `log retention must be a positive integer of days (got ${days})`);
  const wanted = tier === 'high' ? Math.max(days, HIGH_TIER_MIN_RETENTION) : days;
  const accepted = LOG_RETENTION_DAYS.find((value) => value >= wanted);
  if (accepted === undefined) throw new ConfigError('LOG_RETENTION_INVALID', `log retention must be at most 3653 days (got ${days})`);
  return accepted;
}

/** CloudWatch Logs limits a filter pattern to 1024 characters. */
export const MAX_PATTERN_LENGTH = 1024;

/** CloudTrail events denied to the agent role. */
export function accessDeniedPattern(roleArn: string): string {
  return `{ ($.errorCode = "AccessDenied*" || $.errorCode = "*UnauthorizedOperation") && $.userIdentity.sessionContext.sessionIssuer.arn = "${roleArn}" }`;
}

/** CloudTrail's `eventSource` for an IAM service prefix. */
export function eventSourceOf(service: string): string {
  return `${service}.amazonaws.com`;
}

/**
 * CloudTrail events by the agent role whose API is not one it declared. Exact per action when the
 * pattern fits CloudWatch's limit, else per service (coarser, never broader than declared services).
 * @throws ConfigError AUDIT_PATTERN_TOO_LONG when even the per-service pattern does not fit.
 */
export function undeclaredCallsPattern(
  roleArn: string,
  actions: readonly string[],
): { pattern: string; granularity: 'action' | 'service' } {
  const head = `{ $.userIdentity.sessionContext.sessionIssuer.arn = "${roleArn}"`;
  const names = uniqueSorted(actions.map((action) => action.slice(action.indexOf(':') + 1)));
  const byAction = `${head}${names.map((name) => ` && $.eventName != "${name}"`).join('')} }`;
  if (byAction.length <= MAX_PATTERN_LENGTH) return { pattern: byAction, granularity: 'action' };
  const sources = uniqueSorted(actions.map((action) => eventSourceOf(serviceOf(action))));
  const byService = `${head}${sources.map((source) => ` && $.eventSource != "${source}"`).join('')} }`;
  if (byService.length <= MAX_PATTERN_LENGTH) return { pattern: byService, granularity: 'service' };
  throw new ConfigError(
    'AUDIT_PATTERN_TOO_LONG',
    `the undeclared-calls filter must fit ${MAX_PATTERN_LENGTH} characters (got ${byService.length} for ${sources.length} services)`,
  );
}

/** One metric filter and the alarm on it. */
export interface WatchSpec {
  readonly id: 'access-denied' | 'undeclared-calls';
  readonly metric: string;
  readonly pattern: string;
  readonly threshold: number;
  readonly description: string;
}

/**
 * The audit trail's watches: AccessDenied bursts and any call by the agent role outside its declared
 * actions (per action when the pattern fits, else per service).
 * @throws ConfigError AUDIT_PATTERN_TOO_LONG when even the per-service pattern does not fit.
 */
export function buildWatchSpecs(
  agentName: string,
  roleArn: string,
  actions: readonly string[],
  accessDeniedThreshold: number,
): WatchSpec[] {
  const undeclared = undeclaredCallsPattern(roleArn, actions);
  return [
    {
      id: 'access-denied',
      metric: 'AccessDenied',
      pattern: accessDeniedPattern(roleArn),
      threshold: accessDeniedThreshold,
      description: `Agent ${agentName} was denied access repeatedly: probing or a broken tool.`,
    },
    {
      id: 'undeclared-calls',
      metric: 'UndeclaredCalls',
      pattern: undeclared.pattern,
      threshold: 1,
      description: `Agent ${agentName} called an AWS API outside its declared ${undeclared.granularity === 'action' ? 'actions' : 'services'}.`,
    },
  ];
}
