// Builds DOM nodes from data without ever parsing it as HTML: text goes in as text nodes and
// attributes through setAttribute, so nothing an API returns can become markup or script.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element: `h('a', { href: '#/x', class: 'link', on: { click } }, 'text', child)`. */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element, same arguments as h(). */
export function svg(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

/** Replaces everything inside `node` with `children`. */
export function mount(node, ...children) {
  node.replaceChildren(...nodesOf(children));
  return node;
}

function build(element, props = {}, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name === 'value' || name === 'checked') element[name] = value;
    else if (name === 'style' || name.startsWith('on')) throw new Error(`Refusing the ${name} attribute: inline styles and handlers break the page's policy.`);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...nodesOf(children));
  return element;
}

function nodesOf(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'object' ? c : document.createTextNode(String(c))));
}
