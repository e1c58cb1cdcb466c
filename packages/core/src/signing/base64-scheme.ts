import { singleMacScheme } from './single-mac-scheme';

/** A base64 HMAC, as Shopify sends over the body: `X-Shopify-Hmac-Sha256: <base64>`. */
export const base64Scheme = singleMacScheme('base64', 'a base64 HMAC-SHA256 (44 characters)');
