/**
 * Checks a schema cannot express: unique names, wildcards and accounts in ARNs, approval and
 * retention for high-risk agents, referenced files that exist and stay inside their folder, semver
 * ranges, and references between the manifest and the trust policy. Each runs on a document that
 * already passed its schema.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { LocatedError } from './errors.js';
import { manifestIamErrors } from './iam.js';
import { describe } from './schema-errors.js';
import { didYouMean } from './suggest.js';
import { errorAt, formatPath, type DocPath, type Source } from './source.js';
import { toolInterfaceErrors } from './tool-interfaces.js';
import type { AgentManifest, Authority, TrustPolicy } from './types.js';

/** The folder relative paths resolve against, and how messages name it. */
interface Base {
  readonly dir: string;
  readonly label: string;
}

/** What a referenced path must be: an existing file, folder, either, or (for signatures) possibly absent. */
type PathKind = 'file' | 'dir' | 'any' | 'optional' | 'lexical';

/** Semantic errors of a schema-valid manifest whose relative paths resolve against `stackDir`. */
export function manifestSemanticErrors(source: Source, manifest: AgentManifest, stackDir: string): LocatedError[] {
  const errors: LocatedError[] = [];
  const stack: Base = { dir: stackDir, label: 'the stack folder' };
  for (const list of ['tools', 'dataStores', 'models', 'apis'] as const) {
    errors.push(...duplicateNames(source, [list], manifest[list]));
  }
  errors.push(
    ...duplicateNames(
      source,
      ['plugins'],
      manifest.plugins.map((plugin) => ('name' in plugin ? plugin : { name: `lockfile:${plugin.lockfile}` })),
    ),
  );

  manifest.tools.forEach((tool, i) => {
    tool.resources.forEach((arn, j) => {
      // A tool acts in the agent's own account: a cross-account ARN widens the blast radius.
      const account = arn.split(':')[4];
      if (account !== undefined && account !== '' && account !== '*' && account !== manifest.identity.account) {
        errors.push(
          errorAt(
            source,
            ['tools', i, 'resources', j],
            'ACCOUNT_MISMATCH',
            `tools[${i}].resources[${j}] must be in the agent's account ${manifest.identity.account} (got account ${account})`,
          ),
        );
      }
    });
    // A high-tier agent never runs a high-risk action without a human in the loop.
    if (manifest.riskTier === 'high' && tool.risk === 'high' && tool.approval !== 'required') {
      errors.push(
        errorAt(
          source,
          ['tools', i, 'approval'],
          'APPROVAL_REQUIRED',
          `tools[${i}].approval must be "required" for a high-risk tool of a high-tier agent (got ${describe(tool.approval)})`,
        ),
      );
    }
  });

  errors.push(...manifestIamErrors(source, manifest));
  errors.push(...toolInterfaceErrors(source, manifest));

  // High-tier agents keep a year of audit logs.
  if (manifest.riskTier === 'high' && manifest.monitoring.logRetentionDays < 365) {
    errors.push(
      errorAt(
        source,
        ['monitoring', 'logRetentionDays'],
        'RETENTION_TOO_SHORT',
        `monitoring.logRetentionDays must be at least 365 for a high-tier agent (got ${manifest.monitoring.logRetentionDays})`,
      ),
    );
  }

  // No egress at all leaves no way to reach a third-party API.
  if (manifest.network.egress === 'none' && manifest.apis.length > 0) {
    errors.push(
      errorAt(
        source,
        ['network', 'egress'],
        'EGRESS_CONFLICT',
        `network.egress must be "firewall" when the agent calls third-party APIs (got "none" with ${manifest.apis.length} APIs)`,
      ),
    );
  }

  manifest.models.forEach((model, i) => {
    if (model.path !== undefined) errors.push(...checkPath(source, ['models', i, 'path'], model.path, stack, 'any'));
    if (model.signature !== undefined) errors.push(...checkPath(source, ['models', i, 'signature'], model.signature, stack, 'optional'));
    model.ignorePaths?.forEach((ignored, j) => {
      errors.push(...checkPath(source, ['models', i, 'ignorePaths', j], ignored, stack, 'lexical'));
    });
  });
  manifest.apis.forEach((api, i) => {
    errors.push(...checkPath(source, ['apis', i, 'descriptor'], api.descriptor, stack, 'file'));
    errors.push(...checkPath(source, ['apis', i, 'signature'], api.signature, stack, 'optional'));
  });
  manifest.plugins.forEach((plugin, i) => {
    if ('lockfile' in plugin) {
      errors.push(...checkPath(source, ['plugins', i, 'lockfile'], plugin.lockfile, stack, 'file'));
    } else if (semver.validRange(plugin.version) === null) {
      errors.push(
        errorAt(
          source,
          ['plugins', i, 'version'],
          'SEMVER_RANGE',
          `plugins[${i}].version must be a semver range (got ${describe(plugin.version)})`,
        ),
      );
    }
  });
  if (manifest.attestations !== undefined) {
    errors.push(...checkPath(source, ['attestations'], manifest.attestations, stack, 'dir'));
  }
  if (manifest.runtimeImage?.attestation !== undefined) {
    errors.push(...checkPath(source, ['runtimeImage', 'attestation'], manifest.runtimeImage.attestation, stack, 'optional'));
  }
  // The SBOM names these contacts, and CycloneDX's idn-email wants a top-level domain of 2+ characters.
  const emails: [DocPath, string | undefined][] = [
    [['owner', 'email'], manifest.owner.email],
    [['monitoring', 'alarmEmail'], manifest.monitoring.alarmEmail],
  ];
  for (const [at, address] of emails) {
    if (address !== undefined && !/\.[A-Za-z0-9-]{2,}$/.test(address)) {
      errors.push(
        errorAt(
          source,
          at,
          'EMAIL_DOMAIN',
          `${at.join('.')} must end in a top-level domain of two or more characters (got ${describe(address)})`,
        ),
      );
    }
  }
  return errors;
}

