/** Signing into v0.3 bundles: with a local EC key (offline) or keyless through `@sigstore/sign`. */
import { VerificationError } from '../../errors.js';
import type { KeylessSigner, KeySigner } from './types.js';

/** Signs a DSSE envelope into a v0.3 bundle. */
export async function signDsse(_payload: Buffer, _payloadType: string, _signer: KeySigner | KeylessSigner): Promise<object> {
  throw new VerificationError('ERROR', 'not implemented yet');
}

/** Signs a message (hashedrekord) into a v0.3 bundle. */
export async function signMessage(_data: Buffer, _signer: KeySigner | KeylessSigner): Promise<object> {
  throw new VerificationError('ERROR', 'not implemented yet');
}
