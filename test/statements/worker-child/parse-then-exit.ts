/**
 * A process for worker.test.ts, run with `node --import tsx <this file>`: parses a CSV through the shared pool,
 * prints the row count, and then does nothing — so it must exit by itself, with the idle worker still alive.
 * @module
 */
import { parseDocument } from '../../../statements/index.ts';

const text = 'Date,Description,Amount\n01/01/2024,CMS PAYMENT,-10.00\n08/01/2024,CMS PAYMENT,-12.50\n';
const result = await parseDocument({
  bytes: new TextEncoder().encode(text),
  csvMapping: { date: 'Date', description: 'Description', amount: 'Amount' },
});
process.stdout.write(`${result.transactions.length} rows\n`);
