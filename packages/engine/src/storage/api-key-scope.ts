/** What a key may do: `read` only lists and gets; `write` may also create, change and resend. */
export type ApiKeyScope = 'read' | 'write';

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'write'];
