import type { EnvelopeInput } from './envelopes';
import type { ResolvedProfile } from './resolve-profile';

/** A message whose `data` is still the JSON text it was stored as. */
export type StoredEnvelopeInput = Omit<EnvelopeInput, 'data'> & { dataJson: string };

export type WebhookMessageInput = EnvelopeInput | StoredEnvelopeInput;

// A string no envelope field holds in practice; if one ever does, splicing is skipped.
const DATA_MARK = '\u0000hookline:data\u0000';
const QUOTED_DATA_MARK = JSON.stringify(DATA_MARK);

/**
 * The body's exact text. A built-in envelope places `data` as it is, so stored JSON is spliced
 * into the serialized envelope instead of being parsed and serialized again (the bytes are the
 * same: the stored text is itself JSON.stringify output). A custom envelope gets parsed data.
 */
export function serializeEnvelope(resolved: ResolvedProfile, message: WebhookMessageInput): string {
  if (!('dataJson' in message)) return JSON.stringify(resolved.buildEnvelope(message));
  const { dataJson, ...rest } = message;
  if (typeof resolved.profile.envelope === 'string') {
    const marked = JSON.stringify(resolved.buildEnvelope({ ...rest, data: DATA_MARK }));
    const at = marked.indexOf(QUOTED_DATA_MARK);
    if (at >= 0 && marked.indexOf(QUOTED_DATA_MARK, at + 1) < 0) {
      return marked.slice(0, at) + dataJson + marked.slice(at + QUOTED_DATA_MARK.length);
    }
  }
  return JSON.stringify(resolved.buildEnvelope({ ...rest, data: JSON.parse(dataJson) }));
}
