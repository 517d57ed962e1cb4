// A case's letters and its evidence bundle. Choose a letter; draft_letter (with the case) either drafts it or says
// which facts are missing, each of which gets a field here; the draft's text is shown to read; save_letter keeps it
// and gives its PDF (downloaded from GET /api/v1/files/{id}); mark_letter_sent records the day it went, which starts
// its deadlines. build_evidence_bundle makes the bundle PDF. Facts typed here live only in this form.

import { getFile, post } from './api.js';
import { caseForm, choices, defined, errorSummary, field, submit, uniqueId, valueOf } from './cases-forms.js';
import { announce, currentGeneration, fill, h, longDate, saveBlob, todayInUk } from './dom.js';
import { clearErrors } from './errors.js';
import { letterCatalogue } from './letters.js';

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "facts.sender.address" in words: "Sender address". */
const factWords = (path) => {
  const words = path
    .replace(/^facts\./, '')
    .replace(/\[(\d+)\]/g, (_, i) => ` ${Number(i) + 1}`)
    .replace(/\[\]/g, '')
    .split('.')
    .map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Sets `value` at a fact's path ("facts.sender.address", "facts.grounds[0]") inside `facts`. */
function setFact(facts, path, value) {
  const keys = path
    .replace(/^facts\./, '')
    .replace(/\[(\d*)\]/g, (_, i) => `.${i === '' ? 0 : i}`)
    .split('.');
  let at = facts;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
    if (last) at[key] = value;
    else {
      at[key] ??= nextIsIndex ? [] : {};
      at = at[key];
    }
  });
}

/** A button that fetches a file a tool made (with the token) and hands it to the browser. */
function downloadButton(file, words) {
  const button = h('button', { type: 'button', class: 'button-secondary', 'data-download': file.download }, words);
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    const answer = await getFile(file.download);
    button.removeAttribute('aria-busy');
    if (!answer.ok) {
      announce(`The file could not be downloaded: ${answer.error.message}`);
      button.after(h('p', { class: 'field-error', role: 'alert' }, answer.error.message));
      return;
    }
    saveBlob(answer.blob, file.name);
    announce(`Downloaded ${file.name}.`);
  });
  return button;
}

