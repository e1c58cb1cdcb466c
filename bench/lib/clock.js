'use strict';
const { performance } = require('node:perf_hooks');

/** Epoch milliseconds with sub-millisecond resolution; comparable across the bench's processes. */
const now = () => performance.timeOrigin + performance.now();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { now, sleep };
