/** The key in `Authorization: <key>` (seed 001) or `Authorization: Bearer <key>`, if any. */
export function presentedKey(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const value = header.trim();
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1];
  return /^\S+$/.test(value) ? value : undefined;
}
