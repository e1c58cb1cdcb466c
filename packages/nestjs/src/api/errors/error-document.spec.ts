import { BadRequestException } from '@nestjs/common';
import { UnknownEventTypeError, UnsafeUrlError } from '@hookline/core';
import { DeliveryNotFoundError, DeliveryNotResendableError, PayloadTooLargeError, PublishNotStoredError, SecretDecryptionError } from '@hookline/engine';
import { InvalidRequestError, RateLimitedError, ReadOnlyKeyError, UnauthenticatedError } from './api-errors';
import { errorReplyFor } from './error-document';

describe('errorReplyFor', () => {
  it.each([
    [new UnsafeUrlError('no', { pointer: '/url' }), 400],
    [new UnknownEventTypeError('no', 'x', [], { pointer: '/events/0' }), 400],
    [new UnauthenticatedError('no'), 401],
    [new ReadOnlyKeyError('no'), 403],
    [new DeliveryNotFoundError('no', { pointer: '/id' }), 404],
    [new DeliveryNotResendableError('no'), 409],
    [new PayloadTooLargeError('no'), 413],
    [new RateLimitedError('no'), 429],
  ])('maps %s to %i with its code, detail and pointer', (error, status) => {
    const reply = errorReplyFor(error);
    expect(reply.status).toBe(status);
    expect(reply.unexpected).toBe(false);
    expect(reply.document.errors).toEqual([
      {
        status: String(status),
        code: error.code,
        title: expect.any(String),
        detail: 'no',
        ...(error.pointer ? { source: { pointer: error.pointer } } : {}),
      },
    ]);
  });

  it('answers 503 to a publish the database did not store, logging it without showing the cause', () => {
    const reply = errorReplyFor(new PublishNotStoredError(1, new Error('connect ECONNREFUSED 10.1.2.3:5432')));
    expect(reply.status).toBe(503);
    expect(reply.unexpected).toBe(true);
    expect(reply.document.errors).toEqual([expect.objectContaining({ status: '503', code: 'HOOKLINE_PUBLISH_NOT_STORED' })]);
    expect(JSON.stringify(reply.document)).not.toContain('10.1.2.3');
  });

  it('gives one entry per issue of an invalid request', () => {
    const reply = errorReplyFor(
      new InvalidRequestError([
        { code: 'HOOKLINE_INVALID_FIELD', detail: 'url is required.', pointer: '/url' },
        { code: 'HOOKLINE_INVALID_FIELD', detail: 'limit too big.', parameter: 'limit' },
      ]),
    );
    expect(reply.document.errors.map((e) => e.source)).toEqual([{ pointer: '/url' }, { parameter: 'limit' }]);
  });

  it("maps body-parser's errors and Nest's HttpExceptions by status", () => {
    const invalidJson = Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400, expose: true });
    expect(errorReplyFor(invalidJson).document.errors[0]).toMatchObject({ code: 'HOOKLINE_INVALID_JSON', source: { pointer: '' } });
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, expose: true });
    expect(errorReplyFor(tooLarge)).toMatchObject({ status: 413, document: { errors: [{ code: 'HOOKLINE_REQUEST_TOO_LARGE' }] } });
    expect(errorReplyFor(new BadRequestException('bad'))).toMatchObject({ status: 400, document: { errors: [{ code: 'HOOKLINE_INVALID_REQUEST', detail: 'bad' }] } });
  });

  it('hides the message of anything unexpected, server-side library errors included', () => {
    for (const error of [new Error('connection to 10.0.0.5 refused'), new SecretDecryptionError('key mismatch'), 'a string']) {
      const reply = errorReplyFor(error);
      expect(reply).toMatchObject({ status: 500, unexpected: true, document: { errors: [{ code: 'HOOKLINE_INTERNAL_ERROR' }] } });
      expect(JSON.stringify(reply)).not.toMatch(/10\.0\.0\.5|key mismatch/);
    }
  });
});
