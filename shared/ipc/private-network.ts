/**
 * The one wording of a request refused because a public document pointed it at the user's own computer or private
 * network (electron/services/remote/address-policy.ts), and the reading of the host back out of it, so the
 * renderer can ask "Allow requests to HOST for this session?" from any error envelope, which carries only a code
 * and a message.
 */
export const PRIVATE_NETWORK_CODE = 'private-network';

export function privateNetworkMessage(host: string): string {
  return `Blocked a request to ${host}: a document from the internet asked Tessera to contact an address on this computer or your private network. Allow ${host} for this session only if you trust it.`;
}

/** The refused host of a private-network error, or null for any other error. */
export function refusedHostOf(error: { readonly code: string; readonly message: string }): string | null {
  if (error.code !== PRIVATE_NETWORK_CODE) return null;
  return /^Blocked a request to (\S+):/.exec(error.message)?.[1] ?? null;
}
