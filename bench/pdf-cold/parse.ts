/**
 * Cold child, contender: a fresh process that loads `parsePdf` and parses one PDF statement. Run from its
 * own bundle by bench/statements.ts:
 *
 *   node parse.mjs <pdf path>
 *
 * pdf.js is loaded through `loadPdfJs` before the parse (the parse would load it first thing anyway, and
 * reuses the same promise), only so the report can say how much of the time is loading it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parsePdf } from '../../statements/pdf/index.ts';
import { loadPdfJs } from '../../statements/pdf/text.ts';
import { report } from './report.ts';

const ready = performance.now();
const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: parse.mjs <pdf>');
const bytes = new Uint8Array(readFileSync(path));
await loadPdfJs();
const loaded = performance.now();
const result = await parsePdf({ bytes });
report({ ready, pdfjs: loaded, done: performance.now(), count: result.transactions.length });
