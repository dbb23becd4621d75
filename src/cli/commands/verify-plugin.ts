/**
 * `agentfence verify plugin --tarball PKG.tgz --attestations ATT.json`: one npm package outside a
 * stack: tarball integrity, publish attestation (public npm keys from the pinned TUF seeds, plus
 * `--registry-keys`), and SLSA provenance from the given source repository / identity.
 */
import { AgentfenceError, InputError } from '../../errors.js';
import type { ArtifactResult } from '../../verify/types.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { authorityFromFlags, parseCommandArgs, readFlagFile } from '../flags.js';
import { findProjectRoot } from '../../manifest/resolve.js';
import { printResults, sarifPath } from '../render.js';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

const USAGE = `agentfence verify plugin --tarball PKG.tgz --attestations ATT.json [--name N --version V]
    [--source-repository URL] [--identity I | --identity-regexp R] [--issuer U]
    [--trusted-root trusted_root.json] [--registry-keys KEYS.json] [--no-provenance]
  --attestations       the registry's attestations response ({"attestations":[...]})
  --source-repository  require the provenance certificate's source repository (exact)
  --issuer             OIDC issuer of the provenance signer (default: GitHub Actions)
  --registry-keys      extra registry keys ({"keys":[{keyid, key, expires}]}, the /-/npm/v1/keys shape)
Without --source-repository or --identity any workflow of the issuer is accepted (printed as a warning).
Exit: 0 verified, 1 blocked, 2 bad input.`;

async function run(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      tarball: { type: 'string' },
      attestations: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      'source-repository': { type: 'string' },
      identity: { type: 'string' },
      'identity-regexp': { type: 'string' },
      issuer: { type: 'string' },
      'trusted-root': { type: 'string' },
      'registry-keys': { type: 'string' },
      'no-provenance': { type: 'boolean', default: false },
    },
    false,
  );
  if (typeof values['tarball'] !== 'string' || typeof values['attestations'] !== 'string') {
    throw new InputError('CLI_USAGE', 'verify plugin needs --tarball PKG.tgz and --attestations ATT.json');
  }
  if ((values['name'] === undefined) !== (values['version'] === undefined))
    throw new InputError('CLI_USAGE', 'give --name and --version together');
  const npm = await import('../../verify/npm/index.js');
  const { loadPublicGoodRoot } = await import('../../verify/sigstore/index.js');
  const { toReason } = await import('../../verify/reason.js');
  const tarball = readFlagFile(ctx.cwd, values['tarball'], '--tarball');
  const { name, version } =
    typeof values['name'] === 'string' && typeof values['version'] === 'string'
      ? { name: values['name'], version: values['version'] }
      : npm.readTarballManifest(tarball);
  npm.assertNpmName(name);
  let attestations: unknown;
  try {
    attestations = JSON.parse(readFlagFile(ctx.cwd, values['attestations'], '--attestations').toString('utf8'));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('ATTESTATIONS_INVALID', `--attestations ${values['attestations']} must be JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let extraKeys: never[] = [];
  if (typeof values['registry-keys'] === 'string') {
    const json = JSON.parse(readFlagFile(ctx.cwd, values['registry-keys'], '--registry-keys').toString('utf8')) as { keys?: never[] };
    if (!Array.isArray(json.keys)) throw new InputError('CLI_USAGE', '--registry-keys must be {"keys":[{keyid, key, expires}]}');
    extraKeys = json.keys;
  }
  const authority = await authorityFromFlags(ctx.cwd, values, { defaultIssuer: GITHUB_ISSUER });
  if (values['source-repository'] === undefined && values['identity'] === undefined && values['identity-regexp'] === undefined) {
    ctx.log(`warning: no --source-repository or --identity given: any ${String(values['issuer'] ?? GITHUB_ISSUER)} identity is accepted`);
  }
  const integrity = npm.integrityOf(tarball);
  let result: ArtifactResult;
  try {
    const verified = npm.verifyNpmPackage(
      { name, version, integrity, tarball, attestations, source: values['attestations'] },
      {
        keys: npm.buildRegistryKeyRing(extraKeys),
        authorities: [authority],
        requireProvenance: values['no-provenance'] !== true,
        // Without --source-repository the operator accepted any repository (warned above).
        sourceRepository: typeof values['source-repository'] === 'string' ? { repository: values['source-repository'] } : 'any',
        publicGood: () => loadPublicGoodRoot(),
      },
    );
    const p = verified.provenance;
    result = {
      kind: 'plugin',
      name,
      version,
      status: 'verified',
      message: [
        p ? `provenance by ${p.signer.identity}${p.sourceRepository ? ` from ${p.sourceRepository}` : ''}` : 'no provenance (not required)',
        verified.publish ? `publish attestation by ${verified.publish.keyid}` : undefined,
      ]
        .filter(Boolean)
        .join('; '),
      ...(p ? { signer: p.signer } : {}),
      digests: { sha512: verified.sha512 },
      tlogIndexes: [...(p?.tlogIndexes ?? []), ...(verified.publish?.tlogIndexes ?? [])],
      timestamps: [...(p?.timestamps ?? []), ...(verified.publish?.timestamps ?? [])],
      details: {
        purl: npm.toNpmPurl(name, version),
        integrity,
        ...(p ? { provenance: { predicateType: p.predicateType, sourceRepository: p.sourceRepository ?? null } } : {}),
      },
    };
  } catch (error) {
    if (error instanceof AgentfenceError && (error.kind === 'input' || error.kind === 'config')) throw error;
    result = { kind: 'plugin', name, version, status: 'blocked', reason: toReason(error), message: (error as Error).message };
  }
  return printResults(ctx, [result], result, { file: sarifPath(ctx.cwd, values['tarball'], findProjectRoot(ctx.cwd)) });
}

export const command: Command = { usage: USAGE, run };
