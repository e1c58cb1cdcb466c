'use strict';
// The benchmark's webhook receiver, run in its own process so it never shares an event loop
// with a sender. Two keep-alive HTTP servers on 127.0.0.1 (a second origin lets a "slow
// endpoint" live on another host:port, as it would in real life) share one state:
//   POST /b/<bucket>[/<anything>]  a webhook; counted, timestamped, answered as the bucket says
//   /__ctl/*                       control: configure a bucket, read its stats, wait for a count
// Signatures are verified on a sample with the reference `standardwebhooks` library, not ours.
const http = require('node:http');
const { Webhook } = require('standardwebhooks');
const { now } = require('./lib/clock');

const buckets = new Map();

function newBucket(config) {
  return {
    // blip: { afterOk, ms } answers 503 for `ms` once `afterOk` deliveries got through (an endpoint's deploy).
    config: { status: 200, failRatio: 0, sleepMs: 0, verifyEvery: 0, latency: false, trackIds: true, secrets: {}, marks: [], blip: null, ...config },
    blipFrom: 0,
    /** When the count of distinct 2xx deliveries first reached each of config.marks. */
    reachedAt: {},
    verifiers: new Map(),
    requests: 0,
    ok: 0,
    failed: 0,
    firstAt: 0,
    lastOkAt: 0,
    ids: new Set(),
    untracked: 0,
    duplicates: 0,
    verified: 0,
    verifyFailures: 0,
    verifyErrors: [],
    latencies: [],
    waiters: [],
  };
}

function bucketFor(name) {
  let bucket = buckets.get(name);
  if (!bucket) {
    bucket = newBucket({});
    buckets.set(name, bucket);
  }
  return bucket;
}

function verifierFor(bucket, path) {
  const secret = bucket.config.secrets[path] ?? bucket.config.secret;
  if (!secret) return undefined;
  let verifier = bucket.verifiers.get(secret);
  if (!verifier) {
    verifier = new Webhook(secret);
    bucket.verifiers.set(secret, verifier);
  }
  return verifier;
}

function verifySample(bucket, path, headers, body) {
  const verifier = verifierFor(bucket, path);
  if (!verifier) return;
  try {
    verifier.verify(body, headers);
    bucket.verified += 1;
  } catch (error) {
    bucket.verifyFailures += 1;
    if (bucket.verifyErrors.length < 5) bucket.verifyErrors.push(`${path}: ${error.message}`);
  }
}

function settleWaiters(bucket) {
  const count = bucket.ids.size + bucket.untracked;
  for (const mark of bucket.config.marks) if (count >= mark && !bucket.reachedAt[mark]) bucket.reachedAt[mark] = now();
  if (bucket.waiters.length === 0) return;
  bucket.waiters = bucket.waiters.filter((waiter) => {
    if (bucket.ids.size + bucket.untracked < waiter.count) return true;
    waiter.done();
    return false;
  });
}

