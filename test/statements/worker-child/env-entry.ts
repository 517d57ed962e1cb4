/**
 * A parse process for worker.test.ts: answers every document with an error whose message lists the names of the
 * server's settings it was given (RECKONER_*, DATABASE_URL, PG*), as JSON: the reader of untrusted files must get none.
 * @module
 */
process.on('message', (job: { id: number }) => {
  const names = Object.keys(process.env).filter((name) => /^(RECKONER_|DATABASE_URL$|PG[A-Z]+$)/.test(name));
  process.send!({ id: job.id, ok: false, error: { kind: 'other', name: 'Environment', message: JSON.stringify(names) } });
});
