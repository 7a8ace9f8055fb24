/**
 * One logical GET under the network policy: scheme check, per-host concurrency, up to N redirects (with loop
 * detection and a scheme check at every hop), and retries with exponential backoff on 429/502/503/504 that
 * honour Retry-After. The host slot is held only while an exchange is on the wire, never during a backoff
 * wait, so one overloaded institution does not hold up the others' queue positions.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { classifyAddress, type AddressPolicy, type Initiator } from './address-policy';
import type { ByteLease } from './byte-budget';
import { httpExchange, type ExchangeOptions } from './http-exchange';
import type { HostLimiter } from './host-limiter';
import { cancelledError, httpStatusMessage, RemoteError } from './remote-error';
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelayMs, type RetrySettings } from './retry-policy';
import { checkRemoteUrl } from './url-policy';

export interface PolicyDeps {
  readonly limiter: HostLimiter;
  readonly retry: RetrySettings;
  readonly maxRedirects: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly exchange: Omit<ExchangeOptions, 'headers' | 'maxBytes' | 'signal' | 'lease' | 'guard'>;
  /** Private Network Access: which addresses a request on behalf of a public document may reach. */
  readonly addresses?: AddressPolicy;
}

export interface PolicyRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly maxBytes: number;
  readonly lease?: ByteLease;
  readonly signal?: AbortSignal;
  /** Where the document this request is made for came from. Default 'local': the user named the address. */
  readonly initiator?: Initiator;
  /** Keep only the first maxBytes of the body (http-exchange's truncate). */
  readonly truncate?: boolean;
}

export interface PolicyResponse {
  /** 2xx or 304; anything else becomes a RemoteError. */
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly finalUrl: string;
  readonly redirects: number;
  readonly retries: number;
  /** 'public' when the final answer came from a public address (or through a proxy, which reaches the internet). */
  readonly origin: Initiator;
}

export async function fetchWithPolicy(
  address: string,
  request: PolicyRequest,
  deps: PolicyDeps,
): Promise<PolicyResponse> {
  let url = checkRemoteUrl(address);
  const seen = new Set<string>([url.href]);
  let redirects = 0;
  let retries = 0;
  let waited = 0;
  // A redirect sent by a public server is that server's request: every later hop is checked as a public one's.
  let initiator: Initiator = request.initiator ?? 'local';
  for (;;) {
    if (request.signal?.aborted) throw cancelledError(url.href);
    const current = url;
    const addresses = deps.addresses;
    const hopInitiator = initiator;
    const guard = addresses
      ? (address: string) => addresses.check(hopInitiator, current.hostname, address, current.href)
      : undefined;
    const response = await deps.limiter.run(
      current.host,
      () =>
        httpExchange(current, {
          ...deps.exchange,
          headers: request.headers,
          maxBytes: request.maxBytes,
          ...(request.truncate ? { truncate: true } : {}),
          ...(request.lease ? { lease: request.lease } : {}),
          signal: request.signal,
          ...(guard ? { guard } : {}),
        }),
      request.signal,
    );
    const { status } = response;
    const origin = originOf(response.peer, current, deps.addresses);
    if (origin === 'public') initiator = 'public';
    if (status >= 300 && status < 400 && status !== 304) {
      const location = response.headers.location;
      if (!location)
        throw new RemoteError(
          'http',
          `${current.host} sent a redirect (${status}) without a destination.`,
          address,
          status,
        );
      if (redirects >= deps.maxRedirects) {
        throw new RemoteError(
          'redirects',
          `Gave up after ${deps.maxRedirects} redirects; the address keeps forwarding elsewhere.`,
          address,
          status,
        );
      }
      let next: URL;
      try {
        next = checkRemoteUrl(new URL(location, current).href);
      } catch (error) {
        if (error instanceof RemoteError && error.code === 'scheme') {
          throw new RemoteError(
            'scheme',
            `${current.host} redirected to a non-web address (${new URL(location, current).protocol}), which is not allowed.`,
            address,
          );
        }
        throw error;
      }
      if (seen.has(next.href)) {
        throw new RemoteError(
          'redirects',
          `The address redirects in a loop (back to ${next.href}).`,
          address,
          status,
        );
      }
      seen.add(next.href);
      redirects += 1;
      url = next;
      continue;
    }
    const header = response.headers['retry-after'];
    const retryAfter = RETRYABLE_STATUSES.has(status)
      ? parseRetryAfter(Array.isArray(header) ? header[0] : header, deps.now())
      : undefined;
    const delay = Math.min(
      retryDelayMs(deps.retry, retries + 1, retryAfter),
      (deps.retry.maxTotalDelayMs ?? Infinity) - waited,
    );
    if (RETRYABLE_STATUSES.has(status) && retries < deps.retry.maxRetries && delay > 0) {
      retries += 1;
      waited += delay;
      try {
        await deps.sleep(delay, request.signal);
      } catch {
        throw cancelledError(address);
      }
      continue;
    }
    if ((status >= 200 && status < 300) || status === 304) {
      return {
        status,
        headers: response.headers,
        body: response.body,
        finalUrl: url.href,
        redirects,
        retries,
        origin,
      };
    }
    throw new RemoteError('http', httpStatusMessage(status, url.host), address, status);
  }
}

/**
 * Whether an answer came from the internet: the answering address when connected directly; through a proxy, the
 * host as written (an address literal or `localhost` is local, any other name is taken to be public).
 */
export function originOf(peer: string | undefined, url: URL, addresses?: AddressPolicy): Initiator {
  const classify = addresses?.classify ?? classifyAddress;
  if (peer) return classify(peer) === 'public' ? 'public' : 'local';
  if (url.hostname === 'localhost') return 'local';
  return classify(url.hostname) === 'public' ? 'public' : 'local';
}
