/**
 * `agentfence keygen [--name N] [--out DIR]`: an ECDSA P-256 signing key pair. The public half goes
 * where the trust policy expects it (the `key.publicKey` of the authority named N, else
 * stacks/keys/<N>.pub.pem); the private half goes to DIR (default .agentfence/keys/, which git
 * ignores), mode 0600. Nothing is overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../../errors.js';
import type { Command } from './index.js';
import { parseCommandArgs } from '../flags.js';

const USAGE = `agentfence keygen [--name N] [--out DIR] [--format text|json]

Makes an ECDSA P-256 signing key pair for \`agentfence sign model|api --key\`.
  --name N    the trust-policy authority the key is for (default: signing). The public key is written
              where that authority's key.publicKey points (stacks/trust-policy.yaml), else to
              stacks/keys/<N>.pub.pem, ready for a \`key: {publicKey: keys/<N>.pub.pem}\` entry.
  --out DIR   where the PRIVATE key goes (default: .agentfence/keys/, ignored by git): <N>.key.pem,
              mode 0600. Keep it out of the repository; CI signs with a secret or keyless instead.
Existing files are never overwritten. Exit: 0 written, 2 bad input or a file already exists.`;

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The `key.publicKey` the trust policy gives authority `name` (any artifact kind), if any. */
function expectedPublicKey(trustPolicyFile: string, name: string): string | undefined {
  if (!existsSync(trustPolicyFile)) return undefined;
  let doc: unknown;
  try {
    doc = parse(readFileSync(trustPolicyFile, 'utf8'));
  } catch {
    return undefined;
  }
  for (const kind of ['models', 'plugins', 'apis', 'images']) {
    const authorities = (doc as Record<string, { authorities?: unknown } | undefined> | null)?.[kind]?.authorities;
    if (!Array.isArray(authorities)) continue;
    for (const authority of authorities as ({ name?: unknown; key?: { publicKey?: unknown } } | null | undefined)[]) {
      if (authority?.name === name && typeof authority.key?.publicKey === 'string') return authority.key.publicKey;
    }
  }
  return undefined;
}

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { name: { type: 'string', short: 'n' }, out: { type: 'string' } });
    if (positionals.length > 0)
      throw new InputError('CLI_USAGE', `keygen takes no positional argument (got ${JSON.stringify(positionals.join(' '))})`);
    const name = typeof values['name'] === 'string' ? values['name'] : 'signing';
    if (!NAME.test(name))
      throw new InputError('CLI_USAGE', `--name must be lowercase letters, digits and dashes (got ${JSON.stringify(name)})`);
    const { findProjectRoot } = await import('../../manifest/resolve.js');
    const root = findProjectRoot(ctx.cwd);
    const stacks = path.join(root, 'stacks');
    const expected = expectedPublicKey(path.join(stacks, 'trust-policy.yaml'), name);
    const publicFile = path.resolve(stacks, expected ?? path.join('keys', `${name}.pub.pem`));
    const relativeToStacks = path.relative(stacks, publicFile);
    if (relativeToStacks.startsWith('..') || path.isAbsolute(relativeToStacks)) {
      throw new InputError(
        'OUTPUT_PATH_REFUSED',
        `the trust policy's key for ${name} must be inside stacks/ (got ${JSON.stringify(expected)})`,
      );
    }
    const privateDir = typeof values['out'] === 'string' ? path.resolve(ctx.cwd, values['out']) : path.join(root, '.agentfence', 'keys');
    const privateFile = path.join(privateDir, `${name}.key.pem`);
    if (privateDir === path.dirname(publicFile) || privateDir.startsWith(`${stacks}${path.sep}`) || privateDir === stacks) {
      throw new InputError(
        'OUTPUT_PATH_REFUSED',
        `--out must not be inside stacks/ (got ${path.relative(ctx.cwd, privateDir) || '.'}): the private key would be committed beside the trust policy`,
      );
    }
    for (const file of [publicFile, privateFile]) {
      if (existsSync(file))
        throw new InputError(
          'FILE_EXISTS',
          `${path.relative(ctx.cwd, file)} must not exist yet (got an existing file); keygen never overwrites a key`,
        );
    }
    const { publicKey, privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'prime256v1',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    mkdirSync(privateDir, { recursive: true, mode: 0o700 });
    writeFileSync(privateFile, privateKey, { mode: 0o600, flag: 'wx' });
    mkdirSync(path.dirname(publicFile), { recursive: true });
    writeFileSync(publicFile, publicKey, { flag: 'wx' });
    const shownPublic = path.relative(ctx.cwd, publicFile);
    const shownPrivate = path.relative(ctx.cwd, privateFile);
    const policyPath = relativeToStacks.split(path.sep).join('/');
    if (ctx.format === 'json') {
      ctx.out(
        JSON.stringify({ name, publicKey: shownPublic, privateKey: shownPrivate, trustPolicyEntry: expected !== undefined }, null, 2),
      );
    } else {
      ctx.out(`wrote ${shownPublic} (public, commit it) and ${shownPrivate} (private, mode 0600, never commit it)`);
      if (expected === undefined)
        ctx.log(
          `next: add to stacks/trust-policy.yaml under models|apis.authorities:\n  - name: ${name}\n    key:\n      publicKey: ${policyPath}`,
        );
      else ctx.log(`the trust policy's authority ${name} already points at ${policyPath}; sign with --key ${shownPrivate}`);
    }
    return 0;
  },
};
