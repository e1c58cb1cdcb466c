import { requireHeader } from './header-lookup';
import { decodeMac } from './hmac';
import { keyFromWhsecSecret, SECRET_BYTES } from './secret-keys';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { readSignedFields } from './signed-fields';
import { WebhookVerificationError } from './webhook-verification-error';

const VERSION = 'v1';
const BASE64_MAC = '[A-Za-z0-9+/]{43}=';
const EXPECTED = 'space-separated "v1,<base64 HMAC-SHA256>" entries';
/** Standard Webhooks (standardwebhooks.com): `webhook-signature: v1,<base64> v1,<base64>`. */
export const standardScheme: SignatureSchemeDefinition = {
  defaults: {
    header: 'webhook-signature',
    prefix: '',
    idHeader: 'webhook-id',
    timestampHeader: 'webhook-timestamp',
    timestampFormat: 'unix',
    signedContent: 'id.timestamp.body',
  },
  configurableLayout: false,
  generateSecret: (random) => `whsec_${random(SECRET_BYTES).toString('base64')}`,
  describeValue: () => ({
    format: `space-separated "${VERSION},<base64 HMAC-SHA256>" entries, one per signing secret (two while a secret is rotated)`,
    pattern: `^${VERSION},${BASE64_MAC}( ${VERSION},${BASE64_MAC})*$`,
    key: 'the bytes of the base64 text after "whsec_" in the secret',
  }),
  create: (options) => ({
    keyFor: keyFromWhsecSecret,
    signsWithEverySecret: true,
    formatSignature: (macs) => macs.map((mac) => `${VERSION},${mac.toString('base64')}`).join(' '),
    read(headers) {
      const raw = requireHeader(headers, options.header);
      const macs: Buffer[] = [];
      for (const entry of raw.split(' ').filter(Boolean)) {
        const comma = entry.indexOf(',');
        if (comma < 0) throw WebhookVerificationError.malformedHeader(options.header, EXPECTED);
        // Other versions (such as the spec's asymmetric v1a) are for verifiers that know them.
        if (entry.slice(0, comma) !== VERSION) continue;
        const mac = decodeMac(entry.slice(comma + 1), 'base64');
        if (mac) macs.push(mac);
      }
      if (macs.length === 0) throw WebhookVerificationError.malformedHeader(options.header, EXPECTED);
      return { ...readSignedFields(headers, options), macs };
    },
  }),
};
