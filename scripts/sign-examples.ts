/**
 * Regenerates every example signature of the example stacks, so an edited example can be re-signed:
 *
 *   npm run build && node dist/scripts/sign-examples.js [--keys DIR]
 *
 * - models (`stacks/<agent>/models/<m>/model.sig`): OpenSSF model signing v1.0, key acme-ml-release;
 * - APIs (`stacks/<agent>/apis/<name>.sigstore.json`): in-toto statement over the descriptor's sha256,
 *   key acme-api-governance (what `agentfence sign api --key` writes);
 * - plugins (`stacks/<agent>/attestations/@acme/<name>@<version>.json`): a real tarball made with
 *   `npm pack` in a temporary folder (kept beside it as `<name>@<version>.tgz`: the SBOM reads its
 *   package.json for licence and supplier, after checking its sha512), the registry signature and
 *   publish attestation by acme-registry, and a keyless SLSA provenance from a local mock Sigstore
 *   (@sigstore/mock: Fulcio with GitHub Actions claims for https://github.com/acme/<name>, Rekor,
 *   TSA) whose trusted root is written to `stacks/roots/acme-sigstore.trusted_root.json`;
 * - runtime images (`stacks/<agent>/images/runtime.sigstore.json`): SLSA provenance over the digest of
 *   the manifest's runtimeImage.ref, key acme-release-engineering (`--only-images` signs just these);
 * - `stacks/payments-tampered/`: a copy of payments with one byte of its model changed and the
 *   payments signatures kept, to show a block.
 *
 * `--renew [--expires YYYY-MM-DD]` first moves every example API descriptor's `expires` (default: the
 * 31st of December two years ahead), so the examples are no time bomb, and after signing regenerates
 * the committed SBOMs (`sbom/<agent>.cdx.json` embeds the verdicts): one command, then review and
 * commit. test/unit/examples-expiry.test.ts fails 90 days before any example descriptor expires.
 *
 * `--skip-models` keeps the committed model signatures (re-signing changes their bytes, as ECDSA is
 * randomised). `--keys DIR` holds `<name>.pk8.pem` private keys (default: `../example-keys` beside the project).
 * Missing keys are generated there, and `stacks/keys/<name>.pub.pem` and the trust policy's registry
 * key are updated to match.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';
import { parseDocument } from 'yaml';
import { findProjectRoot } from '../src/manifest/resolve.js';
import { buildApiStatement, IN_TOTO_PAYLOAD_TYPE, parseApiDescriptor } from '../src/verify/api/index.js';
import { signModel } from '../src/verify/model/index.js';
import { integrityOf, npmKeyId, PUBLISH_PREDICATE, sha512HexOfIntegrity, toNpmPurl, vendoredFile } from '../src/verify/npm/index.js';
import { signDsse } from '../src/verify/sigstore/index.js';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const REKOR_URL = 'https://rekor.acme.example';
const KEY_NAMES = ['acme-api-governance', 'acme-registry', 'acme-ml-release', 'acme-release-engineering'] as const;
type KeyName = (typeof KEY_NAMES)[number];

interface Plugin {
  readonly stack: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
}

const PLUGINS: readonly Plugin[] = [
  {
    stack: 'payments',
    name: '@acme/ledger-mcp',
    version: '2.1.3',
    description: 'MCP server: read-only ledger queries and payment batch drafts',
  },
  { stack: 'support-triage', name: '@acme/helpdesk-mcp', version: '3.0.2', description: 'MCP server: read and label helpdesk tickets' },
];

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function loadKeys(dir: string, root: string, only: readonly KeyName[] = KEY_NAMES): Record<KeyName, KeyObject> {
  mkdirSync(dir, { recursive: true });
  const keys = {} as Record<KeyName, KeyObject>;
  for (const name of only) {
    const file = path.join(dir, `${name}.pk8.pem`);
    if (!existsSync(file)) {
      log(`generating ${file}`);
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    }
    keys[name] = createPrivateKey(readFileSync(file, 'utf8'));
    const pub = createPublicKey(keys[name]).export({ format: 'pem', type: 'spki' }).toString();
    const pubFile = path.join(root, 'stacks/keys', `${name}.pub.pem`);
    if (!existsSync(pubFile) || readFileSync(pubFile, 'utf8') !== pub) {
      log(`updating ${path.relative(root, pubFile)}`);
      writeFileSync(pubFile, pub);
    }
  }
  return keys;
}

const pem = (key: KeyObject): string => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A local mock Sigstore (Fulcio, Rekor, TSA) on 127.0.0.1, and the trusted root that verifies it. */
async function startMockSigstore(): Promise<{
  urls: { fulcio: string; rekor: string; tsa: string };
  trustedRoot: object;
  close(): Promise<void>;
}> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog);
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('mock Sigstore did not bind');
  const base = `http://127.0.0.1:${address.port}`;
  // The checkpoint names its log by the trusted root's tlog baseUrl, not where the mock listens.
  const tlog = await initializeTLog(REKOR_URL, keyPair);
  const tsa = await initializeTSA(keyPair);
  // A live whole-second TSA clock: @sigstore/core refuses GeneralizedTime with 1-2 fractional digits,
  // and a clock fixed at start-up stamps plugins signed more than a second later before their
  // Fulcio certificate's notBefore (it made this script fail on a loaded machine). Rounded up, the
  // time is never before a certificate issued just earlier.
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.ceil(Date.now() / 1000) * 1000);
  const handlers = [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)];
  server.on('request', (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const handler = handlers.find((h) => request.method === 'POST' && request.url === h.path);
      if (handler === undefined) {
        response.writeHead(404).end();
        return;
      }
      void handler.fn(Buffer.concat(chunks).toString('utf8')).then((result) => {
        response.writeHead(result.statusCode, { 'Content-Type': result.contentType ?? 'text/plain' });
        response.end(result.response);
      });
    });
  });
  const start = new Date(Date.now() - 60_000).toISOString();
  const spki = (raw: Buffer) => ({ rawBytes: raw.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } });
  const logId = (raw: Buffer) => ({ keyId: createHash('sha256').update(raw).digest('base64') });
  const chain = (certs: ArrayBufferView[]) => ({
    certificates: certs.map((c) => ({ rawBytes: Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('base64') })),
  });
  const ctlogKey = Buffer.from(keyPair.publicKey.export({ format: 'der', type: 'spki' }));
  const tlogKey = Buffer.from(tlog.publicKey);
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [{ baseUrl: REKOR_URL, hashAlgorithm: 'SHA2_256', publicKey: spki(tlogKey), logId: logId(tlogKey) }],
    certificateAuthorities: [
      {
        subject: { organization: 'acme', commonName: 'acme mock fulcio' },
        uri: 'https://fulcio.acme.example',
        certChain: chain([ca.rootCertificate]),
        validFor: { start },
      },
    ],
    ctlogs: [{ baseUrl: 'https://ctfe.acme.example', hashAlgorithm: 'SHA2_256', publicKey: spki(ctlogKey), logId: logId(ctlogKey) }],
    timestampAuthorities: [
      {
        subject: { organization: 'acme', commonName: 'acme mock tsa' },
        uri: 'https://tsa.acme.example',
        certChain: chain([tsa.intCertificate, tsa.rootCertificate]),
        validFor: { start },
      },
    ],
  };
  return {
    urls: { fulcio: base, rekor: base, tsa: `${base}/api/v1/timestamp` },
    trustedRoot,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An unsigned JWT with GitHub Actions claims: the mock Fulcio decodes it without verifying. */
function githubToken(repo: string, ref: string, sha: string): string {
  const b64u = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const workflow = `${repo}/.github/workflows/release.yml@${ref}`;
  return `${b64u({ alg: 'none', typ: 'JWT' })}.${b64u({
    iss: GITHUB_ISSUER,
    sub: `https://github.com/${workflow}`,
    aud: 'sigstore',
    repository: repo,
    repository_owner: repo.split('/')[0],
    ref,
    sha,
    workflow: 'release',
    workflow_ref: workflow,
    job_workflow_ref: workflow,
    runner_environment: 'github-hosted',
    event_name: 'push',
  })}.`;
}

/** `npm pack` of a tiny generated package; answers the tarball bytes. */
function packPlugin(plugin: Plugin): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-plugin-'));
  try {
    const short = plugin.name.split('/').at(-1)!;
    writeFileSync(
      path.join(dir, 'package.json'),
      json({
        name: plugin.name,
        version: plugin.version,
        description: plugin.description,
        license: 'Apache-2.0',
        type: 'module',
        main: 'index.js',
        repository: { type: 'git', url: `git+https://github.com/acme/${short}.git` },
      }),
    );
    writeFileSync(path.join(dir, 'index.js'), `// ${plugin.description}\nexport const name = ${JSON.stringify(plugin.name)};\n`);
    writeFileSync(path.join(dir, 'README.md'), `# ${plugin.name}\n\n${plugin.description}.\n`);
    const out = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string }[];
    return readFileSync(path.join(dir, out[0]!.filename));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function signPlugin(
  root: string,
  plugin: Plugin,
  registryKey: KeyObject,
  mock: Awaited<ReturnType<typeof startMockSigstore>>,
): Promise<void> {
  const tarball = packPlugin(plugin);
  const integrity = integrityOf(tarball);
  const keyid = npmKeyId(createPublicKey(registryKey));
  const subject = [{ name: toNpmPurl(plugin.name, plugin.version), digest: { sha512: sha512HexOfIntegrity(integrity) } }];
  const repo = `acme/${plugin.name.split('/').at(-1)!}`;
  const ref = `refs/tags/v${plugin.version}`;
  const sha = createHash('sha1').update(`${repo}@${plugin.version}`).digest('hex');
  const provenance = {
    _type: 'https://in-toto.io/Statement/v1',
    subject,
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
        externalParameters: { workflow: { ref, repository: `https://github.com/${repo}`, path: '.github/workflows/release.yml' } },
        internalParameters: { github: { event_name: 'push', repository_id: '100200300', repository_owner_id: '100200' } },
        resolvedDependencies: [{ uri: `git+https://github.com/${repo}@${ref}`, digest: { gitCommit: sha } }],
      },
      runDetails: {
        builder: { id: 'https://github.com/actions/runner/github-hosted' },
        metadata: { invocationId: `https://github.com/${repo}/actions/runs/4242/attempts/1` },
      },
    },
  };
  const provenanceBundle = await signDsse(Buffer.from(JSON.stringify(provenance)), IN_TOTO_PAYLOAD_TYPE, {
    kind: 'keyless',
    identityToken: githubToken(repo, ref, sha),
    fulcioURL: mock.urls.fulcio,
    rekorURL: mock.urls.rekor,
    tsaURL: mock.urls.tsa,
    rekorEntryType: 'intoto',
  });
  const publish = {
    _type: 'https://in-toto.io/Statement/v0.1',
    subject,
    predicateType: PUBLISH_PREDICATE,
    predicate: { name: plugin.name, version: plugin.version, registry: 'https://registry.acme.example/' },
  };
  const publishBundle = await signDsse(Buffer.from(JSON.stringify(publish)), IN_TOTO_PAYLOAD_TYPE, {
    kind: 'key',
    privateKeyPem: pem(registryKey),
    keyHint: keyid,
  });
  const signature = sign('sha256', Buffer.from(`${plugin.name}@${plugin.version}:${integrity}`), registryKey).toString('base64');
  const dir = path.join(root, 'stacks', plugin.stack, 'attestations');
  const file = vendoredFile(dir, plugin.name, plugin.version);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const old of readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${plugin.name.split('/').at(-1)!}@`)))
    rmSync(path.join(path.dirname(file), old));
  writeFileSync(
    file,
    json({
      name: plugin.name,
      version: plugin.version,
      integrity,
      publishedAt: new Date().toISOString(),
      signatures: [{ keyid, sig: signature }],
      attestations: {
        attestations: [
          { predicateType: PUBLISH_PREDICATE, bundle: publishBundle },
          { predicateType: 'https://slsa.dev/provenance/v1', bundle: provenanceBundle },
        ],
      },
    }),
  );
  writeFileSync(file.replace(/\.json$/, '.tgz'), tarball);
  log(`signed plugin ${plugin.name}@${plugin.version} -> ${path.relative(root, file)}`);
}

/** Rewrites the trust policy's registry key and acme-sigstore root entries, keeping comments. */
function updateTrustPolicy(root: string, registryKey: KeyObject): void {
  const file = path.join(root, 'stacks/trust-policy.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const roots = doc.get('trustedRoots') as { items: { get(k: string): unknown }[] } | undefined;
  if (!roots?.items.some((item) => item.get('name') === 'acme-sigstore')) {
    doc.addIn(['trustedRoots'], doc.createNode({ name: 'acme-sigstore', source: { path: 'roots/acme-sigstore.trusted_root.json' } }));
  }
  const publicKey = createPublicKey(registryKey);
  doc.setIn(
    ['plugins', 'registryKeys'],
    doc.createNode([
      {
        keyid: npmKeyId(publicKey),
        key: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        keytype: 'ecdsa-sha2-nistp256',
        scheme: 'ecdsa-sha2-nistp256',
        expires: null,
      },
    ]),
  );
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

async function signApis(root: string, key: KeyObject): Promise<void> {
  for (const stack of ['payments', 'support-triage']) {
    const dir = path.join(root, 'stacks', stack, 'apis');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.sigstore.json'))) {
      const bytes = readFileSync(path.join(dir, file));
      const statement = buildApiStatement(bytes, parseApiDescriptor(bytes, file), file);
      const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), IN_TOTO_PAYLOAD_TYPE, { kind: 'key', privateKeyPem: pem(key) });
      const out = path.join(dir, file.replace(/\.json$/, '.sigstore.json'));
      writeFileSync(out, json(bundle));
      log(`signed API ${path.relative(root, path.join(dir, file))} -> ${path.relative(root, out)}`);
    }
  }
}

async function signModels(root: string, key: KeyObject): Promise<void> {
  for (const stack of ['payments', 'support-triage']) {
    const modelsDir = path.join(root, 'stacks', stack, 'models');
    for (const model of readdirSync(modelsDir)) {
      const signed = await signModel({ path: path.join(modelsDir, model), signer: { kind: 'key', privateKeyPem: pem(key) } });
      log(`signed model ${path.relative(root, path.join(modelsDir, model))} -> ${path.relative(root, signed.signaturePath)}`);
    }
  }
}

/**
 * The runtime image's provenance (`stacks/<agent>/images/runtime.sigstore.json`): a SLSA provenance
 * statement whose subject is the digest of the manifest's `runtimeImage.ref`, key
 * acme-release-engineering (the shape `cosign attest --new-bundle-format --key` writes).
 */
async function signImages(root: string, key: KeyObject): Promise<void> {
  for (const stack of ['payments', 'support-triage']) {
    const manifest = parseDocument(readFileSync(path.join(root, 'stacks', stack, 'agent.yaml'), 'utf8')).toJS() as {
      runtimeImage?: { ref: string };
    };
    const ref = manifest.runtimeImage?.ref;
    if (ref === undefined) continue;
    const [repository, digest] = ref.split('@sha256:') as [string, string];
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: repository, digest: { sha256: digest } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://acme.example/container-build/v1',
          externalParameters: { repository: `https://github.com/acme/${stack}-agent`, ref: 'refs/tags/v1.0.0' },
          resolvedDependencies: [],
        },
        runDetails: { builder: { id: 'https://acme.example/release-engineering/builder' }, metadata: { invocationId: `${stack}-v1.0.0` } },
      },
    };
    const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), IN_TOTO_PAYLOAD_TYPE, { kind: 'key', privateKeyPem: pem(key) });
    const out = path.join(root, 'stacks', stack, 'images', 'runtime.sigstore.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, json(bundle));
    log(`signed image ${ref} -> ${path.relative(root, out)}`);
  }
}

