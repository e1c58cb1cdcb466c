import { isIP } from 'node:net';
import { normalizeHost } from './host-allowlist';
import { judgedAddress } from './judged-address';

// Instance metadata services hand out cloud credentials to whoever asks from inside the
// machine: the classic SSRF prize. A CIDR opened for a private network must not open them too.
const METADATA_ADDRESSES = new Set([
  '169.254.169.254', // AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack
  '169.254.170.2', // AWS ECS task credentials
  '169.254.170.23', // AWS EKS Pod Identity
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud Classic
  '168.63.129.16', // Azure WireServer
  'fd00:ec2::254', // AWS over IPv6
  'fd00:ec2::23', // AWS EKS Pod Identity over IPv6
]);

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/** True for a cloud metadata service's name or address, in any spelling of it. */
export function isCloudMetadata(host: string): boolean {
  const normalized = normalizeHost(host).replace(/%.*$/, '');
  if (!isIP(normalized)) return METADATA_HOSTS.has(normalized);
  return METADATA_ADDRESSES.has(judgedAddress(normalized).toString());
}
