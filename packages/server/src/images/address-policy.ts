// Which network addresses a referenced image URL may point at. By default only public unicast addresses:
// loopback, private (RFC 1918, RFC 4193), link-local (incl. cloud metadata at 169.254.169.254), CGNAT,
// multicast, unspecified and reserved ranges are refused, so a task cannot make the server fetch from its
// own network (SSRF). Uses node:net's BlockList rather than hand-written range arithmetic.
import net from 'node:net';

const BLOCKED_IPV4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

const BLOCKED_IPV6 = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const;

const blockList = new net.BlockList();
for (const [network, prefix] of BLOCKED_IPV4) blockList.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_IPV6) blockList.addSubnet(network, prefix, 'ipv6');

/** True for an address a fetch may connect to by default. IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 4) return !blockList.check(address, 'ipv4');
  if (family === 6) return !blockList.check(address, 'ipv6');
  return false;
}

/**
 * The reason a URL's host is refused without a DNS look-up (an IP literal outside the public ranges, or a
 * name that always means this machine), or undefined when it may be tried.
 */
export function refusedHostReason(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return `"${host}" is this server itself`;
  if (net.isIP(host) && !isPublicAddress(host)) return `${host} is not a public address`;
  return undefined;
}