/** stacks/payments-tampered: payments with one model byte flipped and the payments signatures kept. */
function makeTampered(root: string): void {
  const from = path.join(root, 'stacks/payments');
  const to = path.join(root, 'stacks/payments-tampered');
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const weights = path.join(to, 'models/fraud-scorer/model.safetensors');
  const bytes = readFileSync(weights);
  const at = bytes.length - 1;
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(weights, bytes);
  const manifest = path.join(to, 'agent.yaml');
  writeFileSync(
    manifest,
    `# A copy of the payments agent whose fraud-scorer weights differ from what acme-ml-release signed
# (the last byte of model.safetensors is flipped; model.sig is payments'). \`agentfence verify\` blocks it.
${readFileSync(manifest, 'utf8').replace(/^name: payments$/m, 'name: payments-tampered')}`,
  );
  log(`made ${path.relative(root, to)} (model byte ${at} flipped)`);
}

/** Sets `expires` of every example API descriptor, keeping the rest of each file byte for byte. */
function renewDescriptors(root: string, expires: string): void {
  for (const stack of ['payments', 'support-triage']) {
    const dir = path.join(root, 'stacks', stack, 'apis');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.sigstore.json'))) {
      const target = path.join(dir, file);
      const text = readFileSync(target, 'utf8');
      const renewed = text.replace(/("expires"\s*:\s*)"[^"]*"/, `$1"${expires}"`);
      if (renewed === text && !text.includes(`"${expires}"`))
        throw new Error(`${path.relative(root, target)} must have an "expires" field to renew`);
      writeFileSync(target, renewed);
      log(`renewed ${path.relative(root, target)}: expires ${expires}`);
    }
  }
}

