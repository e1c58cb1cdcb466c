import { createSigner, generateSecret, WebhookVerificationError } from '@hookline/core';

// Sender side: sign the exact body you send.
const signer = createSigner({ scheme: 'standard' });
const secret = generateSecret({ scheme: 'standard' }); // whsec_…, shown to the subscriber once
const body = JSON.stringify({ type: 'points.earned', data: { customer_id: 'cust_1', amount: 150 } });
const headers = signer.sign({ id: 'msg_2Ld1', timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });

// Receiver side: verify the raw body (never re-serialized JSON) against the secret.
signer.verify({ body, headers, secrets: secret });

try {
  signer.verify({ body: body.replace('150', '1500'), headers, secrets: secret });
} catch (error) {
  if (error instanceof WebhookVerificationError) console.log(error.code); // HOOKLINE_SIGNATURE_MISMATCH
}
