// Small DOM helpers. Everything is built with createElement and textContent: no HTML strings, so text
// from the API can never become markup (the page's CSP also requires Trusted Types for any HTML sink).

/**
 * An element: h('p', { class: 'x', id: 'y' }, 'text', child, ...). Attributes whose value is null,
 * undefined or false are left out; `true` gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces every child of `element`. */
export function fill(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Money as the API sends it ("1234.50", two decimals) shown with a pound sign and thousands separators.
 * Only the characters are rearranged: the figure is never turned into a number.
 */
export function pounds(text) {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(String(text));
  if (!match) return String(text);
  const [, sign, whole, decimals = ''] = match;
  return `${sign}£${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals}`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2025-05-06" as "Tuesday 6 May 2025 (2025-05-06)"; the civil date is read at midnight UTC, so no zone shifts it. */
export function longDate(civil) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(civil)) return civil;
  return `${LONG_DATE.format(new Date(`${civil}T00:00:00Z`)).replace(',', '')} (${civil})`;
}

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the UK as YYYY-MM-DD (en-CA writes dates that way). */
export function todayInUk() {
  return UK_DATE.format(new Date());
}

/** A link to a legal source, only for web addresses (never a javascript: or data: URL); else plain text. */
export function sourceLink(title, href) {
  if (typeof href === 'string' && /^https:\/\//.test(href)) {
    return h(
      'a',
      { href, target: '_blank', rel: 'noopener noreferrer' },
      title,
      h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'),
    );
  }
  return document.createTextNode(title);
}

/**
 * A table with a caption, header cells and rows; a row is a list of cells (text or nodes) or
 * `{ cells, attributes }`. The first cell of each row is its header. Wrapped so it scrolls sideways on
 * its own on a narrow screen instead of widening the page.
 */
export function table(caption, headers, rows) {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((text) => h('th', { scope: 'col' }, text)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) => {
          const { cells, attributes } = Array.isArray(row) ? { cells: row, attributes: {} } : row;
          return h(
            'tr',
            attributes,
            cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
          );
        }),
      ),
    ),
  );
}

/** The trace: every step with its value and legal source, folded away until asked for. */
export function traceDetails(trace, summaryText) {
  return h(
    'details',
    { class: 'trace' },
    h('summary', {}, summaryText),
    h(
      'ol',
      { class: 'trace-steps' },
      trace.map((step) =>
        h(
          'li',
          { 'data-step': step.step },
          h('p', {}, step.description),
          h('p', { class: 'trace-meta' }, h('span', { class: 'label' }, 'Value: '), step.value),
          h('p', { class: 'trace-meta' }, h('span', { class: 'label' }, 'Source: '), sourceLink(step.citation, step.href)),
        ),
      ),
    ),
  );
}

/**
 * A counter that Clear moves on. A call records it when it starts and shows its answer only if it has not
 * moved, so an answer that arrives after Clear never brings the last caller's figures back.
 */
let generation = 0;
export const currentGeneration = () => generation;
export const nextGeneration = () => ++generation;

/** Announces a short message (never case details) to screen readers through the page's status region. */
export function announce(message) {
  document.getElementById('status').textContent = message;
}

/** Hands `blob` to the browser as a download called `filename`; nothing is kept once it has gone. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
