// Starts statements/worker/boot.mjs (the parse worker's start from the sources) with an entry that prints, as the
// pool does (stdout joined to this process's), and prints "done" when it has gone: stdout must be only that.
import { Worker } from 'node:worker_threads';

const worker = new Worker(new URL('../../../statements/worker/boot.mjs', import.meta.url), {
  workerData: { entry: new URL('./noisy-entry.ts', import.meta.url).href },
  stdout: false,
});
worker.on('exit', () => process.stdout.write('done\n'));
