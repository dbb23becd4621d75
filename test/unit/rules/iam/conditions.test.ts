/**
 * IAM condition operators as the simulation evaluates them, against AWS's documented semantics:
 * set operators, IfExists, negated operators over an absent key, Null, case rules, and what the
 * evaluator cannot decide (undefined, so "can" never counts an Allow it may not get).
 */
import { describe, expect, it } from 'vitest';
import { conditionsHold } from '../../../../src/rules/iam/simulate.js';
import { parsePolicyDocument, type PolicyStatement } from '../../../../src/rules/policy-document.js';

function statement(condition: Record<string, unknown>): PolicyStatement {
  const parsed = parsePolicyDocument({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }],
  });
  if (parsed.kind !== 'document' || parsed.statements[0] === undefined) throw new Error('bad fixture');
  return parsed.statements[0];
}

type Context = Record<string, string | readonly string[]>;
const ACCOUNT = { 'aws:SourceAccount': '111122223333' };

describe('conditionsHold', () => {
  it.each<[string, Record<string, unknown>, Context, boolean | undefined]>([
    ['StringEquals on an equal value', { StringEquals: ACCOUNT }, { 'aws:SourceAccount': '111122223333' }, true],
    ['StringEquals on another value', { StringEquals: ACCOUNT }, { 'aws:SourceAccount': '999988887777' }, false],
    ['StringEquals on an absent key', { StringEquals: ACCOUNT }, {}, false],
    ['StringEqualsIfExists on an absent key', { StringEqualsIfExists: ACCOUNT }, {}, true],
    ['StringEquals with the key named in another case', { StringEquals: ACCOUNT }, { 'AWS:SOURCEACCOUNT': '111122223333' }, true],
    [
      'StringEquals with one of several values',
      { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } },
      { 'aws:SourceVpc': 'vpc-2' },
      true,
    ],
    ['StringNotEquals on an absent key', { StringNotEquals: ACCOUNT }, {}, true],
    ['StringNotEquals on the named value', { StringNotEquals: ACCOUNT }, { 'aws:SourceAccount': '111122223333' }, false],
    [
      'StringNotEquals on one of several values',
      { StringNotEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } },
      { 'aws:SourceVpc': 'vpc-2' },
      false,
    ],
    [
      'StringLike on a matching value',
      { StringLike: { 'aws:SourceArn': 'arn:aws:sqs:*:111122223333:*' } },
      { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:111122223333:q' },
      true,
    ],
    [
      'StringLike is case-sensitive',
      { StringLike: { 'aws:SourceArn': 'arn:aws:SQS:*' } },
      { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:1:q' },
      false,
    ],
    [
      'StringNotLike on a matching value',
      { StringNotLike: { 'aws:SourceArn': 'arn:aws:sqs:*' } },
      { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:1:q' },
      false,
    ],
    [
      'StringEqualsIgnoreCase',
      { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Payments' } },
      { 'aws:PrincipalTag/team': 'payments' },
      true,
    ],
    [
      'StringNotEqualsIgnoreCase',
      { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Payments' } },
      { 'aws:PrincipalTag/team': 'payments' },
      false,
    ],
    ['ArnEquals', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:1:t' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:1:t' }, true],
    ['ArnNotLike on an absent key', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, {}, true],
    ['Bool on TLS', { Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' }, true],
    ['Bool on an absent key', { Bool: { 'aws:SecureTransport': 'false' } }, {}, false],
    ['Null true on an absent key', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, true],
    ['Null true on a present key', { Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-12-02T00:00:00Z' }, false],
    ['Null false on a present key', { Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2026-12-02T00:00:00Z' }, true],
    ['ForAllValues within the set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['a'] }, true],
    ['ForAllValues outside the set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['a', 'c'] }, false],
    ['ForAllValues on an absent key (holds vacuously)', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, {}, true],
    ['ForAnyValue with one match', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['c', 'a'] }, true],
    ['ForAnyValue with none', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['c'] }, false],
    ['NumericLessThan on an absent key', { NumericLessThan: { 's3:max-keys': '10' } }, {}, false],
    [
      'two operators, one failing',
      { StringEquals: ACCOUNT, Bool: { 'aws:SecureTransport': 'true' } },
      { 'aws:SourceAccount': '111122223333', 'aws:SecureTransport': 'false' },
      false,
    ],
    // What this evaluator does not implement is undecided, never a guess.
    ['IpAddress on a present key', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.1.1.1' }, undefined],
    ['NumericLessThan on a present key', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '5' }, undefined],
    ['an operator IAM does not have', { StringSortOf: ACCOUNT }, { 'aws:SourceAccount': '111122223333' }, undefined],
  ])('%s', (_, condition, context, expected) => {
    expect(conditionsHold(statement(condition), context)).toBe(expected);
  });
});
