import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestError, displayPath } from '../../../src/manifest/errors.js';
import type { LocatedError } from '../../../src/manifest/errors.js';

const file = path.resolve('/srv/project/stacks/payments/agent.yaml');
const error: LocatedError = { file, line: 3, col: 5, path: '/tools/0', message: 'must be a string', code: 'TYPE' };

describe('ManifestError', () => {
  it('names the file as it was given when no working directory is passed: the core reads none', () => {
    expect(new ManifestError([error]).message).toContain(`${file}:3:5: must be a string [TYPE]`);
  });

  it('names the file relative to the working directory the caller passes', () => {
    const message = new ManifestError([error], path.resolve('/srv/project')).message;
    expect(message).toContain(`${path.join('stacks', 'payments', 'agent.yaml')}:3:5: must be a string [TYPE]`);
    expect(message).not.toContain('/srv/project/');
  });

  it('keeps a path outside the working directory absolute', () => {
    expect(displayPath(file, path.resolve('/elsewhere'))).toBe(file);
  });
});
