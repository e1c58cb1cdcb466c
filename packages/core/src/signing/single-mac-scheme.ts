import { requireHeader } from './header-lookup';
import { decodeMac } from './hmac';
import { keyFromUtf8Secret, SECRET_BYTES } from './secret-keys';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { readSignedFields } from './signed-fields';
import { WebhookVerificationError } from './webhook-verification-error';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A header holding one HMAC in `encoding`, optionally after a prefix, over a configurable
 * template: the shape of most platforms' own schemes (GitHub's hex, Shopify's base64).
 */
export function singleMacScheme(encoding: 'hex' | 'base64', describe: string): SignatureSchemeDefinition {
  const mac = encoding === 'hex' ? '[0-9a-f]{64}' : '[A-Za-z0-9+/]{43}=';
  return {
    defaults: { header: 'X-Webhook-Signature', prefix: '', timestampFormat: 'unix', signedContent: 'body' },
    configurableLayout: true,
    // Receivers use the string itself as the HMAC key; hex survives env files, URLs and copy-paste unchanged.
    generateSecret: (random) => random(SECRET_BYTES).toString('hex'),
    describeValue: ({ prefix }) => ({
      format: prefix ? `"${prefix}" followed by ${describe}, made with the newest secret` : `${describe}, made with the newest secret`,
      pattern: `^${escapeRegExp(prefix)}${mac}$`,
      key: "the secret's UTF-8 text",
    }),
    create: (options) => ({
      keyFor: keyFromUtf8Secret,
      // The header holds one signature, so during rotation only the newest secret signs and
      // receivers verify against both secrets until they switch.
      signsWithEverySecret: false,
      formatSignature: (macs) => `${options.prefix}${macs[0].toString(encoding)}`,
      read(headers) {
        const raw = requireHeader(headers, options.header);
        const mac = raw.startsWith(options.prefix) ? decodeMac(raw.slice(options.prefix.length), encoding) : undefined;
        if (!mac) {
          const expected = options.prefix ? `"${options.prefix}" followed by ${describe}` : describe;
          throw WebhookVerificationError.malformedHeader(options.header, expected);
        }
        return { ...readSignedFields(headers, options), macs: [mac] };
      },
    }),
  };
}
