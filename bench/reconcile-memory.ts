/**
 * A fresh process for section 3's memory figure: `tool <file>` reads the JSON in the file through reconcile_ledger's
 * input schema and reconciles it; `read <file>` only parses the JSON, for scale. Prints its peak resident set (bench/peak-rss.ts: the child's own, not its parent's).
 * @module
 */
import { readFileSync } from 'node:fs';
import { reconcile, type ReconcileInput } from '../calc/reconcile/reconcile.ts';
import { reconcileLedgerInput } from '../tools/reconcile-ledger.ts';
import { peakRssKiB } from './peak-rss.ts';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const parsed: unknown = JSON.parse(text);
const findings = mode === 'tool' ? reconcile(reconcileLedgerInput.parse(parsed) as ReconcileInput).findings.length : 0;
process.stdout.write(`maxRSS ${peakRssKiB()} findings ${findings}\n`);
