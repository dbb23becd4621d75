/**
 * The name checks a copied example fails: the manifest `name` must match its stack folder, and the
 * stack config `Pulumi.<agent>.yaml` beside the stack folders must exist. One implementation, run by
 * `validate <agent>` and the gate's validate stage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocatedError } from './errors.js';
import type { AgentLocation } from './resolve.js';

/** The codes the name checks report under. */
export type StackNameCode = 'NAME_MISMATCH' | 'STACK_CONFIG_MISSING';

/** Whether the agent lives in a stack folder `<project>/stacks/<agent>/` (the checks apply only there). */
export function isStackFolder(location: AgentLocation): boolean {
  return path.dirname(location.stackDir) === path.join(location.projectRoot, 'stacks');
}

/**
 * Problems with the agent's names, located at the manifest's `name` (`at`: its line and column).
 * Reads only whether the stack config file exists.
 */
export function stackNameErrors(
  location: AgentLocation,
  manifestName: string,
  at: { readonly line: number; readonly col: number },
): (LocatedError & { readonly code: StackNameCode })[] {
  const errors: (LocatedError & { readonly code: StackNameCode })[] = [];
  const where = { file: location.manifestFile, line: at.line, col: at.col, path: 'name' };
  // A copied example keeps its old name: the stack, its config and its resources would collide.
  if (manifestName !== location.name) {
    errors.push({
      ...where,
      code: 'NAME_MISMATCH',
      message: `the manifest name must match its stack folder ${location.name} (got ${JSON.stringify(manifestName)}); rename it, or run \`agentfence init ${location.name}\``,
    });
  }
  const stackConfig = path.join(path.dirname(location.stackDir), `Pulumi.${location.name}.yaml`);
  if (!existsSync(stackConfig)) {
    const shown = path.relative(location.projectRoot, stackConfig).split(path.sep).join('/');
    errors.push({
      ...where,
      code: 'STACK_CONFIG_MISSING',
      message: `${shown} must exist so \`pulumi up --stack ${location.name}\` deploys this manifest (got no stack config); run \`agentfence init ${location.name}\` or create it with agentfence:manifest: ${location.name}/agent.yaml`,
    });
  }
  return errors;
}