/** Semantic errors of a schema-valid trust policy whose key and root paths resolve against `baseDir`. */
export function trustPolicySemanticErrors(source: Source, policy: TrustPolicy, baseDir: string): LocatedError[] {
  const errors: LocatedError[] = [...duplicateNames(source, ['trustedRoots'], policy.trustedRoots)];
  const base: Base = { dir: baseDir, label: "the trust policy's folder" };
  const rootNames = new Set(policy.trustedRoots.map((root) => root.name));
  policy.trustedRoots.forEach((root, i) => {
    if (typeof root.source === 'object') {
      errors.push(...checkPath(source, ['trustedRoots', i, 'source', 'path'], root.source.path, base, 'file'));
    }
  });
  for (const kind of ['models', 'plugins', 'apis', 'images'] as const) {
    const list = policy[kind]?.authorities ?? [];
    errors.push(...duplicateNames(source, [kind, 'authorities'], list));
    list.forEach((authority, i) => errors.push(...authorityErrors(source, [kind, 'authorities', i], authority, base, rootNames)));
  }
  // An authority allowed to ignore unsigned paths must exist, or the allowance would silently apply to nobody.
  const modelAuthorities = policy.models.authorities.map((authority) => authority.name);
  policy.models.allowIgnorePaths?.forEach((name, i) => {
    if (!modelAuthorities.includes(name)) {
      errors.push(
        errorAt(
          source,
          ['models', 'allowIgnorePaths', i],
          'UNKNOWN_AUTHORITY',
          `models.allowIgnorePaths[${i}] must name one of the trust policy's models authorities (got ${describe(name)}; known: ${modelAuthorities.join(', ') || 'none'})`,
        ),
      );
    }
  });
  policy.plugins.registryKeys?.forEach((registryKey, i) => {
    try {
      createPublicKey({ key: Buffer.from(registryKey.key, 'base64'), format: 'der', type: 'spki' });
    } catch (error) {
      errors.push(
        errorAt(
          source,
          ['plugins', 'registryKeys', i, 'key'],
          'KEY_INVALID',
          `plugins.registryKeys[${i}].key must be a base64 SPKI public key (${(error as Error).message})`,
        ),
      );
    }
  });
  return errors;
}

