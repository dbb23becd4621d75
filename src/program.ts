/** The Pulumi program: reads the stack's manifest and builds its environment. Filled in by the manifest and components work. */
export {};
