'use strict';
// Baseline: the raw HTTP ceiling. undici.request on a keep-alive pool with a fixed number of
// lanes, straight from memory: no queue, no database, no signing. A 503 is simply sent again
// at once, so the retry storm has a ceiling too.
const { Agent, request } = require('undici');
const { EVENT_TYPE } = require('../lib/events');

/** options: { concurrency } */
async function createRaw(_resources, options) {
  const concurrency = options.concurrency;
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const subscriptions = new Map();
  const pending = [];
  let head = 0;
  let inFlight = 0;
  let sequence = 0;
  let stopped = false;
  const stats = { sent: 0, errors: 0 };

  function send(item) {
    inFlight += 1;
    stats.sent += 1;
    request(item.url, { method: 'POST', dispatcher: agent, headers: item.headers, body: item.body })
      .then(async (response) => {
        await response.body.dump();
        if (response.statusCode >= 300) pending.push(item);
      })
      .catch(() => {
        stats.errors += 1;
        pending.push(item);
      })
      .finally(() => {
        inFlight -= 1;
        pump();
      });
  }

  function pump() {
    while (!stopped && inFlight < concurrency && head < pending.length) {
      send(pending[head]);
      pending[head++] = undefined;
    }
    if (head > 10_000 && head === pending.length) {
      pending.length = 0;
      head = 0;
    }
  }

  function enqueue(tenant, events) {
    const targets = subscriptions.get(tenant) ?? [];
    const timestamp = new Date().toISOString();
    for (const data of events) {
      for (const subscription of targets) {
        const id = `raw_${++sequence}`;
        const body = JSON.stringify({ id, type: EVENT_TYPE, timestamp, data });
        pending.push({ url: subscription.url, body, headers: { 'content-type': 'application/json', 'webhook-id': id } });
      }
    }
    pump();
  }

  return {
    kind: 'raw',
    label: `raw http (undici.request keep-alive, ${concurrency} lanes, no queue, no db)`,
    stats,
    async addSubscriptions(tenant, urls) {
      const created = urls.map((url, i) => ({ id: `raw_sub_${i}`, url, secret: undefined }));
      subscriptions.set(tenant, [...(subscriptions.get(tenant) ?? []), ...created]);
      return created;
    },
    async start() {},
    async publishBatch(tenant, events) {
      enqueue(tenant, events);
    },
    async publishOne(tenant, data) {
      enqueue(tenant, [data]);
    },
    async stop() {
      stopped = true;
      await agent.destroy();
    },
  };
}

module.exports = { createRaw };
