// Statements into a case (import_document over HTTP: the file as base64 in JSON). Dropped on the area, or chosen
// with an ordinary file input (the keyboard's way in); each file shows a progress bar while its bytes go up (upload
// events of XMLHttpRequest), then "reading", then the API's own counts of what was added. A bank CSV in a layout
// Reckoner does not know is refused with its columns named; the adviser then says which column holds what, from the
// file's own header row, and it is sent again with that csvMapping.

import { postWithProgress } from './api.js';
import { defined, errorSummary, uniqueId } from './cases-forms.js';
import { announce, currentGeneration, fill, h } from './dom.js';
import { showErrors } from './errors.js';

const KIND_WORDS = { bank_statement: 'bank statement', cms_statement: 'CMS statement', cms_payment_schedule: 'CMS payment schedule' };
const ACCEPT = '.pdf,.csv,.txt,.ofx,.qfx,application/pdf,text/csv';
/** The columns a mapping can name, in the words of the form, and the header names taken as a first guess. */
const MAPPING = [
  ['date', 'Date', true],
  ['description', 'Description', true],
  ['amount', 'Amount (one signed column)', false],
  ['paidOut', 'Paid out', false],
  ['paidIn', 'Paid in', false],
  ['direction', 'Which way (DR or CR), beside an unsigned amount', false],
  ['balance', 'Balance', false],
  ['reference', 'Reference', false],
];

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isCsv = (file) => /\.(csv|txt)$/i.test(file.name) || file.type === 'text/csv';

/** The file as base64 (FileReader gives a data: URL; what follows the comma is the base64). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1)));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsDataURL(file);
  });
}

/** The CSV's header row as its cells (quotes taken off): the choices for the column mapping. */
async function headerOf(file) {
  const text = await file.slice(0, 64 * 1024).text();
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const cells = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells.filter((c) => c !== '');
}

/** What an import added, in words: `counts` alone (for the live region, no file name) and `shown` in full. */
function resultText(file, data) {
  const rows = data.kind === 'bank_statement' ? data.transactions : data.cmsEntries;
  const [one, many] = data.kind === 'bank_statement' ? ['bank transaction', 'bank transactions'] : ['CMS entry', 'CMS entries'];
  const period = data.periodStart ? `, ${data.periodStart} to ${data.periodEnd ?? '?'}` : '';
  const counts = `${plural(rows.new, `new ${one}`, `new ${many}`)}, ${rows.alreadyThere} already in the case.`;
  const what = `${KIND_WORDS[data.kind] ?? data.kind}, ${data.layout}${period}`;
  return {
    counts: `${data.documentAlreadyImported ? 'Imported before' : 'Imported'}: ${counts}`,
    shown: `${data.documentAlreadyImported ? 'Imported before' : 'Imported'}: ${file.name} (${what}). ${counts}`,
  };
}

