import { base64Scheme } from './base64-scheme';
import { hexScheme } from './hex-scheme';
import type { SignatureSchemeDefinition } from './signature-scheme';
import { standardScheme } from './standard-scheme';
import { timestampedScheme } from './timestamped-scheme';

/** Every signature scheme, by the name options use. The one list: types, validation and messages derive from it. */
const DEFINITIONS = {
  standard: standardScheme,
  timestamped: timestampedScheme,
  hex: hexScheme,
  base64: base64Scheme,
} satisfies Record<string, SignatureSchemeDefinition>;

/** How the signature is laid out on the wire; each seed platform uses one of these. */
export type SignatureSchemeName = keyof typeof DEFINITIONS;

export const SIGNATURE_SCHEMES = Object.keys(DEFINITIONS) as readonly SignatureSchemeName[];

export function isSignatureSchemeName(name: unknown): name is SignatureSchemeName {
  return typeof name === 'string' && Object.hasOwn(DEFINITIONS, name);
}

export function signatureScheme(name: SignatureSchemeName): SignatureSchemeDefinition {
  return DEFINITIONS[name];
}
