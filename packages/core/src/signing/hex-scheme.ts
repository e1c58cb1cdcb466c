import { requireHeader } from './header-lookup';
import { decodeMac } from './hmac';
import { keyFromUtf8Secret, SECRET_BYTES } from './secret-keys';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { readSignedFields } from './signed-fields';
import { WebhookVerificationError } from './webhook-verification-error';

/** A bare hex HMAC, as mgPass, LoyalPro and Mage send: `X-Webhook-Signature: [sha256=]<hex>`. */
export const hexScheme: SignatureSchemeDefinition = {
  defaults: { header: 'X-Webhook-Signature', prefix: '', timestampFormat: 'unix', signedContent: 'body' },
  configurableLayout: true,
  // Receivers use the string itself as the HMAC key; hex survives env files, URLs and copy-paste unchanged.
  generateSecret: (random) => random(SECRET_BYTES).toString('hex'),
  create: (options) => ({
    keyFor: keyFromUtf8Secret,
    // The header holds one signature, so during rotation only the newest secret signs and
    // receivers verify against both secrets until they switch.
    signsWithEverySecret: false,
    formatSignature: (macs) => `${options.prefix}${macs[0].toString('hex')}`,
    read(headers) {
      const raw = requireHeader(headers, options.header);
      const mac = raw.startsWith(options.prefix) ? decodeMac(raw.slice(options.prefix.length), 'hex') : undefined;
      if (!mac) {
        const expected = options.prefix ? `"${options.prefix}" followed by 64 hex characters` : '64 hex characters';
        throw WebhookVerificationError.malformedHeader(options.header, expected);
      }
      return { ...readSignedFields(headers, options), macs: [mac] };
    },
  }),
};
