import { requireHeader } from './header-lookup';
import { decodeMac } from './hmac';
import { keyFromUtf8Secret, SECRET_BYTES } from './secret-keys';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { signedPrefix } from './signed-fields';
import { parseTimestamp } from './timestamp-format';
import { WebhookVerificationError } from './webhook-verification-error';

const EXPECTED = '"t=<unix seconds>,v1=<hex HMAC-SHA256>", with one v1= per signing secret';
/** Stripe-style, as Loyali: `X-Loyali-Signature: t=<unix>,v1=<hex>,v1=<hex>`. */
export const timestampedScheme: SignatureSchemeDefinition = {
  defaults: { header: 'Webhook-Signature', prefix: '', timestampFormat: 'unix', signedContent: 'timestamp.body' },
  configurableLayout: false,
  // Receivers use the string itself as the HMAC key; hex survives env files, URLs and copy-paste unchanged.
  generateSecret: (random) => random(SECRET_BYTES).toString('hex'),
  describeValue: () => ({
    format: '"t=<unix seconds>,v1=<hex HMAC-SHA256>", with one v1= per signing secret (two while a secret is rotated)',
    pattern: '^t=[0-9]+(,v1=[0-9a-f]{64})+$',
    key: "the secret's UTF-8 text",
  }),
  create: (options) => ({
    keyFor: keyFromUtf8Secret,
    signsWithEverySecret: true,
    formatSignature: (macs, timestamp) => [`t=${timestamp}`, ...macs.map((mac) => `v1=${mac.toString('hex')}`)].join(','),
    read(headers) {
      const raw = requireHeader(headers, options.header);
      const malformed = () => WebhookVerificationError.malformedHeader(options.header, EXPECTED);
      let t: string | undefined;
      const macs: Buffer[] = [];
      for (const element of raw.split(',')) {
        const equals = element.indexOf('=');
        if (equals <= 0) throw malformed();
        const key = element.slice(0, equals).trim();
        const value = element.slice(equals + 1).trim();
        if (key === 't') {
          if (t !== undefined) throw malformed();
          t = value;
        } else if (key === 'v1') {
          const mac = decodeMac(value, 'hex');
          if (mac) macs.push(mac);
        }
        // Other keys (Stripe's v0, later versions) are for verifiers that know them.
      }
      const timestamp = t === undefined ? undefined : parseTimestamp(t, 'unix');
      if (t === undefined || timestamp === undefined || macs.length === 0) throw malformed();
      return { macs, signedPrefix: signedPrefix(options.signedContent, '', t), timestamp };
    },
  }),
};
