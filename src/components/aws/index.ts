/** Pulumi ComponentResources for a fenced agent environment on AWS. */
export {};
