/** A JSON:API-style resource object, as in seed 001: `{ type, id, attributes }`. */
export interface ResourceObject<A> {
  type: string;
  id: string;
  attributes: A;
}

export interface SingleDocument<A> {
  data: ResourceObject<A>;
}

export interface ListDocument<A> {
  data: ResourceObject<A>[];
  meta: { next_cursor: string | null };
}

export function resource<A>(type: string, id: string, attributes: A): ResourceObject<A> {
  return { type, id, attributes };
}

export function listDocument<A>(data: ResourceObject<A>[], nextCursor: string | null): ListDocument<A> {
  return { data, meta: { next_cursor: nextCursor } };
}

/** Times leave the API as ISO 8601 strings in UTC. */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