function authorityErrors(source: Source, at: DocPath, authority: Authority, base: Base, rootNames: ReadonlySet<string>): LocatedError[] {
  const errors: LocatedError[] = [];
  const where = formatPath(at);
  if ('keyless' in authority) {
    const pattern = authority.keyless.subjectRegExp;
    if (pattern !== undefined) {
      // The verifier anchors the expression; it must compile as such.
      try {
        new RegExp(`^(?:${pattern})$`, 'u');
      } catch (error) {
        errors.push(
          errorAt(
            source,
            [...at, 'keyless', 'subjectRegExp'],
            'REGEX_INVALID',
            `${where}.keyless.subjectRegExp must be a valid regular expression (${(error as Error).message})`,
          ),
        );
      }
    }
    if (authority.trustedRoot !== undefined && !rootNames.has(authority.trustedRoot)) {
      errors.push(
        errorAt(
          source,
          [...at, 'trustedRoot'],
          'UNKNOWN_TRUSTED_ROOT',
          `${where}.trustedRoot must name an entry of trustedRoots (got ${describe(authority.trustedRoot)}; known: ${[...rootNames].join(', ') || 'none'})`,
        ),
      );
    }
  } else if ('key' in authority) {
    const keyPath = [...at, 'key', 'publicKey'];
    const pathErrors = checkPath(source, keyPath, authority.key.publicKey, base, 'file');
    errors.push(...pathErrors);
    if (pathErrors.length === 0) {
      const pem = readFileSync(path.resolve(base.dir, authority.key.publicKey));
      if (isPrivateKey(pem)) {
        // createPublicKey accepts a private key too: a signing key committed here must be refused
        errors.push(
          errorAt(
            source,
            keyPath,
            'KEY_PRIVATE',
            `${formatPath(keyPath)} must be a public key, never the private signing key (got a private key); keep the private half out of the repository and point here at the public half (\`agentfence keygen\` writes both)`,
          ),
        );
      } else {
        try {
          createPublicKey(pem);
        } catch (error) {
          errors.push(
            errorAt(source, keyPath, 'KEY_INVALID', `${formatPath(keyPath)} must be a PEM public key (${(error as Error).message})`),
          );
        }
      }
    }
  } else {
    authority.certificate.chain.forEach((file, j) => {
      const certPath = [...at, 'certificate', 'chain', j];
      const pathErrors = checkPath(source, certPath, file, base, 'file');
      errors.push(...pathErrors);
      if (pathErrors.length === 0) {
        try {
          new X509Certificate(readFileSync(path.resolve(base.dir, file)));
        } catch (error) {
          errors.push(
            errorAt(
              source,
              certPath,
              'CERTIFICATE_INVALID',
              `${formatPath(certPath)} must be a PEM certificate (${(error as Error).message})`,
            ),
          );
        }
      }
    });
  }
  return errors;
}

/**
 * Errors for `signedBy` names the trust policy does not define for that artifact kind (models,
 * plugins, APIs and the runtime image), each with the nearest known name. Run when the manifest
 * and the trust policy both passed their own checks.
 */
export function crossErrors(source: Source, manifest: AgentManifest, policy: TrustPolicy): LocatedError[] {
  const errors: LocatedError[] = [];
  const check = (kind: 'models' | 'plugins' | 'apis' | 'images', at: DocPath, signedBy: string | undefined): void => {
    if (signedBy === undefined) return;
    const names = (policy[kind]?.authorities ?? []).map((authority) => authority.name);
    if (!names.includes(signedBy)) {
      errors.push(
        errorAt(
          source,
          at,
          'UNKNOWN_AUTHORITY',
          `${formatPath(at)} must name one of the trust policy's ${kind} authorities (got ${describe(signedBy)}; known: ${names.join(', ') || 'none'}${didYouMean(signedBy, names)})`,
        ),
      );
    }
  };
  manifest.models.forEach((model, i) => check('models', ['models', i, 'signedBy'], model.signedBy));
  manifest.plugins.forEach((plugin, i) => check('plugins', ['plugins', i, 'signedBy'], plugin.signedBy));
  manifest.apis.forEach((api, i) => check('apis', ['apis', i, 'signedBy'], api.signedBy));
  check('images', ['runtimeImage', 'signedBy'], manifest.runtimeImage?.signedBy);
  return errors;
}

