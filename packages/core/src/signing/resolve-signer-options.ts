import { InvalidSignerOptionsError } from './invalid-signer-options-error';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { isSignatureSchemeName, SIGNATURE_SCHEMES, signatureScheme } from './signature-schemes';
import {
  DEFAULT_TIMESTAMP_HEADER,
  SIGNED_CONTENTS,
  TIMESTAMP_FORMATS,
  type ResolvedSignerOptions,
  type SignerOptions,
} from './signer-options';

const OPTION_NAMES = ['scheme', 'header', 'prefix', 'timestampHeader', 'timestampFormat', 'signedContent', 'idHeader'];
const HEADER_NAME_OPTIONS = ['header', 'timestampHeader', 'idHeader'] as const;
// RFC 9110 token characters: anything else cannot be sent as a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PREFIX = /^[\x21-\x7e]*$/;

function reject(option: string, message: string): never {
  throw new InvalidSignerOptionsError(message, { pointer: `/${option}` });
}

/** Validates signer options and fills in the scheme's defaults; throws InvalidSignerOptionsError. */
export function resolveSignerOptions(options: SignerOptions): ResolvedSignerOptions {
  if (typeof options !== 'object' || options === null) reject('', 'Signer options must be an object such as { scheme: "standard" }.');
  const unknown = Object.keys(options).find((name) => !OPTION_NAMES.includes(name));
  if (unknown !== undefined) reject(unknown, `Unknown signer option "${unknown}"; the options are ${OPTION_NAMES.join(', ')}.`);
  if (!isSignatureSchemeName(options.scheme)) {
    reject('scheme', `Unknown signature scheme ${JSON.stringify(options.scheme)}; use one of ${SIGNATURE_SCHEMES.join(', ')}.`);
  }
  checkValues(options);
  const definition = signatureScheme(options.scheme);
  const resolved = definition.configurableLayout ? resolveTemplate(options, definition) : resolveFixedLayout(options, definition);
  const names = [resolved.header, resolved.idHeader, resolved.timestampHeader].filter((name) => name !== undefined);
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) {
    reject('header', `The signature, id and timestamp headers must differ; got ${names.join(', ')}.`);
  }
  return Object.freeze(resolved);
}

function checkValues(options: SignerOptions): void {
  for (const name of HEADER_NAME_OPTIONS) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || !HEADER_NAME.test(value))) {
      reject(name, `${name} must be a valid HTTP header name such as "X-Webhook-Signature".`);
    }
  }
  if (options.prefix !== undefined && (typeof options.prefix !== 'string' || !PREFIX.test(options.prefix))) {
    reject('prefix', 'prefix must be printable ASCII without spaces, such as "sha256=".');
  }
  if (options.timestampFormat !== undefined && !TIMESTAMP_FORMATS.includes(options.timestampFormat)) {
    reject('timestampFormat', `timestampFormat must be one of ${TIMESTAMP_FORMATS.join(', ')}.`);
  }
  if (options.signedContent !== undefined && !SIGNED_CONTENTS.includes(options.signedContent)) {
    reject('signedContent', `signedContent must be one of ${SIGNED_CONTENTS.join(', ')}.`);
  }
}

// The standard and timestamped layouts are fixed by their specs except for the signature
// header's name; any other option would be ignored or would break every receiver's library.
function resolveFixedLayout(options: SignerOptions, { defaults }: SignatureSchemeDefinition): ResolvedSignerOptions {
  for (const name of ['prefix', 'timestampHeader', 'idHeader'] as const) {
    if (options[name] !== undefined) reject(name, `The ${options.scheme} scheme's layout is fixed by its spec; ${name} only applies to a scheme with a configurable layout, such as hex.`);
  }
  if (options.timestampFormat !== undefined && options.timestampFormat !== defaults.timestampFormat) {
    reject('timestampFormat', `The ${options.scheme} scheme always signs unix seconds; use the hex scheme for ISO timestamps.`);
  }
  if (options.signedContent !== undefined && options.signedContent !== defaults.signedContent) {
    reject('signedContent', `The ${options.scheme} scheme always signs "${defaults.signedContent}"; use the hex scheme to sign something else.`);
  }
  return { ...defaults, scheme: options.scheme, header: options.header ?? defaults.header };
}

function resolveTemplate(options: SignerOptions, { defaults }: SignatureSchemeDefinition): ResolvedSignerOptions {
  // Naming an id or timestamp header only makes sense if it is signed, so it implies the content.
  const signedContent =
    options.signedContent ?? (options.idHeader ? 'id.timestamp.body' : options.timestampHeader ? 'timestamp.body' : 'body');
  const signsTimestamp = signedContent !== 'body';
  const signsId = signedContent === 'id.timestamp.body';
  // An unsigned timestamp gives no replay protection, so sending one would only mislead receivers.
  if (!signsTimestamp && options.timestampHeader !== undefined) {
    reject('timestampHeader', 'timestampHeader is only sent when it is signed; set signedContent to "timestamp.body" or drop it.');
  }
  if (!signsTimestamp && options.timestampFormat !== undefined) {
    reject('timestampFormat', 'timestampFormat has no effect when signedContent is "body"; drop it or sign the timestamp.');
  }
  if (signsId && options.idHeader === undefined) {
    reject('idHeader', 'signedContent "id.timestamp.body" needs idHeader (e.g. "X-Webhook-Id") so receivers can rebuild what was signed.');
  }
  if (!signsId && options.idHeader !== undefined) {
    reject('idHeader', 'idHeader is only sent when the id is signed; set signedContent to "id.timestamp.body" or drop it.');
  }
  return {
    scheme: options.scheme,
    header: options.header ?? defaults.header,
    prefix: options.prefix ?? defaults.prefix,
    idHeader: signsId ? options.idHeader : undefined,
    timestampHeader: signsTimestamp ? (options.timestampHeader ?? DEFAULT_TIMESTAMP_HEADER) : undefined,
    timestampFormat: options.timestampFormat ?? defaults.timestampFormat,
    signedContent,
  };
}
