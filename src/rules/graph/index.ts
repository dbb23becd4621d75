/** The stack as a graph for the network, monitoring and data rules: pure, built from planned resources. */
export * from './agent.js';
export * from './cidr.js';
export * from './endpoints.js';
export * from './network.js';
export * from './refs.js';
export * from './security-groups.js';
