import { resolveSignerOptions } from './resolve-signer-options';
import type { SignerOptions } from './signer-options';

const rejected = (pointer: string) => expect.objectContaining({ code: 'HOOKLINE_INVALID_SIGNER_OPTIONS', pointer });

describe('resolveSignerOptions', () => {
  it('fills in each scheme’s defaults', () => {
    expect(resolveSignerOptions({ scheme: 'standard' })).toEqual({
      scheme: 'standard',
      header: 'webhook-signature',
      prefix: '',
      idHeader: 'webhook-id',
      timestampHeader: 'webhook-timestamp',
      timestampFormat: 'unix',
      signedContent: 'id.timestamp.body',
    });
    expect(resolveSignerOptions({ scheme: 'timestamped' })).toEqual(
      expect.objectContaining({ header: 'Webhook-Signature', signedContent: 'timestamp.body' }),
    );
    expect(resolveSignerOptions({ scheme: 'hex' })).toEqual(
      expect.objectContaining({ header: 'X-Webhook-Signature', prefix: '', signedContent: 'body', timestampHeader: undefined }),
    );
  });

  it('defaults the timestamp header to X-Webhook-Timestamp when a hex signature covers the timestamp', () => {
    expect(resolveSignerOptions({ scheme: 'hex', signedContent: 'timestamp.body' }).timestampHeader).toBe('X-Webhook-Timestamp');
  });

  it('takes a named timestamp or id header as asking for it to be signed', () => {
    expect(resolveSignerOptions({ scheme: 'hex', timestampHeader: 'X-Ts' }).signedContent).toBe('timestamp.body');
    expect(resolveSignerOptions({ scheme: 'hex', idHeader: 'X-Id' }).signedContent).toBe('id.timestamp.body');
  });

  it('returns frozen options', () => {
    expect(Object.isFrozen(resolveSignerOptions({ scheme: 'hex' }))).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['an unknown scheme', { scheme: 'hmac' }, '/scheme'],
    ['a misspelt option', { scheme: 'hex', timestamp_header: 'X-Ts' }, '/timestamp_header'],
    ['a prefix on the standard scheme', { scheme: 'standard', prefix: 'sha256=' }, '/prefix'],
    ['a timestamp header on the standard scheme', { scheme: 'standard', timestampHeader: 'X-Ts' }, '/timestampHeader'],
    ['ISO timestamps on the timestamped scheme', { scheme: 'timestamped', timestampFormat: 'iso' }, '/timestampFormat'],
    ['other signed content on the standard scheme', { scheme: 'standard', signedContent: 'body' }, '/signedContent'],
    ['id.timestamp.body on hex without an id header', { scheme: 'hex', signedContent: 'id.timestamp.body' }, '/idHeader'],
    ['an unsigned timestamp header', { scheme: 'hex', signedContent: 'body', timestampHeader: 'X-Ts' }, '/timestampHeader'],
    ['a timestamp format with nothing to format', { scheme: 'hex', timestampFormat: 'iso' }, '/timestampFormat'],
    ['an unsigned id header', { scheme: 'hex', signedContent: 'timestamp.body', idHeader: 'X-Id' }, '/idHeader'],
    ['an unknown signed content', { scheme: 'hex', signedContent: 'body.timestamp' }, '/signedContent'],
    ['an unknown timestamp format', { scheme: 'hex', signedContent: 'timestamp.body', timestampFormat: 'ms' }, '/timestampFormat'],
    ['a header name with a space', { scheme: 'hex', header: 'X Signature' }, '/header'],
    ['a prefix with a newline', { scheme: 'hex', prefix: 'sha256=\r\n' }, '/prefix'],
    ['the same header twice', { scheme: 'hex', header: 'X-Ts', timestampHeader: 'x-ts' }, '/header'],
  ])('rejects %s', (_case, options, pointer) => {
    expect(() => resolveSignerOptions(options as SignerOptions)).toThrow(rejected(pointer));
  });
});
