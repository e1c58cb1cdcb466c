import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** The prefixes of every id Hookline hands out; the prefix tells a reader what the id names. */
export const ID_PREFIXES = {
  message: 'msg',
  subscription: 'whsub',
  delivery: 'dlv',
  attempt: 'att',
  apiKey: 'key',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// ulid's default source asks the OS for one random byte per character; ids are made per
// delivery and per attempt, so bytes are drawn from a pool refilled a few KiB at a time.
const randomPool = new Uint8Array(4_096);
let randomOffset = randomPool.length;
function pooledRandom(): number {
  if (randomOffset >= randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  return randomPool[randomOffset++] / 256;
}

// Monotonic so ids made in the same millisecond still sort in creation order, which the
// delivery log's cursor pagination relies on.
const nextUlid = monotonicFactory(pooledRandom);

/** A prefixed, time-sortable id such as `msg_01J8Z3…` (ULID, 26 Crockford base32 characters). */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${nextUlid(now)}`;
}

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const ID_PATTERN = new RegExp(`^[a-z]+_${ULID}$`);

/** The regular expression, as text, that every id of `kind` matches: for schemas in API docs. */
export function idPattern(kind: IdKind): string {
  return `^${ID_PREFIXES[kind]}_${ULID}$`;
}

/** True when `value` looks like an id of `kind`; used to reject junk ids before they reach SQL. */
export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${ID_PREFIXES[kind]}_`) && ID_PATTERN.test(value);
}
