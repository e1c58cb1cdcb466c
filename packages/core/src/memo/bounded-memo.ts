/**
 * `compute(key)` remembered in `memo`, which is emptied once it holds `limit` entries: the keys
 * (subscription URLs, secrets) repeat, but an unbounded map would grow with every one ever seen.
 * A compute that throws remembers nothing.
 */
export function remembered<V>(memo: Map<string, V>, key: string, limit: number, compute: (key: string) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
  }
  return value;
}
