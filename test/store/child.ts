/**
 * A second process for the store tests, run with `node --import tsx test/store/child.ts <mode> <options JSON> …`.
 *
 * - `open`: opens the store and reports `{"ok":true}` or `{"error":…,"code":…}` on stdout, with the memory outside
 *   the JavaScript heap then (`external`, bytes), then closes it.
 * - `import <caseId> <rows>`: opens the store and imports a bank statement of that many rows; after the first
 *   batch is written (inside the import's transaction) prints `writing` and stalls, to be killed there.
 * - `delete <caseId>`: opens the store, deletes the case, prints `deleted` and exits at once without closing the
 *   store (as a process that is stopped would), before the rewrite that a delete leaves due has run.
 * - `keep <bytes>`: opens the store, makes a case, imports a document keeping an original file of that many random
 *   bytes, exports the case, and reports `{"same":true|false,"ms":…}` (whether the export gives the same bytes back).
 * @module
 */
import { randomBytes } from 'node:crypto';
import { openStore } from '../../store/open.ts';
import { StoreError } from '../../store/errors.ts';
import { bankDocument, bankStatement, documentInfo, sampleCase } from './helpers.ts';

const [mode, optionsJson, caseId, rows] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}') as { dataDir?: string; databaseUrl?: string };

if (mode === 'open') {
  // The memory outside the JavaScript heap when it answers: PGlite's WebAssembly memory, hundreds of megabytes, once
  // the database has started; a few megabytes if it never did.
  const external = () => process.memoryUsage().external;
  try {
    const store = await openStore(options);
    process.stdout.write(`${JSON.stringify({ ok: true, external: external() })}\n`);
    await store.close();
  } catch (error) {
    const code = error instanceof StoreError ? error.code : undefined;
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message, code, external: external() })}\n`);
    process.exitCode = 3;
  }
} else if (mode === 'import') {
  const store = await openStore(options);
  const statement = bankStatement({ count: Number(rows), seed: 7, account: 'killed' });
  await store.importParsed(caseId!, documentInfo('killed import'), statement, {
    onProgress: (written) => {
      if (written > 0) {
        process.stdout.write('writing\n');
        // Stall inside the transaction until the parent kills this process.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
      }
    },
  });
  process.stdout.write('finished\n');
  await store.close();
} else if (mode === 'delete') {
  const store = await openStore(options);
  await store.deleteCase(caseId!);
  process.stdout.write('deleted\n', () => process.exit(0));
} else if (mode === 'keep') {
  const store = await openStore(options);
  const started = performance.now();
  const made = await sampleCase(store);
  const original = new Uint8Array(randomBytes(Number(caseId)));
  await store.importParsed(
    made.id,
    { ...bankDocument('kept'), ...documentInfo(original, { keep: true }) },
    bankStatement({ count: 1, seed: 3 }),
  );
  const exported = await store.exportCase(made.id);
  const back = Buffer.from(exported.documents[0]!.originalBase64 ?? '', 'base64');
  process.stdout.write(`${JSON.stringify({ same: back.equals(original), ms: Math.round(performance.now() - started) })}\n`);
  await store.close();
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}
