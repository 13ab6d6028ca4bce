// The one policy for every outbound request a tenant can aim (webhook endpoints, image `url` references): which
// network addresses it may reach. By default only public unicast addresses: loopback, private (RFC 1918, RFC 4193),
// link-local (incl. cloud metadata at 169.254.169.254), CGNAT, multicast, unspecified, reserved and IPv6 forms that
// embed such an IPv4 address are refused, so a tenant cannot make the server reach into its own network (SSRF).
// The check runs twice: on the URL (IP literals, which the WHATWG parser already normalised from decimal, octal and
// hex spellings) and in the connection's own DNS look-up (`lookup`), so a name that resolves differently at connect
// time (DNS rebinding) or after a redirect is judged on the address actually dialled. An operator may open private
// networks (all, or listed CIDR blocks) for internal deployments. Uses node:net's BlockList for the range checks.
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';

const BLOCKED_IPV4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

const BLOCKED_IPV6 = [
  // ::/96 covers :: , ::1 and the deprecated IPv4-compatible ::a.b.c.d
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  // Teredo tunnels to an IPv4 address a relay chooses
  ['2001::', 32],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const;

const blockList = new net.BlockList();
for (const [network, prefix] of BLOCKED_IPV4) blockList.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_IPV6) blockList.addSubnet(network, prefix, 'ipv6');

/**
 * True for an address outside every refused range. IPv4-mapped IPv6 (::ffff:a.b.c.d, in either spelling) is judged
 * as its IPv4 address by BlockList; a 6to4 address (2002:AABB:CCDD::/48) as the IPv4 address it embeds.
 */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blockList.check(address, 'ipv4');
  if (family !== 6) return false;
  if (blockList.check(address, 'ipv6')) return false;
  const sixToFour = embeddedSixToFourAddress(address);
  return sixToFour === undefined || isPublicAddress(sixToFour);
}

function embeddedSixToFourAddress(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (groups[0] !== 0x2002) return undefined;
  return [groups[1] >> 8, groups[1] & 0xff, groups[2] >> 8, groups[2] & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (no zone id; an embedded dotted IPv4 tail allowed). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16));
}

export interface AddressPolicyOptions {
  /** reach loopback and private networks too (operator opt-in for internal deployments and tests) */
  allowPrivateAddresses: boolean;
  /** CIDR blocks (or single addresses) the operator opens although they are not public, e.g. 10.1.2.0/24 */
  allowedNetworks: readonly string[];
  /** name resolution; a test may pass its own to play a rebinding DNS server */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export const ADDRESS_POLICY_DEFAULTS: AddressPolicyOptions = { allowPrivateAddresses: false, allowedNetworks: [] };

/** Raised inside a connection's look-up when the name resolves to an address the policy refuses. */
export class AddressRefusedError extends Error {
  readonly code = 'EADDRREFUSED_POLICY';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, which the outbound address policy refuses`);
  }
}

export class AddressPolicy {
  private readonly allowedList = new net.BlockList();
  private readonly resolve: (hostname: string) => Promise<{ address: string; family: number }[]>;

  constructor(private readonly options: AddressPolicyOptions = ADDRESS_POLICY_DEFAULTS) {
    for (const network of options.allowedNetworks) {
      const parsed = parseNetwork(network);
      this.allowedList.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
    this.resolve = options.resolve ?? ((hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true }));
  }

  get allowsPrivateAddresses(): boolean {
    return this.options.allowPrivateAddresses;
  }

  allowsAddress(address: string): boolean {
    if (this.options.allowPrivateAddresses || isPublicAddress(address)) return true;
    const family = net.isIP(address);
    if (family === 0) return false;
    return this.allowedList.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }

  /**
   * Why a URL is refused without a DNS look-up (an IP literal outside the allowed ranges, or a name that always
   * means this machine), or undefined when it may be tried; the connect-time look-up judges every other name.
   */
  refusalOf(url: URL): string | undefined {
    const host = url.hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
    if (net.isIP(host)) return this.allowsAddress(host) ? undefined : `${host} is not a public address`;
    if (this.options.allowPrivateAddresses) return undefined;
    if (host === 'localhost' || host.endsWith('.localhost')) return `"${host}" is this server itself`;
    return undefined;
  }

  /**
   * A `lookup` for http.request / net.connect: resolves the name and fails the connection with an
   * AddressRefusedError when any address it resolves to is refused, so the check and the dial use one answer.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const wantsAll = (options as { all?: boolean }).all === true;
    const family = (options as { family?: number | string }).family;
    this.resolve(hostname).then(
      (resolved) => {
        const addresses = family === 4 || family === 6 ? resolved.filter((entry) => entry.family === family) : resolved;
        if (addresses.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        const refused = addresses.find((entry) => !this.allowsAddress(entry.address));
        if (refused) return callback(new AddressRefusedError(hostname, refused.address), '', 0);
        if (wantsAll)
          (callback as unknown as (error: null, all: { address: string; family: number }[]) => void)(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

function parseNetwork(network: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address, prefixText] = network.trim().split('/');
  const family = net.isIP(address);
  if (family === 0) throw new Error(`"${network}" is not an IP address or CIDR block`);
  const maxPrefix = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix)
    throw new Error(`"${network}" has an invalid prefix length`);
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

const DEFAULT_POLICY = new AddressPolicy();

/** The default policy's verdict on a URL without a DNS look-up (see AddressPolicy.refusalOf). */
export function refusedHostReason(url: URL): string | undefined {
  return DEFAULT_POLICY.refusalOf(url);
}

/** Parses a comma-separated list of CIDR blocks (config.ts uses it to fail at boot on a bad entry). */
export function parseNetworkList(text: string): string[] {
  const networks = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const network of networks) parseNetwork(network);
  return networks;
}
