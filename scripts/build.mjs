#!/usr/bin/env node
// Bundles the server's TypeScript into one ES module, dist/reckoner.mjs, for bin/reckoner to start from.
// Loading one file takes about half the time of loading each source module through tsx, and an MCP
// client waits for the whole start before its first answer. Packages stay external: node resolves
// them from node_modules as usual. dist/reckoner.meta.json lists the sources that went in, so
// bin/reckoner can tell when the bundle is older than the code and run the sources instead.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
mkdirSync(dist, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/cli.ts'],
  outfile: 'dist/reckoner.mjs',
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
});

const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
// The list is written before the bundle is moved into place, so a bundle is never seen without it.
writeFileSync(`${dist}/reckoner.meta.json`, `${JSON.stringify({ inputs }, null, 2)}\n`);
const [bundle] = result.outputFiles;
writeFileSync(`${dist}/reckoner.tmp.mjs`, bundle.contents);
renameSync(`${dist}/reckoner.tmp.mjs`, `${dist}/reckoner.mjs`);
