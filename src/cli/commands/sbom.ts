import { InputError } from '../../errors.js';
import type { Command } from '../commands.js';

/** Placeholder until its issue lands: refuses with exit 2 rather than pretending to pass. */
export const command: Command = {
  usage: 'agentfence sbom (not implemented yet)',
  async run() {
    throw new InputError('NOT_IMPLEMENTED', 'agentfence sbom is not implemented yet');
  },
};
