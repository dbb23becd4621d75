/** Agent manifest and trust policy: types, schemas, loading with locations. */
export type * from './types.js';
export * from './resolve.js';
