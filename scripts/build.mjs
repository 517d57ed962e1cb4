#!/usr/bin/env node
// Bundles the server's TypeScript, and the packages it needs to start, into dist/: the entry
// dist/reckoner.mjs and the chunks it loads (code splitting), for bin/reckoner to start from. An MCP
// client waits for the whole start before its first answer, and most of a cold start is loading modules:
// one small entry, then only the chunks a command needs, each a single file, instead of hundreds of files
// resolved one by one in node_modules (the MCP SDK, zod and ajv alone are over a hundred). Whatever is
// imported dynamically (`await import(…)` at the point of use) becomes a chunk of its own, loaded on first
// use: `bin/reckoner mcp` never loads drizzle, the database drivers, pdf.js, pdfkit or hono until a tool
// needs them (bench/cold-start.ts measures it against a minimal MCP SDK server).
//
// A few packages stay external, resolved from node_modules at run time as usual, because they find files of
// their own beside their code (PGlite its WebAssembly and data, pdf.js its fonts and worker, pdfkit its font
// metrics) or because they are tools, not runtime code (esbuild, tsx). They are all loaded lazily. The options
// are in scripts/bundle-options.mjs, shared with test/server/cold-start.test.ts.
//
// Chunks sit directly in dist/, beside the entry, so that paths written relative to a module
// (`new URL('../store/migrations', import.meta.url)`, the web page's folder, package.json, the parse worker)
// resolve the same from any of them. dist/reckoner.meta.json lists the sources that went in and the chunks, so
// bin/reckoner can tell when the bundle is older than the code (or incomplete) and run the sources instead.
//
// Documents are parsed in worker threads (statements/worker/pool.ts), whose code is bundled beside it as
// dist/parse-worker.mjs (packages external, as before): the bundled pool finds it next to itself. It is
// written first, then the chunks (named by their content's hash, so a chunk of a running older build is
// never overwritten with other code), then the list of sources, and the entry last, so a bundle in place
// always has its worker and its chunks. Chunks no build needs any more are removed at the end.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverBuildOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
mkdirSync(dist, { recursive: true });

const [server, worker] = await Promise.all([
  build(serverBuildOptions(root)),
  build({
    absWorkingDir: root,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    entryPoints: ['statements/worker/entry.ts'],
    outfile: 'dist/parse-worker.mjs',
    packages: 'external',
  }),
]);

const inputs = [...new Set([...Object.keys(server.metafile.inputs), ...Object.keys(worker.metafile.inputs)])].filter(
  (path) => !path.startsWith('node_modules/'),
);
writeFileSync(`${dist}/parse-worker.tmp.mjs`, worker.outputFiles[0].contents);
renameSync(`${dist}/parse-worker.tmp.mjs`, `${dist}/parse-worker.mjs`);
const entry = server.outputFiles.find((f) => basename(f.path) === 'reckoner.mjs');
const chunks = server.outputFiles.filter((f) => f !== entry);
for (const chunk of chunks) writeFileSync(`${dist}/${basename(chunk.path)}`, chunk.contents);
// The list is written before the entry is moved into place, so a bundle is never seen without it.
writeFileSync(`${dist}/reckoner.meta.json`, `${JSON.stringify({ inputs, chunks: chunks.map((c) => basename(c.path)) }, null, 2)}\n`);
writeFileSync(`${dist}/reckoner.tmp.mjs`, entry.contents);
renameSync(`${dist}/reckoner.tmp.mjs`, `${dist}/reckoner.mjs`);

const keep = new Set(['reckoner.mjs', 'parse-worker.mjs', 'reckoner.meta.json', ...chunks.map((c) => basename(c.path))]);
for (const name of readdirSync(dist)) {
  if (!keep.has(name) && /^[\w-]+-[A-Z0-9]{8}\.mjs$/.test(name)) rmSync(`${dist}/${name}`, { force: true });
}
