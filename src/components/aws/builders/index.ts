/** Pure builders (no Pulumi engine): IAM documents, names, layouts and patterns the components use. */
export * from './args.js';
export * from './arn.js';
export * from './names.js';
export * from './policy-document.js';
export * from './tags.js';
export * from './identity.js';
export * from './least-privilege.js';
export * from './approval.js';
export * from './kms.js';
export * from './store.js';
export * from './network.js';
export * from './audit.js';
