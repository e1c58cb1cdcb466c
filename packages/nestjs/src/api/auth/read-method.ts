const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** GET, HEAD and OPTIONS read; every other method changes something. */
export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}