function onWebhook(req, res, bucketName, path) {
  const arrivedAt = now();
  const bucket = bucketFor(bucketName);
  const { config } = bucket;
  const index = bucket.requests++;
  if (bucket.firstAt === 0) bucket.firstAt = arrivedAt;
  const keepBody = config.latency || (config.verifyEvery > 0 && index % config.verifyEvery === 0);
  const chunks = keepBody ? [] : undefined;
  req.on('data', (chunk) => chunks?.push(chunk));
  req.on('end', () => {
    const at = now();
    if (config.blip && bucket.blipFrom === 0 && bucket.ok >= config.blip.afterOk) bucket.blipFrom = at;
    const blipping = bucket.blipFrom > 0 && at < bucket.blipFrom + config.blip.ms;
    const fail = blipping || (config.failRatio > 0 && Math.random() < config.failRatio);
    const answer = () => {
      if (fail || config.status >= 300) {
        bucket.failed += 1;
        res.writeHead(fail ? 503 : config.status, { 'content-type': 'text/plain' }).end('unavailable');
        return;
      }
      const at = now();
      bucket.ok += 1;
      bucket.lastOkAt = at;
      const id = req.headers['webhook-id'];
      if (config.trackIds) {
        if (bucket.ids.has(id)) bucket.duplicates += 1;
        else bucket.ids.add(id);
      } else {
        bucket.untracked += 1;
      }
      if (chunks) {
        const body = Buffer.concat(chunks).toString('utf8');
        if (config.verifyEvery > 0 && index % config.verifyEvery === 0) verifySample(bucket, path, req.headers, body);
        if (config.latency) {
          const sent = /"sent_at":([0-9.]+)/.exec(body);
          if (sent) bucket.latencies.push(arrivedAt - Number(sent[1]));
        }
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      settleWaiters(bucket);
    };
    if (config.sleepMs > 0) setTimeout(answer, config.sleepMs);
    else answer();
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(name) {
  const bucket = bucketFor(name);
  const sorted = Float64Array.from(bucket.latencies).sort();
  const round = (v) => (v == null ? null : Math.round(v * 100) / 100);
  return {
    requests: bucket.requests,
    ok: bucket.ok,
    failed: bucket.failed,
    unique: bucket.config.trackIds ? bucket.ids.size : bucket.untracked,
    duplicates: bucket.duplicates,
    blipEndedAt: bucket.blipFrom > 0 ? bucket.blipFrom + bucket.config.blip.ms : null,
    firstAt: bucket.firstAt,
    lastOkAt: bucket.lastOkAt,
    reachedAt: bucket.reachedAt,
    verified: bucket.verified,
    verifyFailures: bucket.verifyFailures,
    verifyErrors: bucket.verifyErrors,
    latency: bucket.config.latency
      ? {
          count: sorted.length,
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted[sorted.length - 1] ?? null),
        }
      : undefined,
  };
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

async function onControl(req, res, url) {
  const name = url.searchParams.get('bucket');
  switch (url.pathname) {
    case '/__ctl/configure': {
      const body = await readJson(req);
      const bucket = newBucket(body.config ?? {});
      const old = buckets.get(body.bucket);
      for (const waiter of old?.waiters ?? []) waiter.done();
      buckets.set(body.bucket, bucket);
      return sendJson(res, 200, { ok: true });
    }
    case '/__ctl/drop': {
      const old = buckets.get(name);
      for (const waiter of old?.waiters ?? []) waiter.done();
      buckets.delete(name);
      return sendJson(res, 200, { ok: true });
    }
    case '/__ctl/stats':
      return sendJson(res, 200, stats(name));
    case '/__ctl/wait': {
      // Long poll: answers once the bucket has `count` distinct 2xx deliveries, or at the timeout.
      const bucket = bucketFor(name);
      const count = Number(url.searchParams.get('count'));
      const timeoutMs = Math.min(Number(url.searchParams.get('timeoutMs') ?? 10_000), 600_000);
      if (bucket.ids.size + bucket.untracked >= count) return sendJson(res, 200, { reached: true, ...stats(name) });
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        bucket.waiters.push({ count, done: () => (clearTimeout(timer), resolve()) });
      });
      const current = stats(name);
      return sendJson(res, 200, { reached: current.unique >= count, ...current });
    }
    case '/__ctl/process':
      return sendJson(res, 200, { cpu: process.cpuUsage(), memory: process.memoryUsage(), uptime: process.uptime() });
    default:
      return sendJson(res, 404, { error: 'unknown control path' });
  }
}

function handler(req, res) {
  const url = req.url ?? '/';
  if (url.startsWith('/b/')) {
    const slash = url.indexOf('/', 3);
    return onWebhook(req, res, slash < 0 ? url.slice(3) : url.slice(3, slash), url);
  }
  if (url.startsWith('/__ctl/')) {
    return onControl(req, res, new URL(url, 'http://127.0.0.1')).catch((error) => sendJson(res, 500, { error: error.message }));
  }
  req.resume();
  res.writeHead(404).end();
}

function listen() {
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 60_000, requestTimeout: 0, headersTimeout: 60_000 }, handler);
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const [main, alt] = await Promise.all([listen(), listen()]);
  const ports = { port: main.address().port, altPort: alt.address().port };
  if (process.send) process.send({ ready: true, ...ports });
  else console.log(JSON.stringify(ports));
  // Bounded: the parent ends us, and we never outlive it.
  process.on('disconnect', () => process.exit(0));
  const maxLifeMs = Number(process.env.HOOKLINE_BENCH_RECEIVER_MAX_MS ?? 60 * 60_000);
  setTimeout(() => process.exit(0), maxLifeMs).unref();
}

void main();
