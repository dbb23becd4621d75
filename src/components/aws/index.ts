/** Pulumi ComponentResources for a fenced agent environment on AWS, and the pure builders beside them. */
export * from './agent-environment.js';
export * from './agent-identity.js';
export * from './approval-gate.js';
export * from './audit-trail.js';
export * from './encrypted-store.js';
export * from './least-privilege-policy.js';
export * from './network-boundary.js';
export * as builders from './builders/index.js';
