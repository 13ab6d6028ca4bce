// POLYFORGE_TRUST_PROXY: which peers may speak for the client through X-Forwarded-For / -Proto / -Host. Fastify
// walks X-Forwarded-For from the socket's address back while each hop is trusted (proxy-addr), so request.ip is the
// first address a trusted proxy vouches for. Only named addresses and networks are accepted: trusting every hop
// (`true`, `*`, a /0 block) makes request.ip whatever the client wrote first in X-Forwarded-For, and Fastify ignores
// hop counts (they cannot tell the proxy from a client that reaches the port directly).
import { parseNetworkList } from './address-policy.ts';

/** proxy-addr's named ranges: loopback (127.0.0.1/8, ::1), linklocal, uniquelocal (RFC 1918, fc00::/7). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF_VALUES = new Set(['false', '0', 'no', 'off', 'none']);
const EVERY_HOP_VALUES = new Set(['true', 'yes', 'on', '*', 'all']);

/** The trusted proxies' addresses, CIDR blocks and named ranges; empty = trust none (the socket's address counts). */
export function parseTrustedProxies(text: string): string[] {
  const value = text.trim().toLowerCase();
  if (value === '' || OFF_VALUES.has(value)) return [];
  if (EVERY_HOP_VALUES.has(value)) {
    throw new Error(
      `"${text}" would trust every hop, so any client could pick its own address by sending X-Forwarded-For and dodge the per-address sign-up and log-in limits; list your proxy's addresses or networks instead (e.g. 127.0.0.1 or 10.0.0.0/8)`,
    );
  }
  if (/^\d+$/.test(value)) {
    throw new Error(
      `hop counts ("${text}") are not accepted: a hop count cannot tell your proxy from a client that reaches this port directly (Fastify ignores them); list your proxy's addresses or networks instead (e.g. 127.0.0.1 or 10.0.0.0/8)`,
    );
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const networks = entries.filter((entry) => !NAMED_RANGES.has(entry));
  try {
    parseNetworkList(networks.join(','));
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; expected comma-separated addresses, CIDR blocks or loopback, linklocal, uniquelocal`,
    );
  }
  const everyAddress = networks.find((network) => /\/0+$/.test(network));
  if (everyAddress)
    throw new Error(
      `"${everyAddress}" covers every address, so any client could pick its own address by sending X-Forwarded-For; list your proxy's networks instead`,
    );
  return entries;
}
