/**
 * `agentfence verify model <dir|file> --signature model.sig (--identity I --issuer U | --key PUB.pem |
 * --certificate-chain ROOT.pem ...)`: one model against its OpenSSF model-signing bundle, mirroring
 * the reference implementation's `verify sigstore|key|certificate`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ExitCode, InputError } from '../../errors.js';
import type { SignerPolicy } from '../../verify/sigstore/types.js';
import type { ArtifactResult } from '../../verify/types.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs } from '../flags.js';
import { findProjectRoot } from '../../manifest/resolve.js';
import { parseWorkers, readPemFile, resolveIgnorePaths } from '../flags.js';
import { paint, progressBar, resultsToSarif, sarifPath, throughputLine } from '../render.js';

const USAGE = `agentfence verify model <dir|file> [--signature model.sig]
    (--identity I --issuer U | --key PUB.pem | --certificate-chain ROOT.pem [--certificate-chain INT.pem])
    [--ignore-paths P ...] [--trusted-root R] [--require-valid-certificate] [--allow-symlinks] [--workers N] [--verbose]
    [--format text|json|sarif] [--quiet]

Verifies the Sigstore bundle (keyless identity, EC public key, or private PKI chain with the root
first), then re-hashes the model and requires an exact match with the signed manifest: every signed
file present and unchanged, no unsigned file (signature-recorded ignore paths, .git*, the signature
itself and --ignore-paths excepted). --signature defaults to model.sig in the model folder.
  --identity-regexp RE   certificate identity as a regular expression (anchored)
  --trusted-root R       trusted_root.json or ClientTrustConfig (default: the public-good root)
  --require-valid-certificate
                         private PKI: the chain must be valid now (default: at the leaf's notBefore,
                         as model_signing does, so a leaf that expired later still verifies)
  --allow-symlinks       follow symlinks that stay inside the model (refused otherwise)
  --workers N            hashing threads (default: available cores)
  --verbose              hashing throughput on stderr
Exit: 0 verified, 1 blocked, 2 bad input.`;

const options = {
  signature: { type: 'string' },
  identity: { type: 'string' },
  'identity-regexp': { type: 'string' },
  issuer: { type: 'string' },
  'identity-provider': { type: 'string' },
  key: { type: 'string' },
  'public-key': { type: 'string' },
  'certificate-chain': { type: 'string', multiple: true },
  'trusted-root': { type: 'string' },
  'trust-config': { type: 'string' },
  'ignore-paths': { type: 'string', multiple: true },
  'allow-symlinks': { type: 'boolean', default: false },
  'require-valid-certificate': { type: 'boolean', default: false },
  workers: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
} as const;

/** Renders a model result on stdout in the context's format; returns the exit code. */
export function renderModelResult(ctx: CommandContext, result: ArtifactResult, schemaVersion: string, file?: string): number {
  const code = result.status === 'blocked' ? ExitCode.BLOCKED : ExitCode.PASS;
  if (ctx.format === 'json') {
    ctx.out(JSON.stringify({ schemaVersion, result }, null, 2));
  } else if (ctx.format === 'sarif') {
    ctx.out(JSON.stringify(resultsToSarif([result], file === undefined ? {} : { file }), null, 2));
  } else {
    const status = result.status.toUpperCase();
    const painted = paint(ctx, result.status === 'blocked' ? 31 : 32, status);
    const digest = result.digests?.['sha256'];
    ctx.out(
      `${painted} model ${result.name}${digest === undefined ? '' : ` ${digest}`}  ${result.reason === undefined ? '' : `${result.reason}: `}${result.message}`,
    );
  }
  return code;
}

