/** Page sizes of every list, in the services and the REST API alike. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 250;

/** A requested page size, whole and within 1…MAX_PAGE_SIZE; the default when none was asked for. */
export function pageSize(requested: number | undefined): number {
  return Math.min(Math.max(1, Math.floor(requested ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
}
