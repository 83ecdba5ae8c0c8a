const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export interface IpRange {
  /** IPv4 only; IPv6 values match exactly. */
  kind: 'exact' | 'ipv4-cidr';
  value: string;
  /** For ipv4-cidr: first and last address as unsigned 32-bit numbers. */
  first?: number;
  last?: number;
}

export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** An address or CIDR range, or null when the value is neither. */
export function parseIpValue(value: string): IpRange | null {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || address === undefined) return null;
  if (bits === undefined) return ipv4.test(address) || isIpv6(address) ? { kind: 'exact', value } : null;
  if (!ipv4.test(address) || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) return null;
  const size = 2 ** (32 - Number(bits));
  const first = Math.floor(ipv4ToNumber(address) / size) * size;
  return { kind: 'ipv4-cidr', value, first, last: first + size - 1 };
}

function isIpv6(value: string): boolean {
  if (!/^[0-9a-fA-F:]+$/.test(value) || !value.includes(':')) return false;
  const doubles = value.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = value.split(':').filter((group) => group !== '');
  return groups.every((group) => group.length <= 4) && (doubles === 1 ? groups.length < 8 : groups.length === 8);
}
