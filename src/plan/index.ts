/** Offline plan: run the Pulumi program under mocks; read preview/export JSON. */
export * from './offline.js';
export * from './read.js';
