/** Cedar tool policies for the AgentCore gateway: generated from the manifest, checked with the real engine. */
export * from './targets.js';
export * from './schema.js';
export * from './policies.js';
export * from './request.js';
export * from './gateway.js';
export * from './tests.js';
export * from './manifest-errors.js';