function lettersPart(caseId, onChanged) {
  const summary = errorSummary();
  const select = field({ label: 'Letter', name: 'type', field: 'type', type: 'select', options: [['', 'Loading the letters…']] });
  const missing = h('div', { class: 'missing-facts' });
  const preview = h('div', { class: 'letter-preview' });
  const form = caseForm(
    'Draft a letter',
    summary,
    select,
    missing,
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'draft' }, 'Draft the letter')),
  );
  /** The catalogue: each letter with the facts it takes ({ field, type, values }). */
  let catalogue = [];
  void letterCatalogue().then((letters) => {
    catalogue = letters;
    const control = select.querySelector('select');
    if (letters.length === 0) {
      fill(control, h('option', { value: '' }, 'The letters could not be loaded: see Letters above'));
      return;
    }
    fill(
      control,
      letters.map((l) => h('option', { value: l.type }, `${l.id} ${l.title}`)),
    );
  });

  /** The catalogue's description of a fact ({ field, type, values }), by the path a refusal names. */
  const factSpec = (type, path) => {
    const letter = catalogue.find((l) => l.type === type);
    const wanted = path.replace(/^facts\./, '').replace(/\[\d*\]/g, '[]');
    return letter?.facts?.find((f) => f.field === wanted || f.field === `${wanted}[]`) ?? null;
  };

  /** The facts typed into the missing-fact fields, each as its kind of fact takes it (a list: one item a line). */
  const typedFacts = () => {
    const facts = {};
    for (const control of missing.querySelectorAll('[data-fact]')) {
      if (control.type === 'checkbox') {
        if (control.checked) setFact(facts, control.dataset.fact, true);
        continue;
      }
      const value = control.value.trim();
      if (value === '') continue;
      const kind = control.dataset.kind;
      if (kind === 'array') {
        setFact(
          facts,
          control.dataset.fact,
          value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
        );
      } else if (kind === 'integer' && /^\d+$/.test(value)) setFact(facts, control.dataset.fact, Number(value));
      else setFact(facts, control.dataset.fact, value);
    }
    return facts;
  };

  /** Every fact the API has asked for while drafting this letter type, by its path: kept, with what was typed, across drafts. */
  const asked = new Map();
  let askedFor = null;

  /** A field for each fact the API said is missing, and for those it asked for before (their answers kept). */
  function showMissing(type, details) {
    if (askedFor !== type) asked.clear();
    askedFor = type;
    for (const d of details) if (d.field.startsWith('facts.')) asked.set(d.field, d);
    const facts = [...asked.values()];
    const others = details.filter((d) => !d.field.startsWith('facts.'));
    const typed = new Map(
      [...missing.querySelectorAll('[data-fact]')].map((c) => [c.dataset.fact, c.type === 'checkbox' ? c.checked : c.value]),
    );
    fill(
      missing,
      h('h5', { tabindex: '-1' }, 'What the letter still needs'),
      others.length
        ? h(
            'ul',
            { class: 'plain', 'data-missing-other': '' },
            others.map((d) => h('li', {}, d.message)),
          )
        : null,
      facts.map((d) => {
        const spec = factSpec(type, d.field);
        const kind = spec?.type ?? 'string';
        const inputType =
          kind === 'array' ? 'textarea' : kind === 'boolean' ? 'checkbox' : kind === 'enum' ? 'select' : kind === 'date' ? 'date' : 'text';
        const block = field({
          label: factWords(d.field) + (kind === 'array' ? ' (one item a line)' : ''),
          name: d.field,
          field: d.field,
          type: inputType,
          options: kind === 'enum' ? [['', 'Choose…'], ...(spec.values ?? []).map((v) => [v, v.replace(/_/g, ' ')])] : [],
          hint: d.message,
          value: typed.get(d.field),
        });
        const control = block.querySelector('input, textarea, select');
        control.dataset.fact = d.field;
        control.dataset.kind = kind;
        return block;
      }),
    );
  }

  let drafted = null;

  function showPreview(caseLetter, facts) {
    drafted = { type: caseLetter.type, facts };
    const keep = h('button', { type: 'button', 'data-action': 'save-letter' }, 'Keep this letter and make its PDF');
    const kept = h('div', { class: 'letter-kept' });
    keep.addEventListener('click', () => void save(kept, keep));
    const textId = uniqueId('letter-text');
    fill(
      preview,
      h('h5', { id: `${textId}-heading` }, `Preview: ${caseLetter.id} ${caseLetter.title}, dated ${longDate(caseLetter.sentOn)}`),
      caseLetter.fromCase?.length ? h('p', { class: 'hint' }, `From the case: ${caseLetter.fromCase.join(', ')}.`) : null,
      caseLetter.warnings.length
        ? h(
            'ul',
            { class: 'warnings' },
            caseLetter.warnings.map((w) => h('li', {}, w)),
          )
        : null,
      h(
        'pre',
        { class: 'letter-text', id: textId, tabindex: '0', role: 'region', 'aria-labelledby': `${textId}-heading` },
        caseLetter.text,
      ),
      caseLetter.deadlines.length
        ? h(
            'p',
            {},
            `Once sent, it starts: ${caseLetter.deadlines.map((d) => `${d.label} (${d.date} if sent on the date it bears)`).join('; ')}.`,
          )
        : h('p', {}, 'It starts no deadline of its own.'),
      h('div', { class: 'actions' }, keep),
      kept,
    );
  }

  async function save(kept, keep) {
    if (keep.getAttribute('aria-busy') === 'true') return;
    const generation = currentGeneration();
    keep.setAttribute('aria-busy', 'true');
    fill(kept, h('p', {}, 'Keeping the letter…'));
    const answer = await post(
      'save-letter',
      defined({ caseId, type: drafted.type, facts: Object.keys(drafted.facts).length ? drafted.facts : undefined }),
    );
    keep.removeAttribute('aria-busy');
    if (generation !== currentGeneration()) return;
    if (!answer.ok) {
      fill(kept, h('p', { class: 'field-error', role: 'alert' }, answer.error.message));
      return;
    }
    const { letter, file } = answer.data;
    fill(
      kept,
      h(
        'p',
        { 'data-kept-letter': letter.id },
        `Kept as a draft, version ${letter.version}. The PDF is ${file.name} (${Math.ceil(file.size / 1024)} KB).`,
      ),
      h('div', { class: 'actions' }, downloadButton(file, `Download the PDF (${file.name})`)),
      sentForm(letter),
    );
    announce('Letter kept; its PDF is ready to download.');
    await onChanged();
  }

  function sentForm(letter) {
    const sentSummary = errorSummary();
    const status = h('p', { role: 'status', class: 'form-status' });
    const sent = caseForm(
      'Mark the letter sent',
      sentSummary,
      h('h5', {}, 'When it has gone'),
      field({ label: 'Day it went', name: 'sentOn', field: 'sentOn', type: 'date', value: todayInUk() }),
      field({
        label: 'How it went',
        name: 'method',
        field: 'method',
        type: 'select',
        options: choices().letterMethods,
        value: 'recorded_delivery',
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'mark-sent' }, 'Mark it sent')),
      status,
    );
    sent.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = defined({ caseId, letterId: letter.id, sentOn: valueOf(sent, 'sentOn') ?? '', method: valueOf(sent, 'method') });
      const answer = await submit(sent, sentSummary, 'mark-letter-sent', body, 'The letter could not be marked sent');
      if (!answer?.ok) return;
      const d = answer.data.event.deadlines;
      const message = `Marked sent on ${answer.data.letter.sentOn}. ${d.length ? `It starts ${plural(d.length, 'deadline')}: see Deadlines.` : 'It starts no deadline.'}`;
      fill(status, message);
      announce(message);
      // A letter goes once: the button goes, and the focus moves to what happened.
      sent.querySelector('button[type="submit"]').remove();
      status.setAttribute('tabindex', '-1');
      status.focus();
      await onChanged();
    });
    return sent;
  }

  // Another letter asks for other facts: what was typed for this one goes.
  select.querySelector('select').addEventListener('change', () => {
    asked.clear();
    askedFor = null;
    fill(missing);
    fill(preview);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const type = valueOf(form, 'type');
    const facts = typedFacts();
    fill(preview);
    const body = defined({ caseId, type: type ?? '', facts: Object.keys(facts).length ? facts : undefined });
    const generation = currentGeneration();
    const answer = await post('draft-letter', body);
    if (generation !== currentGeneration()) return;
    if (!answer.ok) {
      // What is missing is the refusal's own list: a field for each fact, the rest in words.
      clearErrors(form, summary);
      showMissing(type, answer.error.details.length ? answer.error.details : [{ field: '(request)', message: answer.error.message }]);
      announce('The letter needs more: see what it still needs.');
      (missing.querySelector('[data-fact]') ?? missing.querySelector('h5'))?.focus();
      return;
    }
    clearErrors(form, summary);
    fill(missing);
    // The facts just typed stay with the draft, so that keeping it sends the same.
    showPreview(answer.data, facts);
    announce('Letter drafted: the preview follows.');
  });

  return h('div', {}, form, preview);
}

