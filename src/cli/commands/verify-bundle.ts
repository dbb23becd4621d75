import { InputError } from '../../errors.js';
import type { Command } from '../commands.js';

/** Placeholder until its issue lands: refuses with exit 2 rather than pretending to pass. */
export const command: Command = {
  usage: 'agentfence verify-bundle (not implemented yet)',
  async run() {
    throw new InputError('NOT_IMPLEMENTED', 'agentfence verify-bundle is not implemented yet');
  },
};
