/**
 * Imported first by the parse worker: whatever a reader prints (pdf.js warns through console.log) must not
 * reach this process's stdout, which over stdio is the JSON-RPC channel. The worker is started with its stdout
 * joined to the parent's (a captured stdout stream would keep the parent's event loop alive while the worker
 * idles), so the writes are dropped here, before anything else runs.
 * @module
 */
process.stdout.write = (() => true) as typeof process.stdout.write;
