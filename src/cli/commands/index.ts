/**
 * The command table. Loading is lazy: `agentfence --help` imports nothing but this file, so the
 * CLI starts without Pulumi, Sigstore or the CycloneDX library.
 */
import type { CommandContext } from '../context.js';

/** A command module: parse its own argv (after the command name), do the work, return the exit code. */
export interface Command {
  readonly usage: string;
  /** Subcommands (`verify model`, `sign api`), so `--help` after one prints its own usage. */
  readonly subcommands?: Readonly<Record<string, () => Promise<Command>>>;
  run(ctx: CommandContext, argv: readonly string[]): Promise<number>;
}

export interface CommandEntry {
  readonly summary: string;
  load(): Promise<Command>;
}

export const commands: Readonly<Record<string, CommandEntry>> = {
  validate: {
    summary: 'validate <agent|manifest>           schema + semantic checks of a manifest or trust policy',
    load: async () => (await import('./validate.js')).command,
  },
  plan: {
    summary: 'plan <agent>                        offline plan under Pulumi mocks (preview --json shape)',
    load: async () => (await import('./plan.js')).command,
  },
  check: {
    summary: 'check <agent> | --preview F | --state F   guardrail rules on planned resources',
    load: async () => (await import('./check.js')).command,
  },
  verify: {
    summary: 'verify <agent> | model|plugin|api ...    supply-chain verification',
    load: async () => (await import('./verify.js')).command,
  },
  sbom: {
    summary: 'sbom <agent> [-o F] [--spec 1.6|1.7] [--check] | sbom diff <old> <new>',
    load: async () => (await import('./sbom.js')).command,
  },
  report: {
    summary: 'report <agent> [-o report.html]     self-contained HTML report for reviewers',
    load: async () => (await import('./report.js')).command,
  },
  sign: {
    summary: 'sign model <dir> | sign api <descriptor>   --key K | keyless',
    load: async () => (await import('./sign.js')).command,
  },
  'verify-bundle': {
    summary: 'verify-bundle --bundle F ...        sigstore-conformance protocol',
    load: async () => (await import('./verify-bundle.js')).command,
  },
  authorize: {
    summary: 'authorize <agent> --tool T --input JSON   decide one tool call with the generated Cedar policies',
    load: async () => (await import('./authorize.js')).command,
  },
  gate: {
    summary: 'gate <agent> | --all                validate -> plan -> verify -> check -> sbom -> report',
    load: async () => (await import('./gate.js')).command,
  },
  init: {
    summary: 'init <agent> [--risk low|high]      scaffold a stack: manifest, Pulumi.<agent>.yaml, trust-policy entry',
    load: async () => (await import('./init.js')).command,
  },
  keygen: {
    summary: 'keygen [--name N] [--out DIR]       signing key pair; the public half where the trust policy expects it',
    load: async () => (await import('./keygen.js')).command,
  },
  completion: {
    summary: 'completion bash|zsh|fish            shell completion script',
    load: async () => (await import('./completion.js')).command,
  },
  help: {
    summary: "help [<command>]                    this overview, or one command's usage",
    load: () => Promise.reject(new Error('help is answered by the dispatcher')),
  },
};
