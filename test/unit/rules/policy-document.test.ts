import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionKeys, parsePolicyDocument } from '../../../src/rules/policy-document.js';
import { iamGlob, show } from '../../../src/rules/values.js';

describe('parsePolicyDocument', () => {
  it.each([
    ['a JSON string with a Statement array', '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'],
    ['an object with a single Statement', { Statement: { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] } }],
  ])('normalises %s to lists', (_, value) => {
    expect(parsePolicyDocument(value)).toEqual({
      kind: 'document',
      statements: [
        {
          effect: 'Allow',
          actions: ['s3:GetObject'],
          notActions: [],
          resources: ['arn:aws:s3:::b/*'],
          notResources: [],
          principals: [],
          hasNotPrincipal: false,
          conditions: {},
        },
      ],
    });
  });
  it('flattens principals and reads condition keys case-insensitively', () => {
    const parsed = parsePolicyDocument({
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['a', 'b'], AWS: '*' }, Condition: { StringEquals: { 'AWS:SourceAccount': '1' } } },
      ],
    });
    if (parsed.kind !== 'document') throw new Error(parsed.kind);
    expect(parsed.statements[0]!.principals).toEqual([
      { type: 'Service', value: 'a' },
      { type: 'Service', value: 'b' },
      { type: 'AWS', value: '*' },
    ]);
    expect([...conditionKeys(parsed.statements[0]!)]).toEqual(['aws:sourceaccount']);
  });
  it.each([
    ['absent', undefined, 'absent'],
    ['unknown', '04da6b54-80e4-46f7-96ec-b56ff0331ba9', 'unknown'],
    ['an unknown Statement', { Statement: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' }, 'unknown'],
    ['secret', '[secret]', 'secret'],
    ['not JSON', 'Statement', 'invalid'],
    ['a JSON array', '[]', 'invalid'],
  ])('classifies %s', (_, value, kind) => {
    expect(parsePolicyDocument(value).kind).toBe(kind);
  });
  it('rejects a document that JSON.stringify built around an Output (its values are placeholders, not ARNs or actions)', () => {
    const placeholder =
      'Calling [toJSON] on an [Output<T>] is not supported.\n\nTo get the value of an Output as a JSON value or JSON string consider either:\n    1: o.apply(v => v.toJSON())\n    2: o.apply(v => JSON.stringify(v))';
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: placeholder, Resource: 'arn:aws:s3:::b/*' }],
    });
    expect(parsePolicyDocument(doc)).toEqual({
      kind: 'invalid',
      reason: 'the policy must not hold Output values serialised by JSON.stringify (use pulumi.jsonStringify)',
    });
    expect(parsePolicyDocument({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: placeholder }] }).kind).toBe('invalid');
  });
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.json()), (value) => {
        expect(['document', 'absent', 'unknown', 'secret', 'invalid']).toContain(parsePolicyDocument(value).kind);
      }),
    );
  });
});

describe('iamGlob', () => {
  it.each([
    ['iam:Put*', 'iam:PutRolePolicy', true],
    ['IAM:put*', 'iam:PutRolePolicy', true],
    ['*', 'anything:At', true],
    ['s3:Get?bject', 's3:GetObject', true],
    ['iam:Put*', 'iam:AttachRolePolicy', false],
    ['s3.Get', 's3xGet', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(iamGlob(pattern, value)).toBe(expected);
  });
  it('matches a pattern of many wildcards from an untrusted plan in linear time', () => {
    const started = performance.now();
    expect(iamGlob(`iam:${'*'.repeat(40)}Z`, 'iam:PutRolePolicyAttachmentsX')).toBe(false);
    expect(iamGlob(`${'*a'.repeat(30)}*b`, 'a'.repeat(2000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
  it('agrees with the reference (regular-expression) semantics', () => {
    const reference = (pattern: string, value: string) =>
      new RegExp(
        `^${pattern
          .split('')
          .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
          .join('')}$`,
        'is',
      ).test(value);
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'b', ':', '*', '?', '.'), maxLength: 8 });
    fc.assert(
      fc.property(text, fc.string({ unit: fc.constantFrom('a', 'A', 'b', ':', '.', 'x'), maxLength: 10 }), (pattern, value) => {
        expect(iamGlob(pattern, value)).toBe(reference(pattern, value));
      }),
    );
  });
});

describe('show', () => {
  it('never renders a secret and cuts long values', () => {
    expect(show('[secret]')).toBe('[secret]');
    expect(show({ a: '[secret]' })).toBe('{"a":"[secret]"}');
    expect(show('x'.repeat(500)).length).toBe(120);
  });
});
