import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { isHooklineError } from '@hookline/core';
import { InvalidRequestError, type RequestIssue } from './api-errors';
import { codeForStatus, statusForCode } from './error-status';

/** One error, JSON:API style (seed 001's error shape). */
export interface ApiErrorObject {
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
}

export interface ApiErrorDocument {
  errors: ApiErrorObject[];
}

export interface ErrorReply {
  status: number;
  document: ApiErrorDocument;
  /** Not a known kind of error: a bug or an outage, to be logged (its message is not shown). */
  unexpected: boolean;
}

// PostgreSQL refusing text from the request itself (a NUL byte in an id, a filter or a field): the caller's input, not an outage.
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

/** The one mapping from anything thrown while serving the API to a status and an error document. */
export function errorReplyFor(exception: unknown): ErrorReply {
  if (exception instanceof InvalidRequestError) {
    return reply(400, exception.issues);
  }
  if (isHooklineError(exception)) {
    const status = statusForCode(exception.code);
    if (status === 503) {
      // An outage, logged as one; the cause's text may name internal hosts, so it stays in the log.
      const detail = 'The database is unavailable, so nothing was stored; retry shortly (with the same idempotency key, if any).';
      return { ...reply(503, [{ code: exception.code, detail }]), unexpected: true };
    }
    if (status >= 500 && status !== 501) return unexpected();
    return reply(status, [{ code: exception.code, detail: exception.message, pointer: exception.pointer }]);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return reply(status, [{ code: codeForStatus(status), detail: httpExceptionDetail(exception) }]);
  }
  const parserError = exception as { type?: string; status?: number; expose?: boolean; message?: string };
  if (parserError?.type === 'entity.parse.failed') {
    return reply(400, [{ code: 'HOOKLINE_INVALID_JSON', detail: `The request body is not valid JSON: ${parserError.message}`, pointer: '' }]);
  }
  if (UNSTORABLE_TEXT_CODES.has(String((exception as { driverError?: { code?: unknown } })?.driverError?.code))) {
    return reply(400, [{ code: codeForStatus(400), detail: 'The request contains a character the database cannot store (such as \\u0000); remove it.' }]);
  }
  // Express's router flags a path segment that is not valid percent-encoding (`/messages/%E0%A4%A`) with status 400.
  if (exception instanceof URIError && parserError.status === 400) {
    return reply(400, [{ code: codeForStatus(400), detail: 'The request path is not valid percent-encoding: escape "%" as %25.' }]);
  }
  // body-parser and Express throw http-errors; `expose` marks the ones whose message is meant for clients.
  if (typeof parserError?.status === 'number' && parserError.status < 500 && parserError.expose) {
    return reply(parserError.status, [{ code: codeForStatus(parserError.status), detail: String(parserError.message) }]);
  }
  return unexpected();
}

function reply(status: number, issues: RequestIssue[]): ErrorReply {
  const title = STATUS_CODES[status] ?? 'Error';
  const errors = issues.map((issue) => ({
    status: String(status),
    code: issue.code,
    title,
    detail: issue.detail,
    ...(issue.pointer !== undefined ? { source: { pointer: issue.pointer } } : {}),
    ...(issue.parameter !== undefined ? { source: { parameter: issue.parameter } } : {}),
  }));
  return { status, document: { errors }, unexpected: false };
}

function unexpected(): ErrorReply {
  return { ...reply(500, [{ code: 'HOOKLINE_INTERNAL_ERROR', detail: 'An unexpected error occurred; it has been logged.' }]), unexpected: true };
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
