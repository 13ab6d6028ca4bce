// The base URL output links, upload slots and e-mailed links are built on. POLYFORGE_PUBLIC_URL when set; without
// it, the request's Host header only when it names an allowed host (loopback names, POLYFORGE_ALLOWED_HOSTS), so a
// forged Host cannot make the platform hand out links to somebody else's server; anything else gets the address
// the request actually reached. request.host and request.protocol follow X-Forwarded-Host/-Proto only when the peer
// is a trusted proxy (POLYFORGE_TRUST_PROXY, create-app.ts); from anyone else those headers change nothing.
import type { FastifyRequest } from 'fastify';

const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function createBaseUrlResolver(settings: {
  publicUrl?: string;
  allowedHosts: readonly string[];
}): (request: FastifyRequest) => string {
  if (settings.publicUrl) {
    const publicUrl = settings.publicUrl;
    return () => publicUrl;
  }
  const allowed = new Set(settings.allowedHosts.map((host) => host.toLowerCase()));
  return (request) => {
    const host = request.host;
    if (HOST_PATTERN.test(host) && allowed.has(hostNameOf(host))) return `${request.protocol}://${host}`;
    const socket = request.raw.socket;
    const address = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    return `${request.protocol}://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
  };
}

function hostNameOf(host: string): string {
  const withoutPort = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return withoutPort.replace(/\.$/, '').toLowerCase();
}
