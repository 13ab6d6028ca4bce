// Settings that name addresses: the metrics listener, the allowed Host headers, the outbound networks opened.
import { parseNetworkList } from '../net/address-policy.ts';

export function parseListen(text: string | undefined): { host: string; port: number } | undefined {
  if (!text) return undefined;
  const separator = text.lastIndexOf(':');
  return { host: text.slice(0, separator).replace(/^\[|\]$/g, ''), port: Number(text.slice(separator + 1)) };
}

/** Loopback names are always allowed, so a local install's links work without any setting. */
export function parseAllowedHosts(text: string | undefined): string[] {
  const listed = (text ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(['localhost', '127.0.0.1', '[::1]', ...listed])];
}

export function parseNetworks(text: string | undefined): string[] {
  try {
    return text ? parseNetworkList(text) : [];
  } catch (error) {
    throw new Error(`Invalid configuration: POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: ${(error as Error).message}`);
  }
}