function bundlePart(caseId) {
  const summary = errorSummary();
  const result = h('div', { class: 'bundle-result' });
  const form = caseForm(
    'Build the evidence bundle',
    summary,
    h('h5', {}, 'Evidence bundle'),
    field({ label: 'Who it is for', name: 'purpose', field: 'purpose', type: 'select', options: choices().bundlePurposes }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'bundle' }, 'Build the bundle')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(result, h('p', {}, 'Building the bundle…'));
    const answer = await submit(
      form,
      summary,
      'build-evidence-bundle',
      { caseId, purpose: valueOf(form, 'purpose') },
      'The bundle could not be built',
    );
    if (!answer?.ok) {
      fill(result);
      return;
    }
    const b = answer.data;
    fill(
      result,
      h('p', { 'data-bundle-pages': String(b.pages) }, `${plural(b.pages, 'page')} in ${plural(b.sections.length, 'section')}.`),
      h(
        'ol',
        { class: 'bundle-index' },
        b.sections.map((s) => h('li', {}, `${s.title}, page ${s.page}`)),
      ),
      h('div', { class: 'actions' }, downloadButton(b.file, `Download the bundle (${b.file.name})`)),
    );
    announce('Bundle built; it is ready to download.');
  });
  return h('div', {}, form, result);
}

/** The letters and bundle part of a case. `onChanged` reads the case again (a kept or sent letter changes it). */
export function initCaseLetters(caseId, { onChanged }) {
  return h('div', {}, lettersPart(caseId, onChanged), bundlePart(caseId));
}
