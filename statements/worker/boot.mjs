// Starts the parse worker from the TypeScript sources: tsx is registered in this thread (a worker does
// not inherit the loader of the thread that started it), then the entry is loaded. The bundle that
// bin/reckoner runs starts dist/parse-worker.mjs instead (statements/worker/pool.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Nothing printed in this worker may reach stdout (the JSON-RPC channel over stdio); entry.ts does the same.
process.stdout.write = () => true;

register();
await import(workerData.entry);
