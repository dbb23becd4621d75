import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadManifest } from '../../../src/manifest/index.js';
import { readOpenApiDocuments, runtimeImageOf } from '../../../src/plan/stack.js';

const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'agentfence-openapi-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of support-triage whose read-tickets tool is the helpdesk's getTicket operation. */
function stack(edit: (dir: string) => void = () => undefined) {
  const dir = mkdtempSync(path.join(work, 'stack-'));
  cpSync(path.join(root, 'stacks/support-triage'), dir, { recursive: true });
  const file = path.join(dir, 'agent.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  doc['tools'][0].mcp.target = { openApi: { api: 'helpdesk', operation: 'getTicket' } };
  writeFileSync(file, stringify(doc));
  edit(dir);
  return loadManifest(file);
}

describe('readOpenApiDocuments', () => {
  describe('when the document beside the descriptor has the pinned digest', () => {
    it('answers it by API name', () => {
      const docs = readOpenApiDocuments(stack());
      expect(Object.keys(docs)).toEqual(['helpdesk']);
      expect(docs['helpdesk']).toContain('operationId: getTicket');
    });
  });
  describe('when no tool uses an OpenAPI target', () => {
    it('answers none', () => {
      expect(readOpenApiDocuments(loadManifest(path.join(root, 'stacks/support-triage/agent.yaml')))).toEqual({});
    });
  });
  describe.each<[string, (dir: string) => void, RegExp]>([
    [
      'the document was changed after signing',
      (dir) => writeFileSync(path.join(dir, 'apis/helpdesk.openapi.yaml'), 'openapi: 3.1.0\n'),
      /must have the digest its descriptor pins/,
    ],
    ['the document is missing', (dir) => rmSync(path.join(dir, 'apis/helpdesk.openapi.yaml')), /must sit beside its descriptor/],
  ])('when %s', (_name, edit, message) => {
    it('refuses the stack', () => {
      expect(() => readOpenApiDocuments(stack(edit))).toThrow(message);
    });
  });
});

describe('runtimeImageOf', () => {
  const loaded = loadManifest(path.join(root, 'stacks/payments/agent.yaml'));
  const declared = loaded.manifest.runtimeImage!.ref;
  it.each<[string, string | undefined, string]>([
    ['only the manifest names it', undefined, declared],
    ['the stack config agrees', declared, declared],
  ])('when %s, answers it', (_name, configured, expected) => {
    expect(runtimeImageOf(loaded, configured)).toBe(expected);
  });
  it('refuses a stack config that names another image', () => {
    expect(() => runtimeImageOf(loaded, declared.replace(/@sha256:.*/, `@sha256:${'0'.repeat(64)}`))).toThrow(
      /must equal the manifest's runtimeImage.ref/,
    );
  });
});
