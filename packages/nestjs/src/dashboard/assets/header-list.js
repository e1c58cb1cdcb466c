// Headers as name/value pairs; the API masks every value that carries a credential before it gets here.
import { h } from './dom.js';

export function headerList(entries, empty) {
  if (entries.length === 0) return h('p', { class: 'empty' }, empty);
  return h('dl', { class: 'properties header-list' }, entries.map(([name, value]) => [h('dt', {}, h('code', {}, name)), h('dd', {}, h('code', {}, value))]));
}