/** DUPLICATE_NAME at each item whose `name` an earlier item already used. */
function duplicateNames(source: Source, at: DocPath, items: readonly { readonly name: string }[]): LocatedError[] {
  const seen = new Map<string, number>();
  const errors: LocatedError[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.name);
    if (first === undefined) {
      seen.set(item.name, i);
      return;
    }
    const here = [...at, i, 'name'];
    errors.push(
      errorAt(
        source,
        here,
        'DUPLICATE_NAME',
        `${formatPath(here)} must be unique (got ${describe(item.name)}, also ${formatPath([...at, first])})`,
      ),
    );
  });
  return errors;
}

/**
 * A referenced path must be relative, free of `..`, and (when it exists) resolve, through any
 * symlink, to somewhere inside `baseDir`; `kind` says whether it must exist and as what.
 */
function checkPath(source: Source, at: DocPath, rel: string, base: Base, kind: PathKind): LocatedError[] {
  const where = formatPath(at);
  const baseDir = base.dir;
  if (path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel)) {
    return [errorAt(source, at, 'PATH_ABSOLUTE', `${where} must be a path relative to ${base.label} (got ${describe(rel)})`)];
  }
  if (rel.split('/').includes('..')) {
    return [errorAt(source, at, 'PATH_ESCAPE', `${where} must stay inside ${base.label}, without ".." (got ${describe(rel)})`)];
  }
  if (kind === 'lexical') return [];
  const resolved = path.resolve(baseDir, rel);
  const existing = nearestExisting(danglingTarget(resolved) ?? resolved);
  // Symlinks anywhere on the way may point out of the folder: compare real paths.
  if (existing !== undefined && !isInside(realpathSync(existing), realpathSync(baseDir))) {
    return [
      errorAt(source, at, 'SYMLINK_ESCAPE', `${where} must resolve inside ${base.label} (got ${describe(rel)}, a symlink leading out)`),
    ];
  }
  if (!lstatExists(resolved)) {
    if (kind === 'optional') return [];
    return [
      errorAt(
        source,
        at,
        'FILE_MISSING',
        `${where} must name an existing ${kind === 'dir' ? 'folder' : 'file'} (got ${describe(rel)}, not found)`,
      ),
    ];
  }
  const stat = statSync(resolved);
  if (kind === 'file' && !stat.isFile()) {
    return [errorAt(source, at, 'NOT_A_FILE', `${where} must name a file (got ${describe(rel)}, not a regular file)`)];
  }
  if (kind === 'dir' && !stat.isDirectory()) {
    return [errorAt(source, at, 'NOT_A_DIRECTORY', `${where} must name a folder (got ${describe(rel)}, not a folder)`)];
  }
  return [];
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return existsSync(file);
  } catch {
    return false;
  }
}

/**
 * Where a dangling symlink finally points (following a chain of dangling links), so that an
 * escape is caught even before its target exists.
 */
function danglingTarget(file: string): string | undefined {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(current).isSymbolicLink() || existsSync(current)) return hops === 0 ? undefined : current;
    } catch {
      // nothing at `current`: the chain ends here
      return hops === 0 ? undefined : current;
    }
    try {
      current = path.resolve(path.dirname(current), readlinkSync(current));
    } catch {
      return hops === 0 ? undefined : current;
    }
  }
  return current;
}

/** The path itself if it exists, else its nearest existing ancestor. */
function nearestExisting(file: string): string | undefined {
  let current = file;
  for (;;) {
    if (existsSync(current)) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Whether PEM bytes hold a private key (in any encoding node reads), encrypted or not. */
function isPrivateKey(pem: Buffer): boolean {
  if (/-----BEGIN (?:[A-Z]+ )?(?:ENCRYPTED )?PRIVATE KEY-----/.test(pem.toString('latin1'))) return true;
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}
