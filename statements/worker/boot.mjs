// Starts the parse process from the TypeScript sources: tsx is registered here (the process is started with
// flags of its own, not the loader of the process that started it), then the entry given is loaded. The bundle
// that bin/reckoner runs starts dist/parse-worker.mjs instead (statements/worker/pool.ts).
import { register } from 'tsx/esm/api';

// Nothing printed here may reach stdout (over stdio, the JSON-RPC channel); entry.ts does the same.
process.stdout.write = () => true;

register();
await import(process.argv[2]);
