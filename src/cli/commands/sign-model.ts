/**
 * `agentfence sign model <dir|file> (--key K.pem | --identity-token T)`: writes an OpenSSF model
 * signature (v1.0 statement in a Sigstore bundle) that the reference implementation accepts.
 */
import path from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import { present } from '../../invariant.js';
import type { KeylessSigner, KeySigner } from '../../verify/sigstore/types.js';
import type { CertificateSigner } from '../../verify/model/types.js';
import type { Command } from './index.js';
import { onePositional, parseCommandArgs } from '../flags.js';
import { parseWorkers, readPemFile, resolveIgnorePaths } from '../flags.js';
import { progressBar, throughputLine } from '../render.js';

const USAGE = `agentfence sign model <dir|file> (--key K.pem [--certificate C.pem [--chain CH.pem ...]] | --identity-token T [--fulcio-url U] [--rekor-url U] [--tsa-url U])
    [--ignore-paths P ...] [--signature OUT] [--method files|shards] [--shard-size N]
    [--hash sha256|blake2b] [--allow-symlinks] [--no-ignore-git-paths] [--workers N] [--verbose]

Hashes the model and signs the manifest. --signature defaults to model.sig in the model folder (beside
a single-file model); a signature inside the model ignores itself. .git, .gitattributes, .github and
.gitignore are left out unless --no-ignore-git-paths. Ignore paths are recorded in the signature.
  --key K.pem            EC private key (P-256, P-384 or P-521); the bundle carries its key hint
  --certificate C.pem    private-PKI signing: the leaf certificate of --key; the bundle carries it
  --chain CH.pem         with --certificate: intermediates (and optionally the root), repeatable
  --identity-token T     OIDC token for keyless signing (default: $SIGSTORE_ID_TOKEN, else the
                         GitHub Actions OIDC token when the workflow has id-token: write)
  --method shards        one resource per --shard-size bytes (default 1000000000) of each file
Exit: 0 signed, 2 bad input.`;

const options = {
  key: { type: 'string' },
  certificate: { type: 'string' },
  chain: { type: 'string', multiple: true },
  'identity-token': { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'tsa-url': { type: 'string' },
  'ignore-paths': { type: 'string', multiple: true },
  signature: { type: 'string' },
  method: { type: 'string', default: 'files' },
  'shard-size': { type: 'string' },
  hash: { type: 'string', default: 'sha256' },
  'allow-symlinks': { type: 'boolean', default: false },
  'no-ignore-git-paths': { type: 'boolean', default: false },
  workers: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
} as const;

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, options);
    const modelPath = path.resolve(ctx.cwd, onePositional(positionals, 'sign model needs exactly one model path'));
    const method = values['method'];
    if (method !== 'files' && method !== 'shards')
      throw new InputError('CLI_USAGE', `--method must be files or shards (got ${JSON.stringify(method)})`);
    const hash = values['hash'];
    if (hash !== 'sha256' && hash !== 'blake2b')
      throw new InputError('CLI_USAGE', `--hash must be sha256 or blake2b (got ${JSON.stringify(hash)})`);
    const shardText = values['shard-size'] as string | undefined;
    if (shardText !== undefined && (method !== 'shards' || !/^\d+$/.test(shardText))) {
      throw new InputError('CLI_USAGE', `--shard-size needs --method shards and a positive integer (got ${JSON.stringify(shardText)})`);
    }
    const workers = parseWorkers(values['workers']);

    const keyFile = values['key'] as string | undefined;
    let token =
      (values['identity-token'] as string | undefined) ?? (keyFile === undefined ? ctx.env['SIGSTORE_ID_TOKEN'] || undefined : undefined);
    if (keyFile !== undefined && token !== undefined)
      throw new InputError('CLI_USAGE', 'give either --key K.pem or --identity-token T, not both');
    if (keyFile === undefined && token === undefined) {
      // In GitHub Actions with `id-token: write`, the workflow's own OIDC token signs keyless.
      if (ctx.env['ACTIONS_ID_TOKEN_REQUEST_URL'] === undefined)
        throw new InputError('CLI_USAGE', 'give --key K.pem or --identity-token T (or SIGSTORE_ID_TOKEN, or run in CI with an OIDC token)');
      const { CIContextProvider } = await import('@sigstore/sign');
      token = await new CIContextProvider('sigstore').getToken().catch((error: unknown) => {
        throw new InputError('IDENTITY_TOKEN_UNAVAILABLE', `cannot get the CI OIDC token for keyless signing (${String(error)})`);
      });
    }
    const certificateFile = values['certificate'] as string | undefined;
    const chainFiles = (values['chain'] as string[] | undefined) ?? [];
    if (certificateFile !== undefined && keyFile === undefined)
      throw new InputError('CLI_USAGE', '--certificate needs --key, the private key of that certificate');
    if (chainFiles.length > 0 && certificateFile === undefined) throw new InputError('CLI_USAGE', '--chain needs --certificate');
    const signer: KeySigner | KeylessSigner | CertificateSigner =
      keyFile !== undefined && certificateFile !== undefined
        ? {
            kind: 'certificate',
            privateKeyPem: readPemFile(ctx, keyFile, 'private key'),
            certificatePem: readPemFile(ctx, certificateFile, 'certificate'),
            chainPem: chainFiles.map((file) => readPemFile(ctx, file, 'certificate chain')),
          }
        : keyFile !== undefined
          ? { kind: 'key', privateKeyPem: readPemFile(ctx, keyFile, 'private key') }
          : {
              kind: 'keyless',
              identityToken: present(token, 'the keyless identity token'),
              ...(values['fulcio-url'] === undefined ? {} : { fulcioURL: values['fulcio-url'] as string }),
              ...(values['rekor-url'] === undefined ? {} : { rekorURL: values['rekor-url'] as string }),
              ...(values['tsa-url'] === undefined ? {} : { tsaURL: values['tsa-url'] as string }),
            };

    const model = await import('../../verify/model/index.js');
    const bar = progressBar(ctx);
    let signed;
    try {
      signed = await model.signModel({
        path: modelPath,
        signer,
        ignorePaths: resolveIgnorePaths(ctx, modelPath, (values['ignore-paths'] as string[] | undefined) ?? []),
        ...(values['signature'] === undefined ? {} : { outputPath: path.resolve(ctx.cwd, values['signature'] as string) }),
        method,
        hashType: hash,
        ...(shardText === undefined ? {} : { shardSize: Number(shardText) }),
        allowSymlinks: values['allow-symlinks'] === true,
        ignoreGitPaths: values['no-ignore-git-paths'] !== true,
        ...(workers === undefined ? {} : { workers }),
        ...(bar.onProgress === undefined ? {} : { onProgress: bar.onProgress }),
      });
    } finally {
      bar.done();
    }
    if (values['verbose'] === true) ctx.log(throughputLine(signed.stats));
    const summary = {
      schemaVersion: 'agentfence.model-signature/v1',
      model: signed.manifest.modelName,
      path: modelPath,
      signature: signed.signaturePath,
      rootDigest: `sha256:${signed.rootDigest}`,
      serialization: signed.manifest.serialization,
      files: signed.stats.files,
      resources: signed.manifest.resources.length,
    };
    if (ctx.format === 'json') ctx.out(JSON.stringify(summary, null, 2));
    else
      ctx.out(
        `SIGNED model ${summary.model} ${summary.rootDigest} (${summary.files} files, ${summary.resources} resources) -> ${path.relative(ctx.cwd, summary.signature) || summary.signature}`,
      );
    return ExitCode.PASS;
  },
};
