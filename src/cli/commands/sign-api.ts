/**
 * `agentfence sign api <descriptor> (--key K | --identity-token T) [--output F]`: validates the
 * descriptor and signs an in-toto statement (subject = the file's sha256, predicate type
 * `https://agentfence.dev/api-descriptor/v1`) into a Sigstore bundle.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Command } from './index.js';
import { onePositional, parseCommandArgs } from '../flags.js';
import { readInputFile } from '../input.js';

const USAGE = `agentfence sign api <descriptor.json> (--key PRIVATE.pem | --identity-token T | keyless) [--output F]
  --key F             sign with a local EC private key (PEM); the bundle carries its hint, no tlog
  --identity-token T  sign keyless (Fulcio + Rekor); defaults to $SIGSTORE_ID_TOKEN
  --fulcio-url, --rekor-url, --tsa-url   a private Sigstore instance (default: public good, no TSA)
  --output F          where to write the bundle (default: <descriptor>.sigstore.json beside it,
                      replacing a .json extension)`;

/** The default bundle path of a descriptor: `apis/x.json` -> `apis/x.sigstore.json`. */
export function defaultApiBundlePath(descriptor: string): string {
  return descriptor.endsWith('.json') ? `${descriptor.slice(0, -'.json'.length)}.sigstore.json` : `${descriptor}.sigstore.json`;
}

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      key: { type: 'string' },
      'identity-token': { type: 'string' },
      'fulcio-url': { type: 'string' },
      'rekor-url': { type: 'string' },
      'tsa-url': { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    const args = positionals.filter((arg) => arg !== 'keyless');
    const descriptorArg = onePositional(args, 'sign api needs exactly one <descriptor>');
    const descriptorFile = path.resolve(ctx.cwd, descriptorArg);
    const bytes = readInputFile(ctx.cwd, descriptorArg, 'descriptor');
    const { buildApiStatement, parseApiDescriptor, IN_TOTO_PAYLOAD_TYPE } = await import('../../verify/api/index.js');
    const { signDsse } = await import('../../verify/sigstore/index.js');
    const descriptor = parseApiDescriptor(bytes, descriptorArg);
    // A signature over an expired descriptor is a bundle every verifier refuses: say so now.
    const expires = Date.parse(descriptor.expires);
    if (!(expires > Date.now())) {
      throw new InputError(
        'DESCRIPTOR_EXPIRED',
        `descriptor ${args[0]} must not be expired to be signed (got expires ${descriptor.expires}); re-review the API and set a future "expires"`,
      );
    }
    const keyFile = values['key'];
    const token = typeof values['identity-token'] === 'string' ? values['identity-token'] : ctx.env['SIGSTORE_ID_TOKEN'];
    let signer: Parameters<typeof signDsse>[2];
    if (typeof keyFile === 'string') {
      signer = { kind: 'key', privateKeyPem: readInputFile(ctx.cwd, keyFile, '--key').toString('utf8') };
    } else if (token !== undefined && token !== '') {
      signer = {
        kind: 'keyless',
        identityToken: token,
        ...(typeof values['fulcio-url'] === 'string' ? { fulcioURL: values['fulcio-url'] } : {}),
        ...(typeof values['rekor-url'] === 'string' ? { rekorURL: values['rekor-url'] } : {}),
        ...(typeof values['tsa-url'] === 'string' ? { tsaURL: values['tsa-url'] } : {}),
      };
    } else {
      throw new InputError(
        'CLI_USAGE',
        'sign api needs --key PRIVATE.pem, or an OIDC token (--identity-token or SIGSTORE_ID_TOKEN) to sign keyless',
      );
    }
    const output = path.resolve(ctx.cwd, typeof values['output'] === 'string' ? values['output'] : defaultApiBundlePath(descriptorArg));
    if (output === descriptorFile) throw new InputError('CLI_USAGE', '--output must not be the descriptor itself');
    const statement = buildApiStatement(bytes, descriptor, descriptorFile);
    const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), IN_TOTO_PAYLOAD_TYPE, signer);
    writeFileSync(output, `${JSON.stringify(bundle, null, 2)}\n`);
    if (ctx.format === 'json')
      ctx.out(
        JSON.stringify({ descriptor: path.relative(ctx.cwd, descriptorFile), bundle: path.relative(ctx.cwd, output), statement }, null, 2),
      );
    else ctx.out(`signed ${path.relative(ctx.cwd, descriptorFile)} -> ${path.relative(ctx.cwd, output)}`);
    return 0;
  },
};
