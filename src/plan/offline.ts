/** Offline plan under Pulumi mocks (filled in by the components work). */
export {};
