/** Signed third-party API descriptors: schema, signing statement, verification. */
export * from './schema.js';
export * from './descriptor.js';
