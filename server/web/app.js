// The advice-line page: wires the sections together, the Clear button and the access-token form.
// Every form is handled here. Without this script nothing is sent anywhere: the page's CSP has
// form-action 'none', so case details can never end up in an address or a server log.

import { onTokenNeeded } from './api.js';
import { initCalculator, resetCalculator } from './calculator.js';
import { initCalendar, resetCalendar } from './calendar.js';
import { announce, nextGeneration } from './dom.js';
import { initLetters, loadLetters, resetLetters } from './letters.js';
import { initSharedCare, refreshChoices, resetSharedCare } from './shared-care.js';

const $ = (id) => document.getElementById(id);

// ----- the access token (kept in api.js's memory only) -----

let tokenAnswer = null;
let focusBeforeToken = null;

function closeTokenPanel(token) {
  $('token-input').value = '';
  $('token-panel').hidden = true;
  const answer = tokenAnswer;
  tokenAnswer = null;
  focusBeforeToken?.focus();
  answer?.(token);
}

onTokenNeeded(
  ({ retry }) =>
    new Promise((resolve) => {
      tokenAnswer = resolve;
      focusBeforeToken =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      $('token-message').textContent = retry
        ? 'That token was not accepted. Check it and type it again.'
        : 'This Reckoner server needs an access token. It is kept only while this page is open, never saved.';
      $('token-panel').hidden = false;
      $('token-input').focus();
    }),
);

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token-input').value.trim();
  if (token === '') {
    $('token-message').textContent = 'Type the access token, or press Cancel.';
    $('token-input').focus();
    return;
  }
  closeTokenPanel(token);
  announce('Token given.');
});
$('token-cancel').addEventListener('click', () => closeTokenPanel(null));

// ----- the sections -----

initSharedCare();
initCalculator({ onParentsChanged: refreshChoices });
initLetters();
initCalendar();

// ----- Cases: loaded only when asked for (the calculator never waits for them) -----

/** The cases module once loaded (cases.js and what it imports), else null. */
let cases = null;
/** Its loading, begun as soon as the adviser heads for it (pointer over or focus on the button or the link). */
let casesLoading = null;
const loadCases = () => (casesLoading ??= import('./cases.js'));

/** True while the cases are being shown; a second press meanwhile does nothing (the button keeps the focus). */
let showingCases = false;

async function showCases() {
  if (showingCases) return;
  showingCases = true;
  const button = $('cases-open');
  try {
    cases ??= await loadCases();
    await cases.openCases($('cases-root'));
    button.textContent = 'Show the cases again';
    document.getElementById('cases-list-heading')?.focus();
  } catch {
    casesLoading = null; // try again next time
    announce('The cases could not be loaded. Is the server still running?');
  } finally {
    showingCases = false;
  }
}

for (const target of [$('cases-open'), $('cases-nav')]) {
  for (const intent of ['pointerenter', 'focus']) {
    target.addEventListener(intent, () => void loadCases().catch(() => (casesLoading = null)), { once: true });
  }
}
$('cases-open').addEventListener('click', () => void showCases());
$('cases-nav').addEventListener('click', () => {
  if (!$('cases-root').hasChildNodes()) void showCases();
});
if (location.hash === '#cases') void showCases();

// ----- Clear: a new caller starts from nothing -----

$('clear-all').addEventListener('click', () => {
  nextGeneration(); // answers still on their way are dropped
  resetCalculator();
  resetSharedCare();
  resetLetters();
  resetCalendar();
  cases?.resetCases();
  $('cases-open').textContent = 'Show the cases';
  announce('Cleared. Nothing from the last call is left on this page.');
  $('income-amount').focus();
});

void loadLetters();
