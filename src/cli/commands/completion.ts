/**
 * `agentfence completion bash|zsh|fish`: a completion script for the shell, from the command table
 * (commands, `verify`/`sign` subcommands, the common options, agent names under stacks/).
 */
import { InputError } from '../../errors.js';
import type { Command } from './index.js';
import { commands } from './index.js';
import { parseCommandArgs } from '../flags.js';

const USAGE = `agentfence completion bash|zsh|fish

Prints a shell completion script: commands, subcommands, common options and the agent names under
stacks/ of the current project. Install it with, for example:
  bash  echo 'source <(agentfence completion bash)' >> ~/.bashrc
  zsh   agentfence completion zsh > "\${fpath[1]}/_agentfence"
  fish  agentfence completion fish > ~/.config/fish/completions/agentfence.fish`;

const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  verify: ['model', 'plugin', 'api'],
  sign: ['model', 'api'],
  sbom: ['diff'],
  completion: ['bash', 'zsh', 'fish'],
};
const OPTIONS = ['--format', '--output', '--quiet', '--help', '--version'] as const;
/** A command's own options, offered with the agent names. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  gate: ['--all', '--check-sbom', '--output-dir', '--config', '--online'],
  report: ['--all', '--plan', '--verification'],
};

function bash(names: readonly string[]): string {
  const subs = Object.entries(SUBCOMMANDS)
    .map(([command, list]) => `    ${command}) words="${list.join(' ')} $agents" ;;`)
    .join('\n');
  const own = Object.entries(COMMAND_OPTIONS)
    .map(([command, list]) => `    ${command}) words="$agents ${list.join(' ')}" ;;`)
    .join('\n');
  return `# bash completion for agentfence
_agentfence() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" words agents
  agents="$(ls -d stacks/*/ 2>/dev/null | sed 's#stacks/##; s#/$##')"
  if [ "$prev" = "--format" ] || [ "$prev" = "-f" ]; then COMPREPLY=($(compgen -W "text json sarif" -- "$cur")); return; fi
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${names.join(' ')} --help --version" -- "$cur")); return; fi
  case "\${COMP_WORDS[1]}" in
${subs}
${own}
    help) words="${names.join(' ')}" ;;
    *) words="$agents" ;;
  esac
  COMPREPLY=($(compgen -W "$words ${OPTIONS.join(' ')}" -- "$cur"))
}
complete -o default -F _agentfence agentfence
`;
}

function zsh(names: readonly string[]): string {
  const described = names
    .map(
      (name) =>
        `    '${name}:${(commands[name]?.summary ?? '')
          .replace(/^\S+\s+(\S+\s+)*?\s{2,}/, '')
          .replace(/'/g, '')
          .trim()}'`,
    )
    .join('\n');
  const subs = Object.entries(SUBCOMMANDS)
    .map(([command, list]) => `      ${command}) _values 'subcommand' ${list.map((s) => `'${s}'`).join(' ')} $agents ;;`)
    .join('\n');
  const own = Object.entries(COMMAND_OPTIONS)
    .map(
      ([command, list]) =>
        `      ${command}) _alternative 'agents:agent:(\${agents})' 'options:option:(${[...list, ...OPTIONS].join(' ')})' ;;`,
    )
    .join('\n');
  return `#compdef agentfence
# zsh completion for agentfence
_agentfence() {
  local -a cmds agents
  cmds=(
${described}
  )
  agents=(\${(f)"$(ls -d stacks/*/ 2>/dev/null | sed 's#stacks/##; s#/$##')"})
  if (( CURRENT == 2 )); then _describe 'command' cmds; return; fi
  case "$words[2]" in
${subs}
${own}
      help) _describe 'command' cmds ;;
      *) _alternative 'agents:agent:(\${agents})' 'options:option:(${OPTIONS.join(' ')})' 'files:file:_files' ;;
  esac
}
_agentfence "$@"
`;
}

function fish(names: readonly string[]): string {
  const lines = ['# fish completion for agentfence', 'complete -c agentfence -f'];
  for (const name of names)
    lines.push(
      `complete -c agentfence -n __fish_use_subcommand -a ${name} -d '${
        (commands[name]?.summary ?? name).split(/\s{2,}/).at(-1) ?? ''.replace(/'/g, '')
      }'`,
    );
  for (const [command, list] of Object.entries(SUBCOMMANDS))
    lines.push(`complete -c agentfence -n '__fish_seen_subcommand_from ${command}' -a '${list.join(' ')}'`);
  lines.push(`complete -c agentfence -n '__fish_seen_subcommand_from help' -a '${names.join(' ')}'`);
  for (const [command, list] of Object.entries(COMMAND_OPTIONS))
    for (const option of list) lines.push(`complete -c agentfence -n '__fish_seen_subcommand_from ${command}' -l ${option.slice(2)}`);
  lines.push(
    'complete -c agentfence -n \'not __fish_use_subcommand\' -a \'(ls -d stacks/*/ 2>/dev/null | string replace -r "^stacks/(.*)/$" "\\$1")\' -d agent',
  );
  lines.push("complete -c agentfence -s f -l format -x -a 'text json sarif' -d 'output format'");
  lines.push("complete -c agentfence -s o -l output -r -d 'write the result to a file'");
  lines.push("complete -c agentfence -s q -l quiet -d 'only the verdict and findings'");
  lines.push("complete -c agentfence -s h -l help -d 'usage'");
  lines.push("complete -c agentfence -s V -l version -d 'version'");
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  usage: USAGE,
  run(ctx, argv) {
    const { positionals } = parseCommandArgs(argv, {});
    const shell = positionals[0];
    if (positionals.length !== 1 || (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish')) {
      throw new InputError(
        'CLI_USAGE',
        `completion needs one shell: bash, zsh or fish (got ${positionals.length === 0 ? 'none' : JSON.stringify(positionals.join(' '))})`,
      );
    }
    const names = Object.keys(commands);
    ctx.stdout.write(shell === 'bash' ? bash(names) : shell === 'zsh' ? zsh(names) : fish(names));
    return Promise.resolve(0);
  },
};