/** The area: a drop target, a file input, and one line per file sent. */
export function uploadArea({ caseId, onImported }) {
  const inputId = uniqueId('case-upload');
  const input = h('input', { type: 'file', id: inputId, multiple: true, accept: ACCEPT, 'aria-describedby': `${inputId}-hint` });
  const drop = h(
    'div',
    { class: 'drop-zone', 'data-drop': '' },
    h('p', { class: 'drop-words', 'aria-hidden': 'true' }, 'Drop CMS statements and bank statements here'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: inputId }, 'Or choose the files'),
      h('p', { id: `${inputId}-hint`, class: 'hint' }, 'PDF, CSV or OFX; several at once if you like.'),
      input,
    ),
  );
  const results = h('ul', { class: 'upload-results plain', 'aria-label': 'Files sent' });

  async function send(file, item, csvMapping) {
    const generation = currentGeneration();
    const labelId = uniqueId('upload-label');
    const label = h('span', { id: labelId }, `Sending ${file.name}: 0%`);
    const bar = h('progress', { max: '100', value: '0', 'aria-labelledby': labelId });
    fill(item, h('p', {}, label), bar);
    announce('Sending a file.');
    let base64;
    try {
      base64 = await base64Of(file);
    } catch {
      fill(item, h('p', { class: 'field-error' }, `${file.name} could not be read from this computer.`));
      return;
    }
    const body = defined({ caseId, contentBase64: base64, filename: file.name, csvMapping });
    const answer = await postWithProgress('import-document', body, {
      onProgress: (sent, total) => {
        const percent = Math.floor((sent / total) * 100);
        bar.value = percent;
        label.textContent = `Sending ${file.name}: ${percent}%`;
      },
      onSent: () => {
        bar.removeAttribute('value'); // the server is reading it: no measure of how far
        label.textContent = `Reading ${file.name}…`;
      },
    });
    if (generation !== currentGeneration()) return;
    if (!answer.ok) {
      const needsMapping = isCsv(file) && answer.error.code === 'unsupported' && /csvMapping/.test(answer.error.message);
      if (needsMapping) {
        await mappingForm(file, item, answer.error.message);
        return;
      }
      fill(
        item,
        h(
          'p',
          { class: 'field-error', 'data-upload-error': '' },
          h('span', { class: 'error-prefix' }, 'Error: '),
          `${file.name}: ${answer.error.message}`,
        ),
      );
      announce('A file was not imported: see the error.');
      return;
    }
    const data = answer.data;
    const message = resultText(file, data);
    fill(
      item,
      h('p', { 'data-imported': data.kind }, message.shown),
      data.checks.runningBalance === 'failed'
        ? h('p', { class: 'warnings' }, 'The running balance did not add up on every row: check the statement.')
        : null,
      data.warnings.length
        ? h(
            'ul',
            { class: 'warnings' },
            data.warnings.map((w) => h('li', {}, w)),
          )
        : null,
    );
    announce(message.counts);
    await onImported(data);
  }

  /** Asks which column holds what, the choices being the file's own header cells. */
  async function mappingForm(file, item, message) {
    const header = await headerOf(file);
    const summary = errorSummary();
    const fields = MAPPING.map(([key, words, required]) => {
      const id = uniqueId(`map-${key}`);
      const guess = header.find((c) => c.toLowerCase() === key.toLowerCase() || c.toLowerCase() === words.toLowerCase());
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, words),
        h(
          'select',
          { id, name: key, 'data-field': `csvMapping.${key}`, 'data-name': words },
          required ? null : h('option', { value: '' }, '(none)'),
          header.map((c) => h('option', { value: c, selected: c === guess }, c)),
        ),
      );
    });
    const form = h(
      'form',
      { novalidate: true, autocomplete: 'off', 'aria-label': `Columns of ${file.name}` },
      summary,
      h('p', {}, `${file.name}: Reckoner does not know this bank's layout. Say which column holds what, and send it again.`),
      h('fieldset', { 'data-field': 'csvMapping', 'data-name': 'Columns' }, h('legend', {}, `Columns of ${file.name}`), fields),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, `Import ${file.name} with these columns`)),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const mapping = {};
      for (const [key] of MAPPING) {
        const value = form.elements.namedItem(key).value;
        if (value !== '') mapping[key] = value;
      }
      void send(file, item, mapping);
    });
    fill(item, form);
    // The refusal in the API's words, for the record; then the first choice takes the focus.
    showErrors(form, summary, { code: 'unsupported', message, details: [] }, `${file.name} needs its columns named`);
    form.querySelector('select').focus();
  }

  function take(files) {
    for (const file of files) {
      const item = h('li', { 'data-file': file.name });
      results.append(item);
      void send(file, item);
    }
  }

  input.addEventListener('change', () => {
    take([...input.files]);
    input.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('drop-over');
    take([...(event.dataTransfer?.files ?? [])]);
  });
  return h('div', { class: 'upload' }, drop, results);
}
