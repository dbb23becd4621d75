/**
 * `agentfence verify api <descriptor> --signature F (--identity I --issuer U | --key PUB.pem)`: one
 * signed API descriptor outside a stack. Prints the verified hosts.
 */
import { InputError } from '../../errors.js';
import type { Classification } from '../../manifest/types.js';
import type { ArtifactResult } from '../../verify/types.js';
import type { Command } from './index.js';
import { authorityFromFlags, onePositional, parseCommandArgs, readFlagFile } from '../flags.js';
import { findProjectRoot } from '../../manifest/resolve.js';
import { printResults, sarifPath } from '../render.js';

const USAGE = `agentfence verify api <descriptor.json> --signature F (--identity I --issuer U | --identity-regexp R --issuer U | --key PUB.pem)
    [--trusted-root trusted_root.json] [--data-classification C ...]
  --data-classification   classifications the agent will send (each must be allowed by the descriptor)
Exit: 0 verified, 1 blocked, 2 bad input.`;

const CLASSIFICATIONS: readonly Classification[] = ['public', 'internal', 'confidential', 'restricted'];

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      signature: { type: 'string' },
      identity: { type: 'string' },
      'identity-regexp': { type: 'string' },
      issuer: { type: 'string' },
      key: { type: 'string' },
      'trusted-root': { type: 'string' },
      'data-classification': { type: 'string', multiple: true },
    });
    const descriptorFile = onePositional(positionals, 'verify api needs exactly one <descriptor>');
    if (typeof values['signature'] !== 'string') throw new InputError('CLI_USAGE', 'verify api needs --signature F');
    const classes = (values['data-classification'] as string[] | undefined) ?? [];
    for (const c of classes) {
      if (!(CLASSIFICATIONS as readonly string[]).includes(c))
        throw new InputError('CLI_USAGE', `--data-classification must be one of ${CLASSIFICATIONS.join('|')} (got ${c})`);
    }
    const authority = await authorityFromFlags(ctx.cwd, values, { defaultIssuer: undefined });
    const descriptorBytes = readFlagFile(ctx.cwd, descriptorFile, 'descriptor');
    let bundle: unknown;
    try {
      bundle = JSON.parse(readFlagFile(ctx.cwd, values['signature'], 'signature').toString('utf8'));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError('BUNDLE_INVALID', `--signature ${values['signature']} must be JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const { verifyApiDescriptor } = await import('../../verify/api/index.js');
    const { toReason } = await import('../../verify/reason.js');
    const { AgentfenceError } = await import('../../errors.js');
    let result: ArtifactResult;
    try {
      const verified = verifyApiDescriptor({ descriptorBytes, bundle, where: descriptorFile }, [authority], {
        dataClassifications: classes as Classification[],
      });
      result = {
        kind: 'api',
        name: verified.descriptor.name,
        status: 'verified',
        message: `signed by ${verified.bundle.signer.identity}; hosts ${verified.hosts.join(', ')}; expires ${verified.descriptor.expires}`,
        signer: verified.bundle.signer,
        digests: { sha256: verified.sha256 },
        tlogIndexes: verified.bundle.tlogIndexes,
        timestamps: verified.bundle.timestamps,
        details: {
          hosts: verified.hosts,
          baseUrl: verified.descriptor.baseUrl,
          dataClassifications: verified.descriptor.dataClassifications,
        },
      };
    } catch (error) {
      if (error instanceof AgentfenceError && (error.kind === 'input' || error.kind === 'config')) throw error;
      result = { kind: 'api', name: descriptorFile, status: 'blocked', reason: toReason(error), message: (error as Error).message };
    }
    return printResults(ctx, [result], result, { file: sarifPath(ctx.cwd, descriptorFile, findProjectRoot(ctx.cwd)) });
  },
};
