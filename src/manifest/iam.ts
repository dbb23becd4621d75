/**
 * The manifest's IAM checks, on AWS's own service authorization data: every action exists, every
 * resource fits a resource type of its tool's actions, `*` only where the data says an action has
 * no resource-level permissions (and reads nothing), resources in the agent's account (S3 buckets
 * declared as own stores or external buckets with their owner), wildcards only where they are
 * bounded, and a tool's declared risk no lower than what its actions can do.
 */
import { bucketName } from '../components/aws/builders/store.js';
import {
  findAction,
  fittingResourceTypes,
  type IamAction,
  isPermissionsManagement,
  resourceTypesOfAction,
  serviceExists,
  splitAction,
  suggestAction,
  suggestService,
  takesPassedRole,
} from '../rules/iam/data.js';
import { arnScope, s3BucketOf } from '../rules/iam/wildcards.js';
import { ESCALATION_ACTIONS } from '../rules/least-privilege.js';
import type { LocatedError } from './errors.js';
import { errorAt, formatPath, type Source } from './source.js';
import type { AgentManifest, ToolSpec } from './types.js';

/** Why an action cannot sit in a `risk: low` tool, or undefined when it can. */
export function highRiskReason(action: IamAction): string | undefined {
  const name = action.name.slice(action.service.length + 1);
  if (isPermissionsManagement(action)) return 'it manages permissions';
  if (action.name.toLowerCase() === 'iam:passrole') return 'it passes a role to a service';
  if (action.service === 'sts' && /^assumerole/i.test(name)) return 'it assumes another role';
  if (takesPassedRole(action)) return 'it takes a passed role';
  // The rules' own list, so validate never accepts what iam-no-privilege-escalation blocks.
  if (ESCALATION_ACTIONS.some((escalation) => escalation.toLowerCase() === action.name.toLowerCase()))
    return 'a privilege-escalation method';
  if (action.accessLevels.includes('Write') && DESTRUCTIVE.test(name)) return 'a destructive Write';
  return undefined;
}

/** Write actions that delete, revoke or rewrite permissions: the "destructive" class. */
const DESTRUCTIVE =
  /^(?:Delete|Remove|Terminate|Purge|Destroy|Revoke|Detach|Disassociate|Deregister|Put\w*Policy|Set\w*Policy|Update\w*Policy|Modify\w*(?:Attribute|Permission)s?|\w*Permission)/;

/** IAM errors of a schema-valid manifest. */
export function manifestIamErrors(source: Source, manifest: AgentManifest): LocatedError[] {
  const errors: LocatedError[] = [];
  const ownBuckets = new Set(
    manifest.dataStores
      .filter((store) => store.kind === 's3')
      .flatMap((store) => [store.name, bucketName(manifest.name, store.name, manifest.identity)]),
  );
  const external = new Map((manifest.externalBuckets ?? []).map((bucket) => [bucket.bucket, bucket.account]));
  manifest.externalBuckets?.forEach((bucket, i) => {
    // An external bucket in another account is a cross-account grant, as for any other ARN.
    if (bucket.account !== manifest.identity.account) {
      errors.push(
        errorAt(
          source,
          ['externalBuckets', i, 'account'],
          'ACCOUNT_MISMATCH',
          `externalBuckets[${i}].account must be the agent's account ${manifest.identity.account} (got ${bucket.account})`,
        ),
      );
    }
  });
  manifest.tools.forEach((tool, i) => errors.push(...toolErrors(source, manifest, tool, i, ownBuckets, external)));
  return errors;
}

