/**
 * bench/measured.ts bundled by esbuild with the server's own options (scripts/bundle-options.mjs: the packages inside
 * but for those that read files of their own, whitespace and syntax minified, names as written, split into chunks),
 * written to .bench/measured.mjs and its chunks (ignored by git): one folder below the repository, as dist/ is, so
 * what a module finds beside itself (package.json, server/web/, store/migrations) it finds from there too.
 * @module
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error -- plain JavaScript, shared with scripts/build.mjs, which runs without tsx
import { serverBuildOptions } from '../scripts/bundle-options.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = `${REPO}.bench`;
const OUT = `${OUT_DIR}/measured.mjs`;

export type Measured = typeof import('./measured.ts');

/** The measured code, bundled as the server is, then imported. */
export async function loadMeasured(): Promise<Measured> {
  const server = serverBuildOptions(REPO) as Record<string, unknown>;
  // Split into chunks as the server is: its tools load by dynamic import (tools/catalogue.ts), and in one file
  // esbuild would run those modules' code in another order than the server's chunks do.
  mkdirSync(OUT_DIR, { recursive: true });
  for (const name of readdirSync(OUT_DIR, { withFileTypes: true }))
    if (name.isFile() && name.name.startsWith('measured')) rmSync(join(OUT_DIR, name.name));
  await build({
    ...server,
    write: true,
    metafile: false,
    entryPoints: [{ in: 'bench/measured.ts', out: 'measured' }],
    outdir: OUT_DIR,
    chunkNames: 'measured-[name]-[hash]',
  });
  return (await import(pathToFileURL(OUT).href)) as Measured;
}
