/**
 * The policies that govern each VPC endpoint: the endpoint's own `policy` and every
 * `VpcEndpointPolicy` resource attached to it (by its `vpcEndpointId` reference, followed through
 * the plan's property dependencies when the id is unknown before deploy). One reading, so the
 * rules that judge endpoint policies agree on whether an endpoint has one and what it says.
 */
import type { PlannedResource, StackView } from '../types.js';
import { readValue, type PlanValue } from '../values.js';
import { VPC_ENDPOINT } from './network.js';
import { refIndex } from './refs.js';

export const VPC_ENDPOINT_POLICY = 'aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy';

/** Where one policy of an endpoint is written, and its value as the plan holds it. */
export interface EndpointPolicyHolder {
  /** The endpoint itself, or the VpcEndpointPolicy resource that sets its policy. */
  readonly resource: PlannedResource;
  readonly policy: PlanValue;
}

/** An endpoint with the policies that govern it (none: AWS's default, full access). */
export interface EndpointPolicies {
  readonly endpoint: PlannedResource;
  readonly holders: readonly EndpointPolicyHolder[];
}

/** Every VPC endpoint of the stack with its policies; Gateway Load Balancer endpoints take no policy and are left out. */
export function endpointPolicies(stack: StackView): EndpointPolicies[] {
  const refs = refIndex(stack);
  const attached = new Map<PlannedResource, EndpointPolicyHolder[]>();
  for (const resource of stack.ofType(VPC_ENDPOINT_POLICY)) {
    const ref = refs.prop(resource, 'vpcEndpointId', [VPC_ENDPOINT]);
    if (ref.kind !== 'resolved') continue;
    for (const endpoint of ref.resources) {
      const list = attached.get(endpoint) ?? [];
      list.push({ resource, policy: readValue(resource.props, 'policy') });
      attached.set(endpoint, list);
    }
  }
  const out: EndpointPolicies[] = [];
  for (const endpoint of stack.ofType(VPC_ENDPOINT)) {
    const type = readValue(endpoint.props, 'vpcEndpointType');
    if (type.kind === 'value' && type.value === 'GatewayLoadBalancer') continue;
    const own = readValue(endpoint.props, 'policy');
    const holders = [...(own.kind === 'absent' ? [] : [{ resource: endpoint, policy: own }]), ...(attached.get(endpoint) ?? [])];
    out.push({ endpoint, holders });
  }
  return out;
}
