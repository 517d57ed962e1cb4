/**
 * Letters: the catalogue of the 24 letters a parent may need in a CMS dispute (L01–L24), drafted from the
 * case's facts and its computed figures, rendered to Markdown, plain text and PDF.
 * @module
 */
export { LETTERS, LETTER_TYPES } from './catalogue/index.ts';
export { LETTER_CLOCKS, LETTER_IDS, NATIONS, deadlinesFor, type Deadline, type LetterId, type Nation } from './deadlines.ts';
export { factFields, factsJsonSchema, type FactField } from './describe.ts';
export { draftLetter, findLetter, type DraftInput } from './draft.ts';
export { LetterInputError, type LetterProblem } from './errors.ts';
export { LETTER_SENT_KINDS } from './facts.ts';
export { renderMarkdown } from './render/markdown.ts';
export { renderPdf } from './render/pdf.ts';
export { renderText } from './render/text.ts';
export type * from './types.ts';
