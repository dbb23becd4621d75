/** Worker thread of {@link VerifierPool}: rebuilds trust roots once, verifies the slices it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { outcomeOf, type BatchItem, type WireItem } from './batch.js';
import { trustRootFromJson } from './trust-root.js';
import type { SignerPolicy, TrustRoot } from './types.js';

const roots = new Map<string, TrustRoot>();
const now =
  typeof (workerData as { now?: unknown } | null | undefined)?.now === 'string' ? new Date((workerData as { now: string }).now) : undefined;

function fromWire(item: WireItem): BatchItem {
  const policy = item.policy;
  const root = (digest: string): TrustRoot => roots.get(digest) ?? trustRootFromJson({}, `unknown root ${digest}`);
  let resolved: SignerPolicy;
  switch (policy.kind) {
    case 'keyless':
      resolved = { ...policy, trustRoot: root(policy.trustRoot) };
      break;
    case 'key': {
      const { trustRoot, ...rest } = policy;
      resolved = trustRoot === undefined ? rest : { ...rest, trustRoot: root(trustRoot) };
      break;
    }
    default:
      resolved = policy;
  }
  return { bundle: item.bundle, artifact: item.artifact, policy: resolved };
}

parentPort?.on('message', (message: { id: number; roots: [string, unknown][]; items: WireItem[] }) => {
  for (const [digest, json] of message.roots) roots.set(digest, trustRootFromJson(json, digest));
  const results = message.items.map((item) => {
    try {
      return outcomeOf(fromWire(item), now);
    } catch (error) {
      return { ok: false as const, kind: 'config' as const, code: 'TRUST_ROOT_INVALID', message: String(error) };
    }
  });
  parentPort?.postMessage({ id: message.id, results });
});
