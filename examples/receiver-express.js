// A webhook receiver in Express. The one rule: verify the signature over the raw bytes received.
// `express.json()` would parse and re-serialize the body, and a re-serialized body (other key
// order, spacing, unicode escapes) no longer matches the signature.
const express = require('express');
const { createSigner, WebhookVerificationError } = require('@hookline/core');

const signer = createSigner({ scheme: 'standard' });

function createReceiver(secret, onEvent) {
  const app = express();
  const seen = new Set();
  app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
    try {
      signer.verify({ body: req.body, headers: req.headers, secrets: secret });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return res.status(401).json({ error: error.code });
      throw error;
    }
    // At-least-once delivery: the same webhook-id may arrive twice; handle it once.
    const id = req.headers['webhook-id'];
    if (!seen.has(id)) {
      seen.add(id);
      onEvent(JSON.parse(req.body.toString('utf8')));
    }
    res.status(204).end();
  });
  return app;
}

module.exports = { createReceiver };
