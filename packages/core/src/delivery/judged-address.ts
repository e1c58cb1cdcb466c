import ipaddr from 'ipaddr.js';

/**
 * The address an IP literal is judged as. IPv6 forms that carry an IPv4 address in their last
 * 32 bits are that IPv4 address: IPv4-mapped `::ffff:a.b.c.d`, and the deprecated
 * IPv4-compatible `::a.b.c.d` (`[::127.0.0.1]` parses to `::7f00:1`, which ipaddr.js calls plain
 * unicast). `::` and `::1` keep their own IPv6 meaning.
 */
export function judgedAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address;
  const parts = (address as ipaddr.IPv6).parts;
  const compatible = parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || parts[7] > 1);
  if (!compatible) return address;
  return new ipaddr.IPv4([parts[6] >> 8, parts[6] & 0xff, parts[7] >> 8, parts[7] & 0xff]);
}
