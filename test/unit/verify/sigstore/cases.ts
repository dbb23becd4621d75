/** The happy-path bundles the mutation, fuzz and bench code runs over, with the policy each needs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPublicGoodRoot, loadTrustRootFile, type ArtifactInput, type SignerPolicy } from '../../../../src/verify/sigstore/index.js';

const root = path.resolve(import.meta.dirname, '../../../..');
export const fixtures = path.resolve(root, '../shared/fixtures');
const conformance = path.join(fixtures, 'sigstore-conformance/bundle-verify');
const models = path.join(fixtures, 'model-signing');

const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

export interface HappyCase {
  readonly name: string;
  readonly bundle: Record<string, unknown>;
  readonly artifact: ArtifactInput;
  readonly policy: SignerPolicy;
}

const text = (file: string): string => readFileSync(file, 'utf8');
const optional = (file: string): string | undefined => (existsSync(file) ? text(file).trim() : undefined);

/** Every conformance case that must verify, plus the model-signing key and certificate bundles. */
export function happyCases(): HappyCase[] {
  const conformanceCases = readdirSync(conformance, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.endsWith('_fail'))
    .map((entry): HappyCase => {
      const dir = path.join(conformance, entry.name);
      const rootFile = path.join(dir, 'trusted_root.json');
      const trustRoot = existsSync(rootFile) ? loadTrustRootFile(rootFile) : loadPublicGoodRoot();
      const key = optional(path.join(dir, 'key.pub'));
      const artifactFile = existsSync(path.join(dir, 'artifact')) ? path.join(dir, 'artifact') : path.join(conformance, 'a.txt');
      return {
        name: entry.name,
        bundle: JSON.parse(text(path.join(dir, 'bundle.sigstore.json'))) as Record<string, unknown>,
        artifact: { kind: 'bytes', data: readFileSync(artifactFile) },
        policy:
          key !== undefined
            ? { kind: 'key', publicKeyPem: `${key}\n`, trustRoot }
            : {
                kind: 'keyless',
                subject: optional(path.join(dir, 'identity')) ?? DEFAULT_IDENTITY,
                issuer: optional(path.join(dir, 'issuer')) ?? DEFAULT_ISSUER,
                trustRoot,
              },
      };
    });
  const keyPem = (name: string): string => text(path.join(models, 'keys', name));
  const modelCases: HappyCase[] = ['v1.0.0', 'v1.1.0'].flatMap((version) => [
    {
      name: `model-signing ${version}-elliptic-key`,
      bundle: JSON.parse(text(path.join(models, `${version}-elliptic-key/model.sig`))) as Record<string, unknown>,
      artifact: { kind: 'none' },
      policy: { kind: 'key', publicKeyPem: keyPem('signing-key-pub.pem') },
    },
    {
      name: `model-signing ${version}-certificate`,
      bundle: JSON.parse(text(path.join(models, `${version}-certificate/model.sig`))) as Record<string, unknown>,
      artifact: { kind: 'none' },
      policy: { kind: 'certificate', chainPem: [keyPem('ca-cert.pem'), keyPem('int-ca-cert.pem')] },
    },
  ]);
  return [...conformanceCases, ...modelCases].sort((a, b) => a.name.localeCompare(b.name));
}
