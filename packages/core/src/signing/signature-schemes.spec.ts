import { createSigner } from './create-signer';
import { generateSecret } from './generate-secret';
import { resolveSignerOptions } from './resolve-signer-options';
import { SIGNATURE_SCHEMES, signatureScheme } from './signature-schemes';

describe('the signature scheme registry', () => {
  it.each(SIGNATURE_SCHEMES)('%s: a generated secret signs and verifies with the default options', (scheme) => {
    const signer = createSigner({ scheme });
    const secret = generateSecret({ scheme });
    const body = JSON.stringify({ type: 'points.earned', data: { amount: 150 } });
    const headers = signer.sign({ id: 'msg_1', timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });
    expect(() => signer.verify({ body, headers, secrets: secret })).not.toThrow();
    expect(() => signer.verify({ body: `${body} `, headers, secrets: secret })).toThrow(expect.objectContaining({ code: 'HOOKLINE_SIGNATURE_MISMATCH' }));
  });

  it.each(SIGNATURE_SCHEMES)('%s: naming only the scheme gives its registered defaults', (scheme) => {
    expect(resolveSignerOptions({ scheme })).toEqual({ scheme, ...signatureScheme(scheme).defaults });
  });

  it('names every registered scheme when one is unknown', () => {
    const expected = `use one of ${SIGNATURE_SCHEMES.join(', ')}.`;
    expect(() => resolveSignerOptions({ scheme: 'rsa' as never })).toThrow(expected);
    expect(() => generateSecret({ scheme: 'rsa' as never })).toThrow(expected);
  });
});
