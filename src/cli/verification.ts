/**
 * The CLI's side of the verification report: where an agent's report is written and read
 * (`.agentfence/<stack>/verification.json`, one per agent), the registry URL read from npm's
 * configuration, and the rule context's verdict lookup over a report the command already holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedAgent } from '../manifest/load.js';
import type { VerificationLookup } from '../rules/types.js';
import { readVerificationReport, verificationReportFile } from '../verify/report.js';
import { toRegistryUrl } from '../verify/npm/sources.js';
import type { VerificationReport } from '../verify/types.js';

/** The agent's own report file: named after its stack folder, so two agents never share one. */
export function agentReportFile(agent: LoadedAgent): string {
  return verificationReportFile(agent.location.projectRoot, agent.location.name);
}

/**
 * Reads the agent's report and refuses it unless it is fresh for this manifest, trust policy and
 * every file it verified. @throws InputError VERIFICATION_REPORT_MISSING | _INVALID | _STALE
 */
export function readAgentReport(agent: LoadedAgent, file: string = agentReportFile(agent)): VerificationReport {
  return readVerificationReport(file, {
    agent: agent.manifest.manifest.name,
    projectRoot: agent.location.projectRoot,
    manifestFile: agent.manifest.file,
    trustPolicyFile: agent.trustPolicy.file,
  });
}

/** Writes a report atomically (temp file + rename), creating its folder. */
export function writeReport(file: string, report: VerificationReport): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(temp, file);
}

/** The rule context's lookup over a report in hand (or the reason there is none). */
export function lookupOf(
  report: VerificationReport | undefined,
  source: string,
  problem = 'no verification report; run `agentfence verify`',
): VerificationLookup {
  return () => (report === undefined ? { ok: false, problem } : { ok: true, report, source });
}

/**
 * The registry base URL from npm's configuration: `npm_config_registry` in the environment, else
 * `npm config get registry`. @throws ConfigError REGISTRY_INVALID
 */
export function configuredRegistry(env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env['npm_config_registry'] ?? env['NPM_CONFIG_REGISTRY'];
  return toRegistryUrl(fromEnv ?? execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env: { ...env } }).trim());
}
