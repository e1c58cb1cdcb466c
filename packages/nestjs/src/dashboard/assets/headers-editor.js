// Rows of header name and value for a subscription's own headers, with add and remove. Values are
// typed, never shown back: the API returns them masked, so editing means entering them again.
import { h } from './dom.js';

/** `names` prefill rows whose values must be entered again. `value()` → the map to send, or null for none. */
export function headersEditor(names = []) {
  const rows = [];
  const list = h('div', { class: 'header-rows' });
  let added = 0;
  const add = (name = '') => {
    const index = (added += 1);
    const nameInput = h('input', { type: 'text', value: name, 'aria-label': `Header name ${index}`, placeholder: 'X-Api-Key', autocomplete: 'off', spellcheck: 'false' });
    const valueInput = h('input', {
      type: 'text',
      'aria-label': `Header value ${index}`,
      placeholder: name ? 'Enter the value again' : 'value',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const row = { nameInput, valueInput };
    const element = h('div', { class: 'header-row' }, nameInput, valueInput);
    const remove = h('button', { type: 'button', class: ['button', 'button-secondary'], 'aria-label': `Remove header ${index}` }, 'Remove');
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      element.remove();
    });
    element.append(remove);
    rows.push(row);
    list.append(element);
    return nameInput;
  };
  for (const name of names) add(name);
  const element = h(
    'fieldset',
    { class: 'headers-editor' },
    h('legend', {}, 'Headers (optional)'),
    h('p', { class: 'hint' }, 'Sent with every delivery, e.g. an API key your receiver checks. Stored encrypted and shown masked once saved.'),
    list,
    h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: () => add().focus() } }, 'Add header'),
  );
  const value = () => {
    const filled = rows.filter((row) => row.nameInput.value.trim() || row.valueInput.value);
    return filled.length === 0 ? null : Object.fromEntries(filled.map((row) => [row.nameInput.value.trim(), row.valueInput.value]));
  };
  return { element, value };
}
