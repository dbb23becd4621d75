/**
 * `agentfence sbom <agent> [-o F|-] [--spec 1.6|1.7] [--check] [--no-timestamp] [--online] [--vcs-base URL] [--verification run|file|none]`
 * and `agentfence sbom diff <old> <new> [--format text|json] [--fail-on SEVERITY]`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ExitCode, InputError } from '../../errors.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs, toFormat } from '../flags.js';

const USAGE = `usage: agentfence sbom <agent> [-o FILE|-] [--spec 1.6|1.7] [--check] [--no-timestamp] [--online] [--vcs-base URL] [--verification run|file|none]
       agentfence sbom diff <old.cdx.json> <new.cdx.json> [--format text|json] [--fail-on critical|high|medium|low|info]

Writes the agent's CycloneDX ML-BOM (models, plugins, APIs as services, data stores, verification
evidence) to sbom/<agent>.cdx.json under the project root, validated before it is written.
  -o, --output FILE     where to write it ('-' for stdout)
  --spec V              CycloneDX version: 1.6 (default) or 1.7
  --check               compare with the committed file instead of writing (reusing its timestamp):
                        exit 1 when stale
  metadata.timestamp is SOURCE_DATE_EPOCH when set (reproducible), else now;
  --no-timestamp        leave it out (the SBOM then misses an NTIA minimum element)
  --online              read plugin licence and author from the registry in npm's configuration
                        (default: the package.json inside the vendored tarball), and verify online
  --vcs-base URL        VCS base that project files resolve against (also --repository-url); default:
                        GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/ when all are set, else
                        package.json repository + /blob/HEAD/, else paths stay relative (the SBOM says so);
                        --check rebuilds against the base the committed file records
  --verification M      run: verify in-process (default); file: use a fresh .agentfence/<agent>/verification.json;
                        none: mark every artifact not-verified
diff compares two CycloneDX 1.6/1.7 JSON documents and flags what a reviewer must see; --fail-on
exits 1 when a flag at or above that severity is present.`;

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;

export const command: Command = {
  usage: USAGE,
  async run(ctx, argv) {
    if (argv[0] === 'diff') return runDiff(ctx, argv.slice(1));
    return runGenerate(ctx, argv);
  },
};

async function runGenerate(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    output: { type: 'string', short: 'o' },
    spec: { type: 'string', default: '1.6' },
    check: { type: 'boolean', default: false },
    timestamp: { type: 'boolean', default: false },
    'no-timestamp': { type: 'boolean', default: false },
    online: { type: 'boolean', default: false },
    'vcs-base': { type: 'string' },
    'repository-url': { type: 'string' },
    verification: { type: 'string', default: 'run' },
  });
  const format = toFormat(values['format'], ['text', 'json']);
  const agentRef = onePositional(positionals, 'sbom takes exactly one <agent>');
  const mode = values['verification'];
  if (mode !== 'run' && mode !== 'file' && mode !== 'none') {
    throw new InputError('CLI_USAGE', `--verification must be one of run|file|none (got ${JSON.stringify(mode)})`);
  }
  if (values['check'] === true && (values['timestamp'] === true || values['no-timestamp'] === true)) {
    throw new InputError('CLI_USAGE', '--check reuses the committed timestamp and cannot be combined with --timestamp or --no-timestamp');
  }
  if (values['timestamp'] === true && values['no-timestamp'] === true) {
    throw new InputError('CLI_USAGE', '--timestamp and --no-timestamp cannot be combined');
  }
  const sbom = await import('../../sbom/index.js');
  const profile = sbom.toSpecProfile(values['spec']);
  const { loadAgent } = await import('../../manifest/index.js');
  const agent = loadAgent(agentRef, ctx.cwd);

  let verification: Awaited<ReturnType<typeof runVerifier>> | undefined;
  let source: 'in-process' | 'file' | 'none' = 'none';
  const online = values['online'] === true;
  if (mode === 'run') {
    verification = await runVerifier(agent, online, ctx.env);
    source = 'in-process';
  } else if (mode === 'file') {
    const { readAgentReport } = await import('../verification.js');
    try {
      verification = readAgentReport(agent);
      source = 'file';
    } catch (error) {
      if (!(error instanceof AgentfenceError) || error.kind !== 'input') throw error;
      ctx.log(`agentfence sbom: ${error.message}; artifacts are marked not-verified`);
    }
  }
  const output = typeof values['output'] === 'string' ? values['output'] : undefined;
  const target =
    output === undefined
      ? path.join(agent.location.projectRoot, 'sbom', `${agent.location.name}.cdx.json`)
      : output === '-'
        ? '-'
        : path.resolve(ctx.cwd, output);
  const shown = target === '-' ? '-' : path.relative(ctx.cwd, target) || target;
  const size = target !== '-' && existsSync(target) && statSync(target).isFile() ? statSync(target).size : undefined;
  // refuse before reading: nothing larger than any SBOM the differ reads can be up to date
  const committed = values['check'] === true && size !== undefined && size <= sbom.MAX_SBOM_BYTES ? readFileSync(target) : undefined;
  const { onlinePackageInfo, repositoryBase } = await import('../sbom-context.js');
  if (typeof values['vcs-base'] === 'string' && typeof values['repository-url'] === 'string') {
    throw new InputError('CLI_USAGE', '--vcs-base and --repository-url (its older name) cannot be combined');
  }
  const given =
    typeof values['vcs-base'] === 'string'
      ? values['vcs-base']
      : typeof values['repository-url'] === 'string'
        ? values['repository-url']
        : undefined;
  const repositoryUrl = await repositoryBase(agent.location.projectRoot, {
    ...(given === undefined ? {} : { given }),
    env: ctx.env,
    check: values['check'] === true,
    ...(committed === undefined ? {} : { committed: committed.toString('utf8') }),
  });
  const packageInfo = online ? await onlinePackageInfo(verification, ctx.env, ctx.log) : undefined;
  const timestamp =
    values['check'] === true
      ? committed === undefined
        ? undefined
        : sbom.committedTimestamp(committed.toString('utf8'))
      : values['no-timestamp'] === true
        ? undefined
        : sbom.sbomTimestamp(ctx.env['SOURCE_DATE_EPOCH'], new Date());
  const built = await sbom.buildAgentSbom(agent, {
    profile,
    verificationSource: source,
    ...(verification === undefined ? {} : { verification }),
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(repositoryUrl === undefined ? {} : { repositoryUrl }),
    ...(packageInfo === undefined ? {} : { packageInfo }),
  });
  const scorecard = sbom.scoreSbom(built.doc);
  const counts = {
    components: ((built.doc['components'] as unknown[] | undefined) ?? []).length,
    services: ((built.doc['services'] as unknown[] | undefined) ?? []).length,
  };

  if (values['check'] === true) {
    if (target === '-') throw new InputError('CLI_USAGE', '--check needs a file to compare with, not -o -');
    const upToDate = committed !== undefined && committed.toString('utf8') === built.json;
    let diff: import('../../sbom/diff.js').SbomDiff | undefined;
    let problem: string | undefined;
    if (size !== undefined && committed === undefined) {
      problem = `${shown} must be at most ${sbom.MAX_SBOM_BYTES} bytes (got ${size})`;
    } else if (committed === undefined) {
      problem = `${shown} does not exist`;
    } else if (!upToDate) {
      try {
        const parsed = await sbom.parseCycloneDx(committed, shown);
        diff = sbom.diffSboms(parsed.doc, built.doc);
      } catch (error) {
        problem = `${shown} is not a valid SBOM (${(error as Error).message.split('\n')[0]})`;
      }
    }
    if (format === 'json') {
      ctx.out(
        JSON.stringify({
          schemaVersion: 'agentfence.sbom-check/v1',
          agent: agent.location.name,
          file: shown,
          specVersion: built.specVersion,
          upToDate,
          ...(problem === undefined ? {} : { problem }),
          ...(diff === undefined ? {} : { diff }),
          scorecard,
        }),
      );
    } else {
      if (upToDate) {
        ctx.out(`${shown} is up to date (CycloneDX ${built.specVersion}, ${counts.components} components, ${counts.services} services)`);
      } else {
        ctx.out(
          `${shown} is stale: regenerate with \`agentfence sbom ${agent.location.name}${profile.version === '1.6' ? '' : ` --spec ${profile.version}`}\` and review the change`,
        );
        if (problem !== undefined) ctx.out(`  ${problem}`);
        if (diff !== undefined) {
          const summary = sbom.renderDiffText(diff).trimEnd();
          ctx.out(summary.replace(/^/gm, '  '));
          if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
            ctx.out('  (components and services are unchanged; metadata, dependencies or formatting differ)');
          }
        }
      }
      // --quiet: the verdict and what is stale, without the minimum-elements scorecard
      if (!ctx.quiet) ctx.out(sbom.renderScorecardText(scorecard).trimEnd());
    }
    return upToDate ? ExitCode.PASS : ExitCode.BLOCKED;
  }

  if (target === '-') {
    ctx.stdout.write(built.json);
    return ExitCode.PASS;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, built.json);
  const line = `wrote ${shown} (CycloneDX ${built.specVersion}, ${counts.components} components, ${counts.services} services, verification: ${source})`;
  if (format === 'json') {
    ctx.out(
      JSON.stringify({
        schemaVersion: 'agentfence.sbom/v1',
        agent: agent.location.name,
        file: shown,
        specVersion: built.specVersion,
        serialNumber: built.doc['serialNumber'],
        ...counts,
        verification: source,
        scorecard,
      }),
    );
  } else {
    ctx.out(line);
    ctx.log(`${sbom.renderScorecardText(scorecard).split('\n')[0]} (agentfence sbom ${agent.location.name} --check lists them)`);
  }
  return ExitCode.PASS;
}

/** Runs the supply-chain verifier in-process (its core, lazily), so the SBOM's verdicts are current. */
async function runVerifier(
  agent: import('../../manifest/index.js').LoadedAgent,
  online: boolean,
  env: Readonly<Record<string, string | undefined>>,
): Promise<import('../../verify/types.js').VerificationReport> {
  const { verifyAgent } = await import('../../verify/agent.js');
  const { configuredRegistry } = await import('../verification.js');
  return verifyAgent(agent, online ? { online, registry: configuredRegistry(env) } : {});
}

