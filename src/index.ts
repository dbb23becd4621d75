/** agentfence library entry: errors and the public faces of each area. */
export * from './errors.js';
