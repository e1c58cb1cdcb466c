'use strict';
const { now } = require('./clock');

const EVENT_TYPE = 'points.earned';

/** A typical loyalty event (~150 bytes of data); `sent_at` lets the receiver measure publish→receipt. */
function eventData(index) {
  return { customer_id: `cust_${index}`, amount: 150, new_balance: 2350 + index, reason: 'Purchase - Order #12345', sent_at: now() };
}

function eventBatch(start, count) {
  return Array.from({ length: count }, (_, i) => eventData(start + i));
}

module.exports = { EVENT_TYPE, eventData, eventBatch };
