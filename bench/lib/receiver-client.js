'use strict';
// Talks to bench/receiver-process.js over its /__ctl/ endpoints (from any bench process).

class ReceiverClient {
  constructor({ port, altPort }) {
    this.base = `http://127.0.0.1:${port}`;
    this.altBase = `http://127.0.0.1:${altPort}`;
  }

  /** A webhook URL in `bucket`; `alt` puts it on the second origin (another host:port). */
  url(bucket, suffix = '', { alt = false } = {}) {
    return `${alt ? this.altBase : this.base}/b/${bucket}${suffix}`;
  }

  async control(path, body) {
    const response = await fetch(`${this.base}/__ctl/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`receiver ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Resets the bucket's stats. config: { status, failRatio, sleepMs, secret, secrets, verifyEvery, latency, trackIds } */
  configure(bucket, config = {}) {
    return this.control('configure', { bucket, config });
  }

  stats(bucket) {
    return this.control(`stats?bucket=${encodeURIComponent(bucket)}`);
  }

  drop(bucket) {
    return this.control(`drop?bucket=${encodeURIComponent(bucket)}`);
  }

  processInfo() {
    return this.control('process');
  }

  /** Waits until `count` distinct deliveries arrived with a 2xx answer; returns the stats either way. */
  async waitFor(bucket, count, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      const chunk = Math.max(1, Math.min(left, 30_000));
      const result = await this.control(`wait?bucket=${encodeURIComponent(bucket)}&count=${count}&timeoutMs=${chunk}`);
      if (result.reached || Date.now() >= deadline) return result;
    }
  }
}

module.exports = { ReceiverClient };
