/** Up to `limit` candidates that look like a typo of `input`, closest first. */
export function closeMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  // Allow roughly one slip per four characters, but always at least two, so short names
  // (`test`) and long ones (`cashback.redemption_completed`) both get useful hints.
  const threshold = Math.max(2, Math.floor(input.length / 4));
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(input, candidate) }))
    .filter(({ distance }) => distance <= threshold)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
