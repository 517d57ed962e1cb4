/**
 * A letter as plain text, to paste into an email or an online-account message: one paragraph a line, tables
 * as numbered records (columns do not survive a proportional font), and the sender's notes at the end,
 * marked as not part of the letter.
 * @module
 */
import type { Block, LetterDocument } from '../types.ts';

const RULE = '-'.repeat(60);

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.text.toUpperCase()}`;
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n');
    case 'table':
      return [
        b.caption.toUpperCase(),
        // A record per row, its number first; an empty cell (a statement's opening, total or closing row) is left out.
        ...b.rows.map((row) =>
          row
            .flatMap((value, i) =>
              i === 0 && b.columns[0] === 'No.'
                ? value
                  ? [`${value}.`]
                  : []
                : value
                  ? [`${i === 0 ? '' : '   '}${b.columns[i]}: ${value}`]
                  : [],
            )
            .join('\n'),
        ),
      ].join('\n\n');
  }
}

export function renderText(doc: LetterDocument): string {
  const parts: string[] = [
    doc.from.join('\n'),
    doc.date,
    doc.to.join('\n'),
    ...(doc.references.length ? [doc.references.join('\n')] : []),
    doc.subject.toUpperCase(),
    doc.salutation,
    ...doc.body.map(block),
    doc.closing,
    '\n',
    doc.signature,
  ];
  if (doc.enclosures.length) parts.push(`Enclosures:\n${doc.enclosures.map((e) => `- ${e}`).join('\n')}`);
  if (doc.copies.length) parts.push(`Copy to: ${doc.copies.join('; ')}`);
  doc.schedules.forEach((s, i) => parts.push(RULE, `SCHEDULE ${i + 1}`, block(s)));
  parts.push(RULE, 'NOTES FOR YOU - NOT PART OF THE LETTER. Do not send this part.', ...doc.notes.map(block));
  return `${parts.join('\n\n').replace(/\n{4,}/g, '\n\n\n')}\n`;
}
