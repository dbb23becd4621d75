/** Supply-chain verification core: Sigstore, model signing, npm plugins, API descriptors. */
export type * from './types.js';
