/** `agentfence sign model <dir> | sign api <descriptor>`: dispatches to the artifact's signer. */
import { InputError } from '../../errors.js';
import type { Command } from '../commands.js';

const SUBCOMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  model: async () => (await import('./sign-model.js')).command,
  api: async () => (await import('./sign-api.js')).command,
};

export const command: Command = {
  usage: `agentfence sign model <dir> (--key K | keyless) ...
agentfence sign api <descriptor> (--key K | --identity-token T) [--output F]
Run 'agentfence sign model --help' or 'agentfence sign api --help' for the options.`,
  async run(ctx, argv) {
    const [first, ...rest] = argv;
    const sub = first !== undefined && Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
    if (sub === undefined) throw new InputError('CLI_USAGE', `sign needs "model" or "api" (got ${JSON.stringify(first ?? '')})`);
    return (await sub()).run(ctx, rest);
  },
};
