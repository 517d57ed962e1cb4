#!/usr/bin/env node
// Bundles the server's TypeScript into one ES module, dist/reckoner.mjs, for bin/reckoner to start from.
// Loading one file takes about half the time of loading each source module through tsx, and an MCP
// client waits for the whole start before its first answer. Packages stay external: node resolves
// them from node_modules as usual. dist/reckoner.meta.json lists the sources that went in, so
// bin/reckoner can tell when the bundle is older than the code and run the sources instead.
//
// Documents are parsed in worker threads (statements/worker/pool.ts), whose code is bundled beside it as
// dist/parse-worker.mjs: the bundled pool finds it next to itself. It is written first, so that a bundle
// in place always has its worker.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
mkdirSync(dist, { recursive: true });

const common = {
  absWorkingDir: root,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
};
const [server, worker] = await Promise.all([
  build({ ...common, entryPoints: ['server/cli.ts'], outfile: 'dist/reckoner.mjs' }),
  build({ ...common, entryPoints: ['statements/worker/entry.ts'], outfile: 'dist/parse-worker.mjs' }),
]);

const inputs = [...new Set([...Object.keys(server.metafile.inputs), ...Object.keys(worker.metafile.inputs)])].filter(
  (path) => !path.startsWith('node_modules/'),
);
writeFileSync(`${dist}/parse-worker.tmp.mjs`, worker.outputFiles[0].contents);
renameSync(`${dist}/parse-worker.tmp.mjs`, `${dist}/parse-worker.mjs`);
// The list is written before the bundle is moved into place, so a bundle is never seen without it.
writeFileSync(`${dist}/reckoner.meta.json`, `${JSON.stringify({ inputs }, null, 2)}\n`);
writeFileSync(`${dist}/reckoner.tmp.mjs`, server.outputFiles[0].contents);
renameSync(`${dist}/reckoner.tmp.mjs`, `${dist}/reckoner.mjs`);
