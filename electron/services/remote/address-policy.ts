/**
 * Private Network Access for Tessera (issue 14): a document or source that came from a public address may not make
 * the app request loopback, link-local, private, CGNAT or unspecified addresses (an `http://127.0.0.1:PORT/admin`
 * thumbnail), unless the user allows that host for this session. Requests the user named (an address typed or
 * opened, the user's own image server) and requests made on behalf of local documents are not restricted, so a
 * workspace file or a manifest served from 127.0.0.1 keeps working.
 *
 * The check is on the resolved address, in the connection's own lookup (http-exchange.ts), so a name that
 * resolves to a public address when asked first and to 127.0.0.1 when connecting (DNS rebinding) is still caught.
 * This module is pure: classification and the session's allow list.
 */
import { isIP } from 'node:net';
import { PRIVATE_NETWORK_CODE, privateNetworkMessage } from '../../../shared/ipc/private-network';
import { RemoteError } from './remote-error';

export type AddressClass = 'public' | 'loopback' | 'link-local' | 'private' | 'cgnat' | 'unspecified';

/** Where the document that caused a request came from: the user's side (files, loopback) or the internet. */
export type Initiator = 'local' | 'public';

function ipv4Class(address: string): AddressClass {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  return 'public';
}

/** The class of an IP address as text; anything that is not an IP address (a host name) counts as public. */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) return ipv4Class(ip);
  if (version !== 6) return 'public';
  const lower = ip.toLowerCase();
  // IPv4-mapped (::ffff:10.0.0.1) and the dotted form of it: classify the IPv4 part.
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  if (mapped) return ipv4Class(mapped);
  const hextets = expandIpv6(lower);
  if (hextets.every((h) => h === 0)) return 'unspecified';
  if (hextets.slice(0, 7).every((h) => h === 0) && hextets[7] === 1) return 'loopback';
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    const [c = 0, d = 0] = hextets.slice(6);
    return ipv4Class(`${c >> 8}.${c & 255}.${d >> 8}.${d & 255}`);
  }
  const first = hextets[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

function expandIpv6(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (group.includes('.')) {
            const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
            return [(a << 8) | b, (c << 8) | d];
          }
          return [parseInt(group, 16)];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

export interface AddressPolicy {
  /** The class of a resolved address (tests map a loopback alias to 'public' here). */
  classify(address: string): AddressClass;
  /** The user allowed requests to this host (a host name or address, without the port) for this session. */
  allow(host: string): void;
  isAllowed(host: string): boolean;
  /**
   * Throws the private-network error when a request made for `initiator` to `host` would reach `address`, a
   * non-public address the user has not allowed.
   */
  check(initiator: Initiator, host: string, address: string, url: string): void;
}

export function createAddressPolicy(
  options: { classify?: (address: string) => AddressClass; allowedHosts?: readonly string[] } = {},
): AddressPolicy {
  const classify = options.classify ?? classifyAddress;
  const allowed = new Set((options.allowedHosts ?? []).map(hostKey));
  return {
    classify,
    allow(host) {
      allowed.add(hostKey(host));
    },
    isAllowed(host) {
      return allowed.has(hostKey(host));
    },
    check(initiator, host, address, url) {
      if (initiator !== 'public' || classify(address) === 'public' || allowed.has(hostKey(host))) return;
      throw privateNetworkError(host, url);
    },
  };
}

function hostKey(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
}

export function privateNetworkError(host: string, url: string): RemoteError {
  return new RemoteError(PRIVATE_NETWORK_CODE, privateNetworkMessage(hostKey(host)), url);
}
