/**
 * BullMQ dedupes by job id, so a job's key is its id. BullMQ rejects ids with ':' and ids that
 * look like integers, so keys are URI-encoded (delivery ids such as `dlv_01J…` pass unchanged),
 * and an integer-looking one gets a `%i` prefix: URI encoding never emits '%' before a non-hex
 * character, so two different keys never share an id.
 */
export function jobIdForKey(key: string): string {
  const encoded = encodeURIComponent(key);
  return `${Number.parseInt(encoded, 10)}` === encoded ? `%i${encoded}` : encoded;
}
