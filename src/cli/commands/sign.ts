/** `agentfence sign model <dir> | sign api <descriptor>`: dispatches to the artifact's signer. */
import { InputError } from '../../errors.js';
import type { Command } from './index.js';

const SUBCOMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  model: async () => (await import('./sign-model.js')).command,
  api: async () => (await import('./sign-api.js')).command,
};

export const command: Command = {
  subcommands: SUBCOMMANDS,
  usage: `agentfence sign model <dir|file> (--key PRIVATE.pem | keyless) ...   OpenSSF model signing v1.0 (model.sig)
agentfence sign api <descriptor.json> (--key PRIVATE.pem | --identity-token T | keyless) [--output F]
  --key F             sign with a local EC private key (PEM); the bundle carries its hint, no tlog
  --identity-token T  sign keyless (Fulcio + Rekor); defaults to $SIGSTORE_ID_TOKEN
  --fulcio-url, --rekor-url, --tsa-url   a private Sigstore instance (default: public good, no TSA)
  --output F          bundle path (default: apis/x.json -> apis/x.sigstore.json)`,
  async run(ctx, argv) {
    const [first, ...rest] = argv;
    const sub = first !== undefined && Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
    if (sub === undefined) throw new InputError('CLI_USAGE', `sign needs "model" or "api" (got ${JSON.stringify(first ?? '')})`);
    return (await sub()).run(ctx, rest);
  },
};
