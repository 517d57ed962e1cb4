/**
 * A parse process for worker.test.ts: given a document, it grows an array of numbers until V8 aborts the whole
 * process ("Fatal JavaScript invalid size error", exit by SIGTRAP) — the way a worker thread's heap cap did not
 * hold: in a worker thread this kills the process that started it (a security audit's 868-byte PDF did the same
 * through pdf.js). In a child process it kills only the child.
 * @module
 */
process.on('message', () => {
  const grown: number[] = [];
  for (let i = 0; ; i++) grown.push(i + 0.5);
});
