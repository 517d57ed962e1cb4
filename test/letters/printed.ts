/**
 * Every printed word of a letter, and the names in it an API would use for a field or an enum value: camelCase
 * (`recipientAddress`) or snake_case (`address_withheld`). Emails and links are left out first: their parts are
 * not words of the letter.
 * @module
 */
import type { Block, LetterDocument } from '../../letters/index.ts';

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [b.text];
    case 'list':
      return [...b.items];
    case 'table':
      return [b.caption, ...b.columns, ...b.rows.flat()];
  }
}

/** The letter, its schedules and the notes for the sender: every string printed on any page. */
export function printedText(doc: LetterDocument): string {
  return [
    ...doc.from,
    doc.date,
    ...doc.to,
    ...doc.references,
    doc.subject,
    doc.salutation,
    ...doc.body.flatMap(blockText),
    doc.closing,
    doc.signature,
    ...doc.enclosures,
    ...doc.copies,
    ...doc.schedules.flatMap(blockText),
    ...doc.notes.flatMap(blockText),
  ].join('\n');
}

const LINK = /\bhttps?:\/\/\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CAMEL = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
const SNAKE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g;

/** The camelCase and snake_case names in `text`, in order of appearance. */
export function identifiersIn(text: string): string[] {
  const words = text.replace(LINK, ' ');
  return [...words.matchAll(new RegExp(`${CAMEL.source}|${SNAKE.source}`, 'g'))].map((m) => m[0]);
}
