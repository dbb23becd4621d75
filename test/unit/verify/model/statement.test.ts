import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import {
  buildStatement,
  hashModel,
  LEGACY_DIGESTS_PREDICATE,
  MODEL_SIGNATURE_PREDICATE,
  parseModelStatement,
  rootDigestOf,
} from '../../../../src/verify/model/index.js';
import { fixtureNames, fixtures, statementOf } from './helpers.js';

const digest = (c: string): string => c.repeat(64);

/** A valid v1.0 statement over two resources, to mutate one field at a time. */
function validStatement(): Record<string, any> {
  const resources = [
    { name: 'a', algorithm: 'sha256', digest: digest('1') },
    { name: 'b/c', algorithm: 'sha256', digest: digest('2') },
  ];
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'm', digest: { sha256: rootDigestOf(resources) } }],
    predicateType: MODEL_SIGNATURE_PREDICATE,
    predicate: { serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false }, resources },
  };
}

/** Recomputes the subject so that only the mutated field is wrong. */
function resubject(s: Record<string, any>): Record<string, any> {
  s.subject[0].digest.sha256 = rootDigestOf(s.predicate.resources);
  return s;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AgentfenceError) return error.code;
    throw error;
  }
  return 'PASSED';
}

describe('parseModelStatement', () => {
  describe('when reading the statements signed by the reference implementation', () => {
    it.each(fixtureNames)('%s parses with a consistent root digest', (name) => {
      const manifest = parseModelStatement(statementOf(path.join(fixtures, name, 'model.sig')));
      expect(manifest.predicateType).toBe(MODEL_SIGNATURE_PREDICATE);
      expect(manifest.serialization.method).toBe('files');
      expect(manifest.resources.length).toBeGreaterThan(0);
    });

    it.each(fixtureNames)('%s matches our own hash of the model (same names, digests, root)', async (name) => {
      const manifest = parseModelStatement(statementOf(path.join(fixtures, name, 'model.sig')));
      const single = manifest.resources.length === 1 && manifest.resources[0]!.name === '.';
      const modelPath = single ? path.join(fixtures, name, manifest.modelName) : path.join(fixtures, name);
      const hashed = await hashModel(modelPath, { ignorePaths: [...manifest.serialization.ignorePaths, 'model.sig'] });
      expect(hashed.manifest.resources).toEqual(manifest.resources);
      expect(hashed.rootDigest).toBe(manifest.rootDigest);
      expect(hashed.manifest.modelName).toBe(manifest.modelName);
    });

    it('keeps the recorded ignore paths of v1.1.0 signatures', () => {
      const manifest = parseModelStatement(statementOf(path.join(fixtures, 'v1.1.0-elliptic-key', 'model.sig')));
      expect([...manifest.serialization.ignorePaths].sort()).toEqual([
        '.git',
        '.gitattributes',
        '.github',
        '.gitignore',
        'ignore-me',
        'model.sig',
      ]);
    });
  });

  describe('when a statement is built by buildStatement', () => {
    it('round-trips through parseModelStatement for files and shards', () => {
      for (const serialization of [
        { method: 'files' as const, hashType: 'sha256' as const, allowSymlinks: false, ignorePaths: ['.git', 'model.sig'] },
        { method: 'shards' as const, hashType: 'sha256' as const, shardSize: 8, allowSymlinks: true, ignorePaths: [] },
      ]) {
        const algorithm = serialization.method === 'shards' ? 'sha256-sharded-8' : 'sha256';
        const names = serialization.method === 'shards' ? ['z:0:8', 'a/b:8:16', 'a/b:0:8'] : ['z', 'a.b', 'a/b'];
        const resources = names.map((name, i) => ({ name, algorithm, digest: digest(String(i)) }));
        const { statement, rootDigest } = buildStatement({ modelName: 'm', serialization, resources });
        const parsed = parseModelStatement(JSON.parse(JSON.stringify(statement)));
        expect(parsed.rootDigest).toBe(rootDigest);
        expect(parsed.serialization).toEqual(serialization);
        expect(parsed.resources.map((r) => r.name)).toEqual(
          serialization.method === 'shards' ? ['a/b:0:8', 'a/b:8:16', 'z:0:8'] : ['a/b', 'a.b', 'z'],
        );
      }
    });

    it('lays out the statement as model_signing does', () => {
      const { statement } = buildStatement({
        modelName: 'm',
        serialization: { method: 'shards', hashType: 'sha256', shardSize: 8, allowSymlinks: false, ignorePaths: ['model.sig'] },
        resources: [{ name: 'f:0:8', algorithm: 'sha256-sharded-8', digest: digest('a') }],
      });
      expect(Object.keys(statement)).toEqual(['_type', 'subject', 'predicateType', 'predicate']);
      expect((statement as any).predicate.serialization).toEqual({
        method: 'shards',
        hash_type: 'sha256',
        shard_size: 8,
        allow_symlinks: false,
        ignore_paths: ['model.sig'],
      });
      expect((statement as any).predicate.resources[0]).toEqual({ name: 'f:0:8', algorithm: 'sha256-sharded-8', digest: digest('a') });
    });
  });

  describe('when the statement is legacy Digests/v0.1', () => {
    it('reads one resource per subject', () => {
      const manifest = parseModelStatement({
        _type: 'https://in-toto.io/Statement/v0.1',
        subject: [
          { name: 'b', digest: { sha256: digest('2') } },
          { name: 'a', digest: { sha256: digest('1') } },
        ],
        predicateType: LEGACY_DIGESTS_PREDICATE,
      });
      expect(manifest.resources.map((r) => r.name)).toEqual(['a', 'b']);
      expect(manifest.serialization).toEqual({ method: 'files', hashType: 'sha256', allowSymlinks: false, ignorePaths: [] });
    });
  });

  describe('when the statement is malformed or inconsistent', () => {
    it.each<[string, (s: Record<string, any>) => unknown, string]>([
      ['another predicate type', (s) => ({ ...s, predicateType: 'https://slsa.dev/provenance/v1' }), 'MALFORMED_BUNDLE'],
      ['not an object', () => 'statement', 'MALFORMED_BUNDLE'],
      ['null', () => null, 'MALFORMED_BUNDLE'],
      ['two subjects', (s) => ({ ...s, subject: [s.subject[0], s.subject[0]] }), 'MALFORMED_BUNDLE'],
      ['no subject digest', (s) => ((s.subject[0].digest = {}), s), 'MALFORMED_BUNDLE'],
      ["a subject digest that is not the resources' root", (s) => ((s.subject[0].digest.sha256 = digest('f')), s), 'DIGEST_MISMATCH'],
      ['resources listed out of signed order', (s) => (s.predicate.resources.reverse(), s), 'DIGEST_MISMATCH'],
      ['no serialization', (s) => (delete s.predicate.serialization, s), 'MALFORMED_BUNDLE'],
      ['an unknown method', (s) => ((s.predicate.serialization.method = 'tensors'), s), 'MALFORMED_BUNDLE'],
      ['blake3', (s) => ((s.predicate.serialization.hash_type = 'blake3'), s), 'MALFORMED_BUNDLE'],
      ['allow_symlinks as a string', (s) => ((s.predicate.serialization.allow_symlinks = 'false'), s), 'MALFORMED_BUNDLE'],
      ['shards without shard_size', (s) => ((s.predicate.serialization.method = 'shards'), s), 'MALFORMED_BUNDLE'],
      [
        'a fractional shard_size',
        (s) => ((s.predicate.serialization.method = 'shards'), (s.predicate.serialization.shard_size = 2.5), s),
        'MALFORMED_BUNDLE',
      ],
      [
        "a resource algorithm other than the serialization's",
        (s) => ((s.predicate.resources[0].algorithm = 'md5'), resubject(s)),
        'MALFORMED_BUNDLE',
      ],
      ['a short digest', (s) => ((s.predicate.resources[0].digest = 'abcd'), resubject(s)), 'MALFORMED_BUNDLE'],
      ['a non-hex digest', (s) => ((s.predicate.resources[0].digest = 'x'.repeat(64)), s), 'MALFORMED_BUNDLE'],
      ['a duplicate resource', (s) => ((s.predicate.resources[1].name = 'a'), resubject(s)), 'MALFORMED_BUNDLE'],
      ['a name with ..', (s) => ((s.predicate.resources[0].name = '../etc/passwd'), resubject(s)), 'PATH_REFUSED'],
      ['a name with .. inside', (s) => ((s.predicate.resources[0].name = 'a/../../b'), resubject(s)), 'PATH_REFUSED'],
      ['an absolute name', (s) => ((s.predicate.resources[0].name = '/etc/passwd'), resubject(s)), 'PATH_REFUSED'],
      ['a name with NUL', (s) => ((s.predicate.resources[0].name = 'a\u0000b'), resubject(s)), 'PATH_REFUSED'],
      ['an empty name', (s) => ((s.predicate.resources[0].name = ''), resubject(s)), 'PATH_REFUSED'],
      ['a name with an empty part', (s) => ((s.predicate.resources[0].name = 'a//b'), resubject(s)), 'PATH_REFUSED'],
      ['a shard name without offsets', (s) => shardify(s, 'a'), 'MALFORMED_BUNDLE'],
      ['a shard longer than the shard size', (s) => shardify(s, 'a:0:9'), 'MALFORMED_BUNDLE'],
      ['an empty shard', (s) => shardify(s, 'a:8:8'), 'MALFORMED_BUNDLE'],
      ['a shard off a boundary', (s) => shardify(s, 'a:3:8'), 'MALFORMED_BUNDLE'],
      ['a negative shard offset', (s) => shardify(s, 'a:-8:0'), 'MALFORMED_BUNDLE'],
      ['a shard of a name with ..', (s) => shardify(s, '../a:0:8'), 'PATH_REFUSED'],
      [
        'a legacy subject with ..',
        () => ({ subject: [{ name: '../x', digest: { sha256: digest('1') } }], predicateType: LEGACY_DIGESTS_PREDICATE }),
        'PATH_REFUSED',
      ],
      ['a legacy statement without subjects', () => ({ subject: [], predicateType: LEGACY_DIGESTS_PREDICATE }), 'MALFORMED_BUNDLE'],
    ])('blocks %s', (_label, mutate, code) => {
      expect(codeOf(() => parseModelStatement(mutate(validStatement())))).toBe(code);
    });
  });

  describe('when fed arbitrary JSON', () => {
    it('never passes anything but a consistent statement and never throws an untyped error', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue(),
            fc.record({
              predicateType: fc.constantFrom(MODEL_SIGNATURE_PREDICATE, LEGACY_DIGESTS_PREDICATE),
              subject: fc.jsonValue(),
              predicate: fc.jsonValue(),
            }),
          ),
          (value) => {
            expect(['MALFORMED_BUNDLE', 'DIGEST_MISMATCH', 'PATH_REFUSED']).toContain(codeOf(() => parseModelStatement(value)));
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});

function shardify(s: Record<string, any>, name: string): Record<string, any> {
  s.predicate.serialization.method = 'shards';
  s.predicate.serialization.shard_size = 8;
  s.predicate.resources = [{ name, algorithm: 'sha256-sharded-8', digest: digest('1') }];
  return resubject(s);
}
