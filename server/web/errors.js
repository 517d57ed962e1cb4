// Errors from the API, shown twice: in a summary at the top of the section (each line a link to its field)
// and next to the field the error names. The API's `details` carry field paths such as
// "receivingParents[0].children[1].nightsPerYear"; each form control names the paths it stands for in
// data-field, and a path with no control of its own goes to its nearest named parent (a fieldset).

import { h, fill } from './dom.js';

let errorNumber = 0;

function controlsOf(form) {
  return [...form.querySelectorAll('[data-field]')];
}

/** The element for a field path: an exact match, else the nearest parent path that has one. */
function targetFor(form, path) {
  const controls = controlsOf(form);
  let current = path;
  while (current) {
    const found = controls.find((el) => el.dataset.field.split(/\s+/).includes(current));
    if (found) return found;
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

const isControl = (el) => el.matches('input, select, textarea');

/** What to focus for an element: the control itself, or a group's first control. */
function focusTarget(el) {
  if (isControl(el)) return el;
  return el.querySelector('input, select, textarea') ?? el;
}

/** A plain name for the field: the page's own words, never the API's path. */
function nameOf(el) {
  if (el.dataset.name) return el.dataset.name;
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  return label ? label.textContent.trim() : null;
}

function markField(el, message) {
  el.closest('details')?.setAttribute('open', '');
  const id = `field-error-${++errorNumber}`;
  const note = h('p', { class: 'field-error', id }, h('span', { class: 'error-prefix' }, 'Error: '), message);
  if (isControl(el)) {
    el.before(note);
    el.setAttribute('aria-invalid', 'true');
    const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    el.setAttribute('aria-describedby', [id, ...described].join(' '));
    el.closest('.field')?.classList.add('has-error');
  } else {
    const legend = el.querySelector(':scope > legend');
    if (legend) legend.after(note);
    else el.prepend(note);
    el.classList.add('has-error');
  }
}

/** Removes every error from a form and hides its summary. */
export function clearErrors(form, summary) {
  summary.hidden = true;
  fill(summary);
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.startsWith('field-error-'));
    if (described.length > 0) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/**
 * Shows an API error `{ code, message, details }` on `form`: each problem next to its field and as a line
 * of the summary, which takes the focus so a screen reader reads it at once.
 */
export function showErrors(form, summary, error, title) {
  clearErrors(form, summary);
  const problems = error.details.length > 0 ? error.details : [{ field: '', message: error.message }];
  const items = problems.map((problem) => {
    const target = problem.field ? targetFor(form, problem.field) : null;
    if (!target) {
      // A field this form has no place for: say it as the API did.
      const text =
        problem.field && !['(body)', '(request)', '(server)'].includes(problem.field)
          ? `${problem.field}: ${problem.message}`
          : problem.message;
      return h('li', {}, text);
    }
    markField(target, problem.message);
    const name = nameOf(target);
    const focus = focusTarget(target);
    const link = h('a', { href: `#${focus.id}` }, name ? `${name}: ${problem.message}` : problem.message);
    link.addEventListener('click', (event) => {
      event.preventDefault(); // no #fragment in the address bar; just go to the field
      focus.focus();
    });
    return h('li', {}, link);
  });
  fill(summary, h('h3', {}, title), h('ul', {}, items));
  summary.hidden = false;
  summary.focus();
}