function toolErrors(
  source: Source,
  manifest: AgentManifest,
  tool: ToolSpec,
  i: number,
  ownBuckets: ReadonlySet<string>,
  external: ReadonlyMap<string, string>,
): LocatedError[] {
  const errors: LocatedError[] = [];
  const actions: { action: IamAction; j: number }[] = [];
  tool.actions.forEach((name, j) => {
    const at = ['tools', i, 'actions', j];
    const parts = splitAction(name);
    // The service prefix must exist: a typo there plans endpoints and grants for a service that is not AWS's.
    if (parts === undefined || !serviceExists(parts.service)) {
      const guess = parts === undefined ? undefined : suggestService(parts.service);
      errors.push(
        errorAt(
          source,
          at,
          'UNKNOWN_SERVICE',
          `${formatPath(at)} must name an AWS service prefix (got ${JSON.stringify(name)}${guess === undefined || parts === undefined ? '' : `; did you mean ${guess}:${parts.name}?`})`,
        ),
      );
      return;
    }
    const action = findAction(name);
    // The action must exist: IAM accepts unknown actions silently, so a typo grants nothing, or something else.
    if (action === undefined) {
      const guess = suggestAction(name);
      errors.push(
        errorAt(
          source,
          at,
          'UNKNOWN_ACTION',
          `${formatPath(at)} must be an existing ${parts.service} action (got ${JSON.stringify(name)}${guess === undefined ? '' : `; did you mean ${guess}?`})`,
        ),
      );
      return;
    }
    actions.push({ action, j });
    // A low-risk tool runs without approval: it cannot hold actions that change permissions or destroy.
    const reason = highRiskReason(action);
    if (tool.risk === 'low' && reason !== undefined) {
      errors.push(
        errorAt(
          source,
          ['tools', i, 'risk'],
          'RISK_UNDERSTATED',
          `tools[${i}].risk must be "high" for ${action.name} (${reason}; access level ${action.accessLevels.join(', ')})`,
        ),
      );
    }
  });

  const star = tool.resources.includes('*');
  const fitted = new Set<number>();
  let mismatched = false;
  for (const [k, arn] of tool.resources.entries()) {
    const at = ['tools', i, 'resources', k];
    const where = formatPath(at);
    const scope = arnScope(arn);
    if (scope.kind === 'any') {
      // `*` is the only resource an action without resource-level permissions takes; it must not touch data.
      const scoped = actions.filter(({ action }) => action.resourceTypes.length > 0).map(({ action }) => action);
      const writes = actions
        .filter(
          ({ action }) => action.resourceTypes.length === 0 && !action.accessLevels.every((level) => level === 'List' || level === 'Read'),
        )
        .map(({ action }) => action);
      const [first] = scoped;
      if (first !== undefined) {
        errors.push(
          errorAt(
            source,
            at,
            'WILDCARD',
            `${where} must be explicit ARNs for ${scoped.map((a) => a.name).join(', ')}, which support resource-level permissions (got "*"; expected ${patterns(first)})`,
          ),
        );
      } else if (writes.length > 0) {
        errors.push(
          errorAt(
            source,
            at,
            'RESOURCE_STAR_WRITE',
            `${where} must be explicit ARNs: "*" is accepted only for List and Read actions without resource-level permissions (got ${writes.map((a) => `${a.name}, access level ${a.accessLevels.join(', ')}`).join('; ')})`,
          ),
        );
      }
      continue;
    }
    // Wildcards inside an ARN: only an object-key prefix under one bucket or a table's indexes are bounded.
    if (scope.kind === 'wide') {
      errors.push(
        errorAt(
          source,
          at,
          'WILDCARD',
          `${where} must be an explicit ARN or a bounded wildcard (an object-key prefix under one named bucket, a table's indexes), never a wider wildcard (got ${JSON.stringify(arn)})`,
        ),
      );
      continue;
    }
    const fields = arn.split(':');
    const service = fields[2] ?? '';
    const account = fields[4] ?? '';
    const scoped = actions.filter(({ action }) => action.resourceTypes.length > 0);
    const fits = scoped.filter(({ action }) => fittingResourceTypes(action, arn).length > 0);
    for (const { j } of fits) fitted.add(j);
    // Each resource must be one some action of the tool acts on: otherwise the grant is dead or misdirected.
    if (scoped.length > 0 && fits.length === 0) {
      mismatched = true;
      const expected = [...new Set(scoped.flatMap(({ action }) => resourceTypesOfAction(action).map((type) => type.arn)))];
      errors.push(
        errorAt(
          source,
          at,
          'RESOURCE_TYPE_MISMATCH',
          `${where} must fit a resource type of ${scoped.map(({ action }) => action.name).join(', ')} (got ${JSON.stringify(arn)}; expected ${expected.slice(0, 6).join(' or ')})`,
        ),
      );
      continue;
    }
    const types = fits.flatMap(({ action }) => fittingResourceTypes(action, arn));
    const wantsAccount = types.some((type) => type.arn.includes('${Account}'));
    // An ARN whose resource type has an account must name it: an empty account field matches nothing, or, with wildcards, anything.
    if (wantsAccount && account === '') {
      errors.push(
        errorAt(
          source,
          at,
          'ACCOUNT_EMPTY',
          `${where} must name the agent's account ${manifest.identity.account} in its account field (got an empty account in ${JSON.stringify(arn)})`,
        ),
      );
    } else if (account === '*') {
      errors.push(
        errorAt(source, at, 'WILDCARD', `${where} must name the agent's account, never a wildcard account (got ${JSON.stringify(arn)})`),
      );
    }
    // S3 ARNs carry no account: the bucket must be one of the agent's stores or a declared external bucket.
    const bucket = service === 's3' ? s3BucketOf(arn) : undefined;
    if (bucket !== undefined && !ownBuckets.has(bucket) && !external.has(bucket)) {
      errors.push(
        errorAt(
          source,
          at,
          'BUCKET_UNDECLARED',
          `${where} must name a bucket of the agent's own data stores or one declared in externalBuckets with its owner account (got bucket ${JSON.stringify(bucket)})`,
        ),
      );
    }
  }
  // Each action with resource types must have a resource it can act on (unless `*` reports it above).
  if (!star && !mismatched) {
    for (const { action, j } of actions) {
      if (action.resourceTypes.length > 0 && !fitted.has(j) && tool.resources.every((arn) => arnScope(arn).kind !== 'wide')) {
        const at = ['tools', i, 'actions', j];
        errors.push(
          errorAt(
            source,
            at,
            'RESOURCE_TYPE_MISMATCH',
            `${formatPath(at)} must have a resource of its type in tools[${i}].resources (got ${action.name} with none; expected ${patterns(action)})`,
          ),
        );
      } else if (action.resourceTypes.length === 0) {
        const at = ['tools', i, 'actions', j];
        errors.push(
          errorAt(
            source,
            at,
            'RESOURCE_TYPE_MISMATCH',
            `${formatPath(at)} must sit in a tool whose resources are ["*"], as it has no resource-level permissions (got ${action.name} with ARNs)`,
          ),
        );
      }
    }
  }
  return errors;
}

function patterns(action: IamAction): string {
  return resourceTypesOfAction(action)
    .map((type) => type.arn)
    .slice(0, 6)
    .join(' or ');
}
