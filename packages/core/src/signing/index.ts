export { createSigner, verifyWebhook } from './create-signer';
export { describeSignature, type SignatureDescription } from './describe-signature';
export { generateSecret } from './generate-secret';
export type { IncomingHeaders } from './header-lookup';
export { InvalidSignerOptionsError } from './invalid-signer-options-error';
export { InvalidSigningInputError } from './invalid-signing-input-error';
export type { SignInput, Signer, VerifyInput } from './signer';
export type {
  ResolvedSignerOptions,
  SignatureSchemeName,
  SignedContent,
  SignerOptions,
  TimestampFormat,
} from './signer-options';
export { WebhookVerificationError, type WebhookVerificationErrorCode } from './webhook-verification-error';
export { SIGNATURE_SCHEMES, isSignatureSchemeName } from './signature-schemes';
