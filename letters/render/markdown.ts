/**
 * A letter as Markdown: the letter itself, its schedules (the reconciliation statement, the working behind
 * each figure), then the sender's notes after a rule, marked as not part of the letter.
 * @module
 */
import type { Block, LetterDocument } from '../types.ts';

/** Text escaped so Markdown shows it as written (no emphasis, links, headings or list markers by accident). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)(#|[+-](?=\s|$))/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

const cell = (text: string): string => escapeMarkdown(text).replace(/\r?\n/g, ' ');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`).join('\n');
    case 'table':
      return [
        `**${escapeMarkdown(b.caption)}**`,
        '',
        `| ${b.columns.map(cell).join(' | ')} |`,
        `| ${b.columns.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/** Lines kept apart in Markdown (two trailing spaces make a line break). */
const lines = (ls: readonly string[]): string => ls.map(escapeMarkdown).join('  \n');

export function renderMarkdown(doc: LetterDocument): string {
  const parts: string[] = [
    lines(doc.from),
    escapeMarkdown(doc.date),
    lines(doc.to),
    ...(doc.references.length ? [doc.references.map((r) => `**${escapeMarkdown(r)}**`).join('  \n')] : []),
    `## ${escapeMarkdown(doc.subject)}`,
    escapeMarkdown(doc.salutation),
    ...doc.body.map(block),
    escapeMarkdown(doc.closing),
    '\n\n',
    escapeMarkdown(doc.signature),
  ];
  if (doc.enclosures.length) parts.push(`**Enclosures**\n\n${doc.enclosures.map((e) => `- ${escapeMarkdown(e)}`).join('\n')}`);
  if (doc.copies.length) parts.push(`**Copy to:** ${escapeMarkdown(doc.copies.join('; '))}`);
  doc.schedules.forEach((s, i) => {
    parts.push('---', `## Schedule ${i + 1}`, block(s));
  });
  parts.push('---', `> **Notes for you — not part of the letter.** Do not send this part.`, ...doc.notes.map(block));
  return `${parts.join('\n\n').replace(/\n{4,}/g, '\n\n\n')}\n`;
}
