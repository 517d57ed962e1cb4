// Starts statements/worker/boot.mjs (the parse process's start from the sources) with an entry that prints, its
// stdout this process's own, and prints "done" when it has gone: stdout must be only that. (The pool gives its
// children no stdout at all; this holds boot.mjs to dropping what is printed all the same.)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = spawn(
  process.execPath,
  [fileURLToPath(new URL('../../../statements/worker/boot.mjs', import.meta.url)), new URL('./noisy-entry.ts', import.meta.url).href],
  { stdio: ['ignore', 'inherit', 'ignore'] },
);
child.on('exit', () => process.stdout.write('done\n'));