async function readSbomFile(file: string, cwd: string): Promise<import('../../sbom/validate.js').ParsedBom> {
  const { MAX_SBOM_BYTES, parseCycloneDx } = await import('../../sbom/index.js');
  const resolved = path.resolve(cwd, file);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) throw new InputError('SBOM_NOT_FOUND', `${file} must be an existing file`);
  const size = statSync(resolved).size;
  // refuse before reading: a huge file is an attack or a mistake, not an SBOM to load into memory
  if (size > MAX_SBOM_BYTES) throw new InputError('SBOM_TOO_LARGE', `${file} must be at most ${MAX_SBOM_BYTES} bytes (got ${size})`);
  return parseCycloneDx(readFileSync(resolved), file);
}

async function runDiff(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { 'fail-on': { type: 'string' } });
  const format = toFormat(values['format'], ['text', 'json']);
  const [oldFile, newFile, ...extra] = positionals;
  if (oldFile === undefined || newFile === undefined || extra.length > 0)
    throw new InputError('CLI_USAGE', `sbom diff takes <old> <new> (got ${positionals.length} files)`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(SEVERITY_ORDER as readonly unknown[]).includes(failOn)) {
    throw new InputError('CLI_USAGE', `--fail-on must be one of ${SEVERITY_ORDER.join('|')} (got ${JSON.stringify(failOn)})`);
  }
  const { diffSboms, renderDiffText } = await import('../../sbom/index.js');
  const before = await readSbomFile(oldFile, ctx.cwd);
  const after = await readSbomFile(newFile, ctx.cwd);
  const diff = diffSboms(before.doc, after.doc);
  if (format === 'json') ctx.out(JSON.stringify(diff));
  else ctx.stdout.write(renderDiffText(diff));
  if (failOn === undefined) return ExitCode.PASS;
  const threshold = SEVERITY_ORDER.indexOf(failOn as (typeof SEVERITY_ORDER)[number]);
  return diff.flags.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= threshold) ? ExitCode.BLOCKED : ExitCode.PASS;
}
