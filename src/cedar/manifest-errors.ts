/**
 * The manifest's Cedar, checked: generation, engine validation, the two analyses and the
 * authorization tests, each problem as a located manifest error (file:line:col) pointing at the
 * node it comes from (the raw `when`/`unless`, the tool's conditions, the failing test).
 */
import { isAgentfenceError } from '../errors.js';
import type { LocatedError } from '../manifest/errors.js';
import { errorAt, readSource, type DocPath, type Source } from '../manifest/source.js';
import type { LoadedManifest } from '../manifest/types.js';
import { analyzeGatewayCedar, buildGatewayCedar, validateGatewayCedar, type CedarProblem, type GatewayCedar } from './gateway.js';
import { runAuthorizationTests } from './tests.js';

const CODE: Readonly<Record<CedarProblem['kind'], string>> = Object.freeze({
  parse: 'CEDAR_SYNTAX',
  validation: 'CEDAR_TYPE',
  'overly-permissive': 'CEDAR_OVERLY_PERMISSIVE',
  unsatisfiable: 'CEDAR_UNSATISFIABLE',
});

function locateProblem(source: Source, cedar: GatewayCedar, problem: CedarProblem): LocatedError {
  const policy = cedar.policies.find((candidate) => candidate.id === problem.policyId);
  const { offset } = problem;
  const raw =
    offset === undefined ? undefined : policy?.raw.find((origin) => offset >= origin.offset && offset <= origin.offset + origin.length + 2);
  if (raw !== undefined && offset !== undefined) {
    const at: DocPath = ['tools', raw.toolIndex, 'conditions', raw.field];
    return errorAt(
      source,
      at,
      CODE[problem.kind],
      `tools[${raw.toolIndex}].conditions.${raw.field} must be valid Cedar for the generated schema: ${problem.message} (at character ${offset - raw.offset + 1} of the expression)`,
    );
  }
  const entry = cedar.tools.find((tool) => tool.tool.name === policy?.tool);
  const at: DocPath =
    entry === undefined
      ? ['tools']
      : entry.tool.conditions !== undefined
        ? ['tools', entry.index, 'conditions']
        : ['tools', entry.index, 'mcp'];
  const where = policy === undefined ? 'the generated Cedar' : `policy ${policy.id}`;
  const lead =
    problem.kind === 'parse' || problem.kind === 'validation'
      ? `${where} must validate against the generated schema`
      : `${where} must constrain its tool`;
  return errorAt(
    source,
    at,
    CODE[problem.kind],
    `${lead}: ${problem.message}${problem.line !== undefined ? ` (policy line ${problem.line}, column ${problem.col})` : ''}`,
  );
}

/** Cedar errors of a loaded (schema- and semantics-valid) manifest; empty when all is well. */
export function cedarManifestErrors(loaded: LoadedManifest): LocatedError[] {
  const source = readSource(loaded.file);
  const m = loaded.manifest;
  let cedar: GatewayCedar;
  try {
    cedar = buildGatewayCedar(m, { paused: false });
  } catch (error) {
    if (isAgentfenceError(error)) return [errorAt(source, ['tools'], error.code, error.message)];
    throw error;
  }
  if (cedar.tools.length === 0) return [];
  const problems = validateGatewayCedar(cedar);
  const errors = problems.map((problem) => locateProblem(source, cedar, problem));
  if (problems.length > 0) return errors;
  errors.push(...analyzeGatewayCedar(cedar).map((problem) => locateProblem(source, cedar, problem)));
  for (const result of runAuthorizationTests(m, cedar)) {
    if (result.passed) continue;
    const why = [
      result.got.policies.length > 0 ? `decided by ${result.got.policies.join(', ')}` : 'no policy applied',
      ...result.got.errors,
    ].join('; ');
    errors.push(
      errorAt(
        source,
        ['authorizationTests', result.index, 'expect'],
        'AUTHZ_TEST_FAILED',
        `authorizationTests[${result.index}] (${result.name}) must be ${result.expected} (got ${result.got.decision}: ${why})`,
      ),
    );
  }
  return errors;
}
