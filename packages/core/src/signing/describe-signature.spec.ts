import { createSigner } from './create-signer';
import { describeSignature } from './describe-signature';
import { generateSecret } from './generate-secret';
import type { SignerOptions } from './signer-options';

const layouts: SignerOptions[] = [
  { scheme: 'standard' },
  { scheme: 'timestamped', header: 'X-Loyali-Signature' },
  { scheme: 'hex', header: 'X-Webhook-Signature', prefix: 'sha256=', timestampHeader: 'X-Webhook-Timestamp', timestampFormat: 'iso' },
  { scheme: 'hex', prefix: 'v1+(a)=' },
  { scheme: 'base64', header: 'X-Shopify-Hmac-Sha256' },
];

describe('describeSignature', () => {
  it.each(layouts)('every real signature matches the documented pattern: %o', (options) => {
    const signer = createSigner(options);
    const { header, pattern } = describeSignature(signer.options);
    const secrets = [generateSecret(options), generateSecret(options)];
    for (const current of [secrets.slice(0, 1), secrets]) {
      const headers = signer.sign({ id: 'dlv_1', timestamp: 1_771_416_000, body: '{"a":1}', secrets: current });
      expect(headers[header]).toMatch(new RegExp(pattern));
    }
    expect('v1,bm90IGEgc2lnbmF0dXJl').not.toMatch(new RegExp(pattern));
  });

  it('names the signed parts in signing order and how the secret keys the HMAC', () => {
    expect(describeSignature(createSigner({ scheme: 'standard' }).options)).toEqual({
      header: 'webhook-signature',
      format: expect.stringContaining('v1,<base64 HMAC-SHA256>'),
      pattern: expect.any(String),
      signs: 'HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>", keyed with the bytes of the base64 text after "whsec_" in the secret',
    });
    expect(describeSignature(createSigner({ scheme: 'timestamped' }).options).signs).toMatch(/^HMAC-SHA256 of "<t>\.<raw body>"/);
    const mage = describeSignature(createSigner(layouts[2]).options);
    expect(mage.format).toMatch(/^"sha256=" followed by 64 hex characters/);
    expect(mage.signs).toMatch(/^HMAC-SHA256 of "<X-Webhook-Timestamp>\.<raw body>", keyed with the secret's UTF-8 text$/);
    expect(describeSignature(createSigner({ scheme: 'hex' }).options).signs).toMatch(/^HMAC-SHA256 of "<raw body>"/);
  });
});
