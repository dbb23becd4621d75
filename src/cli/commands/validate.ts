/**
 * `agentfence validate <agent|manifest|trust-policy>`: schema and semantic checks of a manifest and
 * the trust policy beside its stack folder, or of a trust policy given directly. Exit 0 valid, 2 not.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { assertNever, ExitCode } from '../../errors.js';
import {
  displayPath,
  formatLocatedError,
  resolveAgent,
  validateManifest,
  validateTrustPolicy,
  type ValidationResult,
} from '../../manifest/index.js';
import { findProjectRoot } from '../../manifest/resolve.js';
import { packageVersion } from '../../version.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs } from '../flags.js';
import { GATE_DESCRIPTORS, MANIFEST_DESCRIPTORS, manifestRuleId, toSarif } from '../sarif.js';

const usage = `usage: agentfence validate <agent|manifest|trust-policy> [--format text|json|sarif] [--quiet]

Checks an agent manifest (schema, semantics, and the signers it names against the trust policy
beside its stack folder) or a trust-policy file given directly (a file named trust-policy.*).
<agent> is a name under stacks/, a stack folder, or a manifest file (YAML or JSON).
Exit codes: 0 valid, 2 invalid or bad usage.
`;

/** A file named `trust-policy*.yaml|yml|json` is validated as a trust policy. */
const TRUST_POLICY_FILE = /^trust-policy[^/]*\.(ya?ml|json)$/i;

export const command: Command = {
  usage,
  async run(ctx, argv) {
    const { positionals } = parseCommandArgs(argv, {});
    const ref = onePositional(positionals, 'validate takes exactly one <agent|manifest|trust-policy>');
    const asPath = path.resolve(ctx.cwd, ref);
    let result: ValidationResult;
    let agent: string | undefined;
    if (existsSync(asPath) && statSync(asPath).isFile() && TRUST_POLICY_FILE.test(path.basename(asPath))) {
      result = validateTrustPolicy(asPath);
    } else {
      const location = resolveAgent(ref, ctx.cwd);
      agent = location.name;
      const hasPolicy = existsSync(location.trustPolicyFile);
      if (!hasPolicy) {
        ctx.log(`note: no trust policy at ${displayPath(location.trustPolicyFile, ctx.cwd)}; signedBy names were not checked`);
      }
      result = validateManifest(location.manifestFile, hasPolicy ? { trustPolicyFile: location.trustPolicyFile } : {});
      // The tools' Cedar (generated policies, raw conditions, authorization tests) on a manifest that is otherwise valid.
      if (result.valid && result.manifest !== undefined) {
        const { cedarManifestErrors } = await import('../../cedar/manifest-errors.js');
        const errors = cedarManifestErrors(result.manifest);
        if (errors.length > 0) result = { ...result, valid: false, errors };
      }
      // A stack's names, as the gate checks them: the manifest name is its folder's, its stack config exists.
      if (result.valid && result.manifest !== undefined) {
        const { isStackFolder, stackNameErrors } = await import('../../manifest/names.js');
        if (isStackFolder(location)) {
          const { ManifestLocator } = await import('../locations.js');
          const nameAt = new ManifestLocator(location.manifestFile, location.projectRoot, result.manifest.manifest).at(['name']);
          const errors = stackNameErrors(location, result.manifest.manifest.name, { line: nameAt.startLine, col: nameAt.startColumn ?? 1 });
          if (errors.length > 0) result = { ...result, valid: false, errors };
        }
      }
    }
    render(ctx, result, agent);
    return result.valid ? ExitCode.PASS : ExitCode.BAD_INPUT;
  },
};

function render(ctx: CommandContext, result: ValidationResult, agent: string | undefined): void {
  const files = result.files.map((file) => displayPath(file, ctx.cwd));
  switch (ctx.format) {
    case 'json':
      ctx.out(
        JSON.stringify({
          schemaVersion: 'agentfence.validate/v1',
          valid: result.valid,
          files,
          errors: result.errors.map((error) => ({
            file: displayPath(error.file, ctx.cwd),
            line: error.line,
            col: error.col,
            path: error.path,
            message: error.message,
            code: error.code,
          })),
        }),
      );
      return;
    case 'sarif': {
      const root = findProjectRoot(ctx.cwd);
      const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
      ctx.out(
        JSON.stringify(
          toSarif({
            command: 'validate',
            ...(agent === undefined ? {} : { agent }),
            version: packageVersion(),
            exitCode: result.valid ? ExitCode.PASS : ExitCode.BAD_INPUT,
            rules: [...MANIFEST_DESCRIPTORS, ...GATE_DESCRIPTORS.filter((d) => d.id === 'stack-config-present')],
            findings: result.errors.map((error) => ({
              ruleId: manifestRuleId(error.code),
              level: 'error' as const,
              message: `${error.path === '' ? '' : `${error.path}: `}${error.message} [${error.code}]`,
              location: { file: relative(error.file), startLine: error.line, startColumn: error.col },
              identity: [relative(error.file), error.path, error.code].join('\u0000'),
              properties: { code: error.code, ...(error.path === '' ? {} : { path: error.path }) },
            })),
          }),
          null,
          2,
        ),
      );
      return;
    }
    case 'text':
      if (result.valid) {
        ctx.out(`valid: ${files.join(', ')}`);
        return;
      }
      // Errors are diagnostics: one per line on stderr, even with --quiet.
      for (const error of result.errors) ctx.stderr.write(`${formatLocatedError(error, ctx.cwd)}\n`);
      ctx.stderr.write(`invalid: ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'} in ${files.join(', ')}\n`);
      return;
    default:
      assertNever(ctx.format, '--format');
  }
}
