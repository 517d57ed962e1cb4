/**
 * Cold child, floor: a fresh process that loads nothing and does nothing, built and started the same way
 * as the other two; what node itself costs in time and memory, so the parse and the raw extraction can
 * also be read as what each adds above it.
 * @module
 */
import { report } from './report.ts';

const ready = performance.now();
report({ ready, pdfjs: ready, done: performance.now(), count: 0 });
