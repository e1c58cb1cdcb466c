'use strict';
/**
 * Milliseconds on the machine's monotonic clock, with sub-millisecond resolution: comparable
 * across the bench's processes (receipts are stamped by the receiver, publishes by a sender) and
 * immune to the wall clock being stepped mid-run, which `performance.timeOrigin` (each process's
 * own wall-clock reading at start) is not: a 13 s step once made a whole round's figures negative.
 */
const now = () => Number(process.hrtime.bigint()) / 1e6;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { now, sleep };
