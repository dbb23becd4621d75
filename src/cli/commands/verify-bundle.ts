/**
 * `agentfence verify-bundle`: the sigstore-conformance client protocol.
 *   verify-bundle [--staging] --bundle F (--certificate-identity I --certificate-oidc-issuer U | --key K)
 *                 [--trusted-root R] FILE_OR_sha256:HEX
 * Exit 0 verified, 1 rejected, 2 usage or configuration error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, messageOf, VerificationError } from '../../errors.js';
import { present } from '../../invariant.js';
import {
  loadPublicGoodRoot,
  loadTrustRootFile,
  verifyBundle,
  type ArtifactInput,
  type SignerPolicy,
  type SigstoreVerification,
  type TrustRoot,
} from '../../verify/sigstore/index.js';
import type { Command } from './index.js';
import { MAX_ARTIFACT_BYTES, readInputFile } from '../input.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs } from '../flags.js';

const usage = `agentfence verify-bundle --bundle F (--certificate-identity I | --certificate-identity-regexp RE)
                         --certificate-oidc-issuer U [--trusted-root R] FILE_OR_sha256:HEX
agentfence verify-bundle --bundle F --key K [--trusted-root R] FILE_OR_sha256:HEX

Verifies a Sigstore bundle offline, as sigstore-conformance drives clients.
  --bundle F                       the bundle (.sigstore.json)
  --certificate-identity I         expected certificate identity (SAN), compared exactly
  --certificate-identity-regexp RE expected identity as a regex, anchored at both ends
  --certificate-oidc-issuer U      expected OIDC issuer, compared exactly
  --key K                          PEM public key of a key-signed bundle
  --trusted-root R                 trusted_root.json or ClientTrustConfig (default: the public-good
                                   root pinned in @sigstore/tuf's seeds, never fetched)
  --staging                        accepted for the protocol; requires --trusted-root (offline)
  FILE_OR_sha256:HEX               the artifact, or its sha256 digest (DSSE subject)
Exit: 0 verified, 1 rejected, 2 usage or configuration error.`;

const options = {
  bundle: { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  key: { type: 'string' },
  'trusted-root': { type: 'string' },
  staging: { type: 'boolean', default: false },
} as const;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readInput(ctx: CommandContext, file: string, what: string): Buffer {
  return readInputFile(ctx.cwd, file, what, MAX_ARTIFACT_BYTES);
}

function toArtifact(ctx: CommandContext, spec: string): ArtifactInput {
  const [, hex] = /^sha256:([0-9a-fA-F]{64})$/.exec(spec) ?? [];
  if (hex !== undefined && !existsSync(path.resolve(ctx.cwd, spec))) return { kind: 'digest', algorithm: 'sha256', hex: hex.toLowerCase() };
  return { kind: 'bytes', data: readInput(ctx, spec, 'artifact') };
}

function render(ctx: CommandContext, result: SigstoreVerification): void {
  if (ctx.format === 'json') {
    const { dsse, ...rest } = result;
    ctx.out(JSON.stringify({ verified: true, ...rest, ...(dsse === undefined ? {} : { payloadType: dsse.payloadType }) }, null, 2));
    return;
  }
  const signer = result.signer;
  ctx.out(`OK: verified, signed by ${signer.identity}${signer.issuer === undefined ? '' : ` (${signer.issuer})`}`);
  if (!ctx.quiet) {
    if (result.tlogIndexes.length > 0) ctx.log(`tlog entries: ${result.tlogIndexes.join(', ')}`);
    if (result.timestamps.length > 0) ctx.log(`signed at: ${result.timestamps.join(', ')}`);
    if (result.trustRoot !== undefined) ctx.log(`trusted root: sha256:${result.trustRoot}`);
  }
}

export const command: Command = {
  usage,
  run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, options);
    if (ctx.format === 'sarif') throw new InputError('CLI_USAGE', 'verify-bundle supports --format text|json');
    const bundleFile = str(values['bundle']);
    if (bundleFile === undefined) throw new InputError('CLI_USAGE', '--bundle is required');
    const artifactSpec = onePositional(positionals, 'expected exactly one FILE_OR_sha256:HEX');
    const identity = str(values['certificate-identity']);
    const identityRegExp = str(values['certificate-identity-regexp']);
    const issuer = str(values['certificate-oidc-issuer']);
    const keyFile = str(values['key']);
    const rootFile = str(values['trusted-root']);
    const keyless = identity !== undefined || identityRegExp !== undefined || issuer !== undefined;
    if (keyless === (keyFile !== undefined)) {
      throw new InputError('CLI_USAGE', 'give either --certificate-identity and --certificate-oidc-issuer, or --key');
    }
    if (keyless && (issuer === undefined || (identity === undefined) === (identityRegExp === undefined))) {
      throw new InputError(
        'CLI_USAGE',
        'keyless verification needs --certificate-oidc-issuer and one of --certificate-identity or --certificate-identity-regexp',
      );
    }
    if (identityRegExp !== undefined) {
      try {
        new RegExp(identityRegExp, 'u');
      } catch (error) {
        throw new InputError('CLI_USAGE', `--certificate-identity-regexp is not a valid regular expression: ${messageOf(error)}`);
      }
    }
    if (values['staging'] === true && rootFile === undefined) {
      throw new InputError('CLI_USAGE', '--staging needs --trusted-root: the staging root cannot be fetched offline');
    }
    const trustRoot: TrustRoot = rootFile === undefined ? loadPublicGoodRoot() : loadTrustRootFile(path.resolve(ctx.cwd, rootFile));
    const policy: SignerPolicy =
      keyFile !== undefined
        ? { kind: 'key', publicKeyPem: readInput(ctx, keyFile, 'key').toString('utf8'), trustRoot }
        : {
            kind: 'keyless',
            issuer: present(issuer, 'the checked --certificate-oidc-issuer'),
            ...(identity === undefined ? {} : { subject: identity }),
            ...(identityRegExp === undefined ? {} : { subjectRegExp: identityRegExp }),
            trustRoot,
          };
    const artifact = toArtifact(ctx, artifactSpec);
    const text = readInput(ctx, bundleFile, 'bundle').toString('utf8');
    let bundle: unknown;
    try {
      bundle = JSON.parse(text);
    } catch (error) {
      throw new VerificationError('MALFORMED_BUNDLE', `bundle ${bundleFile} is not JSON: ${messageOf(error)}`, { cause: error });
    }
    render(ctx, verifyBundle(bundle, artifact, policy));
    return Promise.resolve(0);
  },
};
