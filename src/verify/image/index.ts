/** Container image provenance (Sigstore in-toto attestations over the image digest). */
export * from './verify.js';
