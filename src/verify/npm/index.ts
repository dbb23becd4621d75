/** npm plugin verification: registry keys and signatures, npm attestations, vendored and online sources. */
export * from './keys.js';
export * from './integrity.js';
export * from './attestations.js';
export * from './verify-package.js';
export * from './sources.js';
export * from './lockfile.js';
export * from './tarball.js';