/** Builds the signer policy from exactly one of the three verification methods. @throws InputError CLI_USAGE */
async function signerPolicy(ctx: CommandContext, values: Record<string, unknown>): Promise<SignerPolicy> {
  const identity = values['identity'] as string | undefined;
  const identityRegExp = values['identity-regexp'] as string | undefined;
  const issuer = (values['issuer'] ?? values['identity-provider']) as string | undefined;
  const key = (values['key'] ?? values['public-key']) as string | undefined;
  const chain = (values['certificate-chain'] as string[] | undefined) ?? [];
  const trustedRoot = (values['trusted-root'] ?? values['trust-config']) as string | undefined;
  const keyless = identity !== undefined || identityRegExp !== undefined || issuer !== undefined;
  const methods = [keyless, key !== undefined, chain.length > 0].filter(Boolean).length;
  if (methods !== 1)
    throw new InputError('CLI_USAGE', 'give exactly one of --identity/--issuer (keyless), --key PUB.pem, or --certificate-chain ROOT.pem');
  const sigstore = await import('../../verify/sigstore/index.js');
  const trustRoot = () =>
    trustedRoot === undefined ? sigstore.loadPublicGoodRoot() : sigstore.loadTrustRootFile(path.resolve(ctx.cwd, trustedRoot));
  if (keyless) {
    if (issuer === undefined || (identity === undefined) === (identityRegExp === undefined)) {
      throw new InputError('CLI_USAGE', 'keyless verification needs --issuer and exactly one of --identity or --identity-regexp');
    }
    return {
      kind: 'keyless',
      issuer,
      ...(identity === undefined ? {} : { subject: identity }),
      ...(identityRegExp === undefined ? {} : { subjectRegExp: identityRegExp }),
      trustRoot: trustRoot(),
    };
  }
  if (key !== undefined)
    return {
      kind: 'key',
      publicKeyPem: readPemFile(ctx, key, 'public key'),
      ...(trustedRoot === undefined ? {} : { trustRoot: trustRoot() }),
    };
  return { kind: 'certificate', chainPem: chain.map((file) => readPemFile(ctx, file, 'certificate')) };
}

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, options);
    const modelPath = path.resolve(ctx.cwd, onePositional(positionals, 'verify model needs exactly one model path'));
    if (!existsSync(modelPath)) throw new InputError('MODEL_NOT_FOUND', `model path ${modelPath} does not exist`);
    const workers = parseWorkers(values['workers']);
    const policy = await signerPolicy(ctx, values);
    const model = await import('../../verify/model/index.js');
    const signaturePath =
      values['signature'] === undefined ? model.defaultSignaturePath(modelPath) : path.resolve(ctx.cwd, values['signature'] as string);
    const ignorePaths = resolveIgnorePaths(ctx, modelPath, (values['ignore-paths'] as string[] | undefined) ?? []);
    const name = path.basename(modelPath);
    const bar = progressBar(ctx);
    let result: ArtifactResult;
    try {
      const verification = await model.verifyModel({
        path: modelPath,
        signaturePath,
        policy,
        ignorePaths,
        // Paths named on this command line are the operator's own choice (listed in the verdict).
        allowUnsignedIgnorePaths: true,
        ...(values['require-valid-certificate'] === true ? { certificateTime: 'now' as const } : {}),
        allowSymlinks: values['allow-symlinks'] === true,
        ...(workers === undefined ? {} : { workers }),
        ...(bar.onProgress === undefined ? {} : { onProgress: bar.onProgress }),
      });
      bar.done();
      if (values['verbose'] === true) ctx.log(throughputLine(verification.stats));
      result = model.modelResult(name, verification);
    } catch (error) {
      bar.done();
      // Bad input and configuration exit 2; anything that failed to verify is a block (exit 1).
      if (!(error instanceof AgentfenceError) || error.kind === 'input' || error.kind === 'config') throw error;
      result = model.modelBlockedResult(name, error);
    }
    return renderModelResult(ctx, result, 'agentfence.model-verification/v1', sarifPath(ctx.cwd, signaturePath, findProjectRoot(ctx.cwd)));
  },
};
