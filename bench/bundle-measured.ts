/**
 * bench/measured.ts bundled by esbuild with the server's own options (scripts/bundle-options.mjs: the packages inside
 * but for those that read files of their own, whitespace and syntax minified, names as written), written to
 * .bench/measured.mjs (ignored by git): one folder below the repository, as dist/ is, so what a module finds beside
 * itself (package.json, server/web/, store/migrations) it finds from there too.
 * @module
 */
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error -- plain JavaScript, shared with scripts/build.mjs, which runs without tsx
import { serverBuildOptions } from '../scripts/bundle-options.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${REPO}.bench/measured.mjs`;

export type Measured = typeof import('./measured.ts');

/** The measured code, bundled as the server is, then imported. */
export async function loadMeasured(): Promise<Measured> {
  const server = serverBuildOptions(REPO) as Record<string, unknown>;
  await build({
    ...server,
    write: true,
    metafile: false,
    splitting: false,
    entryPoints: ['bench/measured.ts'],
    outdir: undefined,
    outExtension: undefined,
    chunkNames: undefined,
    outfile: OUT,
  });
  return (await import(pathToFileURL(OUT).href)) as Measured;
}
