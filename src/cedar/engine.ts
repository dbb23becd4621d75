/**
 * The Cedar engine (`@cedar-policy/cedar-wasm`, the Cedar project's own Rust engine compiled to
 * WebAssembly), loaded on first use so commands that never evaluate a policy stay fast.
 */
import { createRequire } from 'node:module';
import type * as CedarWasm from '@cedar-policy/cedar-wasm/nodejs';

/** The engine's module: validate, isAuthorized, isAuthorizedPartial, preparse and friends. */
export type CedarEngine = typeof CedarWasm;

let engine: CedarEngine | undefined;

/** The Cedar engine, instantiated synchronously the first time it is asked for. */
export function cedarEngine(): CedarEngine {
  engine ??= createRequire(import.meta.url)('@cedar-policy/cedar-wasm/nodejs') as CedarEngine;
  return engine;
}
