'use strict';
// Baseline: what a team writes in an afternoon. BullMQ on Redis, one job per delivery, axios
// with a keep-alive agent, Standard Webhooks HMAC signing, BullMQ's own retries. Subscriptions
// live in memory and nothing is persisted: no message, delivery or attempt rows.
const http = require('node:http');
const { createHmac, randomUUID } = require('node:crypto');
const axios = require('axios');
const { Queue, Worker } = require('bullmq');
const { Redis } = require('ioredis');
const { generateSecret } = require('@hookline/core');
const { EVENT_TYPE } = require('../lib/events');
const { REDIS_URL } = require('../lib/services');

/** options: { concurrency, retrySchedule? } */
async function createNaive(resources, options) {
  const concurrency = options.concurrency;
  const schedule = options.retrySchedule ?? [5_000, 300_000, 1_800_000];
  const connection = () => new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const producer = connection();
  const queue = new Queue('naive-deliveries', { connection: producer, prefix: resources.prefix });
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const client = axios.create({ httpAgent: agent, timeout: 15_000, maxRedirects: 0 });
  const subscriptions = new Map();
  const keys = new Map();
  let worker;

  const keyOf = (secret) => {
    let key = keys.get(secret);
    if (!key) keys.set(secret, (key = Buffer.from(secret.slice('whsec_'.length), 'base64')));
    return key;
  };

  async function deliver(job) {
    const { url, secret, id, data, occurredAt } = job.data;
    const body = JSON.stringify({ id, type: EVENT_TYPE, timestamp: occurredAt, data });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
    await client.post(url, body, {
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': `v1,${signature}`,
      },
    });
  }

  function jobsFor(tenant, events) {
    const targets = subscriptions.get(tenant) ?? [];
    const occurredAt = new Date().toISOString();
    const jobs = [];
    for (const data of events) {
      for (const subscription of targets) {
        const id = `msg_${randomUUID()}`;
        jobs.push({
          name: 'deliver',
          data: { url: subscription.url, secret: subscription.secret, id, data, occurredAt },
          opts: { jobId: id, attempts: schedule.length + 1, backoff: { type: 'custom' }, removeOnComplete: true, removeOnFail: true },
        });
      }
    }
    return jobs;
  }

  return {
    kind: 'naive',
    label: `naive (bullmq + axios + hmac, concurrency ${concurrency}, nothing persisted)`,

    async addSubscriptions(tenant, urls) {
      const created = urls.map((url) => ({ id: `sub_${randomUUID()}`, url, secret: generateSecret({ scheme: 'standard' }) }));
      subscriptions.set(tenant, [...(subscriptions.get(tenant) ?? []), ...created]);
      return created;
    },

    async start() {
      worker ??= new Worker('naive-deliveries', deliver, {
        connection: connection(),
        prefix: resources.prefix,
        concurrency,
        settings: { backoffStrategy: (attemptsMade) => schedule[Math.min(attemptsMade, schedule.length) - 1] },
      });
      worker.on('error', () => undefined);
    },

    async publishBatch(tenant, events) {
      const jobs = jobsFor(tenant, events);
      if (jobs.length > 0) await queue.addBulk(jobs);
    },

    async publishOne(tenant, data) {
      const jobs = jobsFor(tenant, [data]);
      if (jobs.length === 1) await queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
      else if (jobs.length > 1) await queue.addBulk(jobs);
    },

    async stop() {
      await worker?.close(true);
      await queue.close();
      await producer.quit();
      agent.destroy();
    },
  };
}

module.exports = { createNaive };
