import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateManifest } from '../../../src/manifest/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'agentfence-tools-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Doc = Record<string, any>;

/** Validates a copy of the payments stack whose manifest `edit` changed. */
function codesAfter(edit: (doc: Doc) => void): string[] {
  const dir = mkdtempSync(path.join(work, 'stack-'));
  cpSync(path.join(root, 'stacks/payments'), dir, { recursive: true });
  const file = path.join(dir, 'agent.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as Doc;
  edit(doc);
  writeFileSync(file, stringify(doc));
  return validateManifest(file).errors.map((error) => error.code);
}

const transfer = (doc: Doc): Doc => doc['tools'][2];

describe('tool interfaces', () => {
  describe('when the payments manifest is unchanged', () => {
    it('is valid', () => {
      expect(codesAfter(() => undefined)).toEqual([]);
    });
  });

  describe.each<[string, (doc: Doc) => void, string]>([
    [
      'a Lambda target in another account',
      (doc) => (transfer(doc).mcp.target.lambda = 'arn:aws:lambda:eu-west-1:999988887777:function:x'),
      'TARGET_FOREIGN',
    ],
    [
      'a Lambda target in another region',
      (doc) => (transfer(doc).mcp.target.lambda = 'arn:aws:lambda:us-east-1:111122223333:function:x'),
      'TARGET_FOREIGN',
    ],
    [
      'an OpenAPI target of an undeclared API',
      (doc) => (transfer(doc).mcp.target = { openApi: { api: 'nope', operation: 'createTransfer' } }),
      'TARGET_UNDECLARED',
    ],
    ['an MCP server of an undeclared plugin', (doc) => (doc['tools'][0].mcp.target.mcpServer.plugin = '@evil/mcp'), 'TARGET_UNDECLARED'],
    ['two tools with one MCP name on one target', (doc) => (doc['tools'][1].mcp = { ...doc['tools'][0].mcp }), 'TOOL_NAME_REPEATED'],
    ['a required field that is not a property', (doc) => transfer(doc).mcp.inputSchema.required.push('iban'), 'FIELD_UNKNOWN'],
    ['an enum on an integer field', (doc) => (transfer(doc).mcp.inputSchema.properties.amount.enum = ['1']), 'FIELD_TYPE'],
    ['an array field without items', (doc) => (transfer(doc).mcp.inputSchema.properties.tags = { type: 'array' }), 'FIELD_TYPE'],
    ['a limit on a string field', (doc) => (transfer(doc).conditions.limits = { currency: { max: 3 } }), 'FIELD_TYPE'],
    ['a limit on an unknown field', (doc) => (transfer(doc).conditions.limits = { fee: { max: 3 } }), 'FIELD_UNKNOWN'],
    ['allowed values of an integer field', (doc) => (transfer(doc).conditions.allowedValues = { amount: ['1'] }), 'FIELD_TYPE'],
    ['a required condition field that is not a property', (doc) => (transfer(doc).conditions.requiredFields = ['memo']), 'FIELD_UNKNOWN'],
    ['min above max', (doc) => (transfer(doc).conditions.limits = { amount: { min: 10, max: 1 } }), 'LIMITS_EMPTY'],
    [
      'conditions on a tool without an mcp interface',
      (doc) => {
        delete transfer(doc).mcp;
        doc['authorizationTests'] = [];
      },
      'CONDITIONS_WITHOUT_MCP',
    ],
    ['a test of a tool the gateway does not expose', (doc) => (doc['authorizationTests'][0].tool = 'read-ledger-v2'), 'TEST_TOOL_UNKNOWN'],
    ['a tool name with a hyphen', (doc) => (transfer(doc).mcp.toolName = 'initiate-transfer'), 'SCHEMA_PATTERN'],
    ['an http MCP endpoint', (doc) => (doc['tools'][0].mcp.target.mcpServer.endpoint = 'http://ledger.example/mcp'), 'SCHEMA_PATTERN'],
    ['a target with two kinds', (doc) => (transfer(doc).mcp.target.openApi = { api: 'payments-gateway', operation: 'x' }), 'SCHEMA_ONE_OF'],
  ])('when the manifest has %s', (_name, edit, code) => {
    it(`is refused with ${code}`, () => {
      expect(codesAfter(edit)).toContain(code);
    });
  });
});
