/**
 * Requests through the system proxy. The desktop shell resolves the proxy for each address as Chromium does
 * (Electron's session.resolveProxy: system settings, PAC scripts, WPAD) and passes that function in; this module
 * turns its answer into the agent a node:http request goes through, so the exchange keeps its own timeouts, size
 * caps and cancellation. No 'electron' import: the answer is plain text, and the tests give one naming a proxy
 * server on 127.0.0.1.
 *
 * The answer is a PAC result: "DIRECT", or entries like "PROXY host:port; DIRECT", tried in order. HTTP proxies
 * (PROXY, HTTP) are used: plain http addresses are asked of the proxy in absolute form, https ones through a
 * CONNECT tunnel, so TLS is still end to end with the institution. HTTPS and SOCKS proxies are skipped for the
 * next entry (and without one, DIRECT), as a browser falls back when an entry cannot be used.
 */
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/** Electron's session.resolveProxy, or any function with its answer format. */
export type ResolveProxy = (url: string) => Promise<string>;

export interface HttpProxy {
  readonly host: string;
  readonly port: number;
}

/** The first usable HTTP proxy of a PAC answer, or null for a direct connection. */
export function httpProxyOf(answer: string): HttpProxy | null {
  for (const entry of answer.split(';')) {
    const [kind = '', address = ''] = entry.trim().split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return null;
    if (type !== 'PROXY' && type !== 'HTTP') continue;
    const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(address);
    const port = Number(match?.[2]);
    if (match?.[1] && port > 0 && port < 65536) return { host: match[1], port };
  }
  return null;
}

/** How one request goes out: the agent, and for plain http through a proxy, where to connect instead. */
export interface ExchangeRoute {
  readonly agent: http.Agent;
  /** Set for http through a proxy: the request goes to the proxy, with the full address as its path. */
  readonly viaProxy?: HttpProxy;
  /** Through a proxy (either kind): the proxy resolves the host, and the answering socket is the proxy's. */
  readonly proxied?: boolean;
}

/** An https agent whose connections are CONNECT tunnels through an HTTP proxy (keep-alive per tunnel). */
class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: HttpProxy,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: http.ClientRequestArgs & tls.ConnectionOptions,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const done = callback ?? (() => undefined);
    const target = `${options.host ?? 'localhost'}:${options.port ?? 443}`;
    const connect = http.request({
      host: this.proxy.host,
      port: this.proxy.port,
      method: 'CONNECT',
      path: target,
      headers: { host: target },
      agent: false,
    });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        const error = Object.assign(
          new Error(
            `the proxy ${this.proxy.host}:${this.proxy.port} refused the tunnel to ${target} (${response.statusCode})`,
          ),
          { code: 'EPROXYREFUSED' },
        );
        done(error, socket);
        return;
      }
      done(
        null,
        tls.connect({
          ...options,
          socket,
          servername: options.servername ?? String(options.host ?? ''),
        }),
      );
    });
    connect.once('error', (error) => done(error, connect.socket as Duplex));
    connect.end();
    return undefined;
  }
}

/**
 * Chooses the agent for each address: the direct agents, or agents for the proxy the resolver names, made once
 * per proxy and kept (keep-alive) until close().
 */
export function createRouter(options: { maxSockets: number; resolveProxy?: ResolveProxy }) {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const direct = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const proxied = new Map<string, { http: http.Agent; https: https.Agent }>();

  const agentsFor = (proxy: HttpProxy) => {
    const key = `${proxy.host}:${proxy.port}`;
    let agents = proxied.get(key);
    if (!agents) {
      agents = {
        // Every plain-http host shares the connections to the proxy; Chromium allows 32 per proxy server.
        http: new http.Agent({ ...agentOptions, maxSockets: Math.max(options.maxSockets, 32) }),
        // Tunnels are pooled per institution (the agent's key is the target host), as direct ones are.
        https: new TunnelAgent(proxy, agentOptions),
      };
      proxied.set(key, agents);
    }
    return agents;
  };

  return {
    async route(url: URL): Promise<ExchangeRoute> {
      const secure = url.protocol === 'https:';
      const proxy = options.resolveProxy ? httpProxyOf(await options.resolveProxy(url.href)) : null;
      if (!proxy) return { agent: secure ? direct.https : direct.http };
      const agents = agentsFor(proxy);
      return secure
        ? { agent: agents.https, proxied: true }
        : { agent: agents.http, viaProxy: proxy, proxied: true };
    },
    close() {
      for (const agents of [direct, ...proxied.values()]) {
        agents.http.destroy();
        agents.https.destroy();
      }
    },
  };
}
