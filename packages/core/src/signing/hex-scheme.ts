import { singleMacScheme } from './single-mac-scheme';

/** A bare hex HMAC, as mgPass, LoyalPro, Mage and GitHub send: `X-Webhook-Signature: [sha256=]<hex>`. */
export const hexScheme = singleMacScheme('hex', '64 hex characters');