/** The committed SBOMs embed each artifact's verdict: rebuilt with the CLI after re-signing. */
function regenerateSboms(root: string): void {
  const cli = path.join(root, 'bin/agentfence.js');
  for (const agent of ['payments', 'support-triage']) {
    execFileSync(process.execPath, [cli, 'sbom', agent, '-o', `sbom/${agent}.cdx.json`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    log(`regenerated sbom/${agent}.cdx.json`);
  }
}

function defaultExpiry(now: Date): string {
  return `${now.getUTCFullYear() + 2}-12-31T00:00:00Z`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      keys: { type: 'string' },
      'skip-models': { type: 'boolean', default: false },
      renew: { type: 'boolean', default: false },
      expires: { type: 'string' },
      'only-images': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const root = findProjectRoot(process.cwd());
  if (values.expires !== undefined && !values.renew) throw new Error('--expires needs --renew');
  if (values.renew) {
    const expires = values.expires === undefined ? defaultExpiry(new Date()) : `${values.expires}T00:00:00Z`;
    if (!/^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(expires) || !(Date.parse(expires) > Date.now()))
      throw new Error(`--expires must be a future date YYYY-MM-DD (got ${values.expires})`);
    renewDescriptors(root, expires);
  }
  const keysDir = path.resolve(values.keys ?? path.join(root, '../example-keys'));
  if (values['only-images']) {
    await signImages(root, loadKeys(keysDir, root, ['acme-release-engineering'])['acme-release-engineering']);
    return;
  }
  const keys = loadKeys(keysDir, root);
  await signImages(root, keys['acme-release-engineering']);
  if (!values['skip-models']) await signModels(root, keys['acme-ml-release']);
  await signApis(root, keys['acme-api-governance']);
  const mock = await startMockSigstore();
  try {
    mkdirSync(path.join(root, 'stacks/roots'), { recursive: true });
    writeFileSync(path.join(root, 'stacks/roots/acme-sigstore.trusted_root.json'), json(mock.trustedRoot));
    for (const plugin of PLUGINS) await signPlugin(root, plugin, keys['acme-registry'], mock);
  } finally {
    await mock.close();
  }
  updateTrustPolicy(root, keys['acme-registry']);
  makeTampered(root);
  if (values.renew) regenerateSboms(root);
}

await main();
