#!/usr/bin/env node
// Steady loyalty activity against the running demo: enrollments, purchases (points), refunds and
// redemptions, so webhooks keep flowing. Loopback only; stops after --seconds (default 300).
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    shop: { type: 'string', default: process.env.DEMO_SHOP ?? 'demo-shop' },
    rate: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '300' },
  },
});
const base = `http://127.0.0.1:${Number(values.port)}/shops/${encodeURIComponent(values.shop)}`;
const perSecond = Math.max(0.1, Number(values.rate));
const deadline = Date.now() + Number(values.seconds) * 1000;
const customers = [];
const counts = { enroll: 0, earn: 0, deduct: 0, redeem: 0, failed: 0 };

async function call(path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

async function step() {
  const roll = Math.random();
  if (customers.length < 3 || roll < 0.1) {
    const customer = await call('/customers', { email: `member${Date.now()}${Math.floor(Math.random() * 1e4)}@example.com` });
    customers.push(customer.id);
    counts.enroll += 1;
  } else if (roll < 0.75) {
    await call(`/customers/${pick(customers)}/earn`, { amount: 50 + Math.floor(Math.random() * 900), reason: `Order #${Math.floor(Math.random() * 1e6)}` });
    counts.earn += 1;
  } else if (roll < 0.85) {
    await call(`/customers/${pick(customers)}/deduct`, { amount: 100 + Math.floor(Math.random() * 400), reason: 'Refund' });
    counts.deduct += 1;
  } else {
    await call(`/customers/${pick(customers)}/redeem`, { reward_id: pick(['rwd_coffee', 'rwd_shipping', 'rwd_giftcard_25']) });
    counts.redeem += 1;
  }
}

async function main() {
  console.log(`Simulating ~${perSecond}/s against ${base} until ${new Date(deadline).toISOString()} (Ctrl-C stops).`);
  let ticks = 0;
  while (Date.now() < deadline) {
    // Not enough points for a redemption is part of a real program's traffic: counted, not fatal.
    await step().catch((error) => {
      counts.failed += 1;
      if (counts.failed <= 3 || counts.failed % 50 === 0) console.warn(error.message);
    });
    ticks += 1;
    if (ticks % Math.ceil(perSecond * 10) === 0) console.log(JSON.stringify(counts));
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  console.log(`Done: ${JSON.stringify(counts)}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
