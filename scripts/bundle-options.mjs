// esbuild's options for the server bundle (scripts/build.mjs says why each is as it is), in one place for the
// build and for test/server/cold-start.test.ts, which checks what `bin/reckoner mcp` loads before its first answer.

/** Packages left to node_modules: they read files beside their own code, or are build tools. */
export const EXTERNAL = ['@electric-sql/pglite', 'pdfjs-dist', 'pdfkit', 'pdf-parse', 'postgres', 'esbuild', 'tsx'];

/** The server: dist/reckoner.mjs and the chunks beside it, packages inside but for {@link EXTERNAL}. */
export function serverBuildOptions(root) {
  return {
    absWorkingDir: root,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    entryPoints: [{ in: 'server/cli.ts', out: 'reckoner' }],
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    // Less to read and parse at every start (about a seventh less CPU loading the stdio server, tried on Node 20).
    // Names are kept as written: error names and stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    chunkNames: '[name]-[hash]',
    external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
    // Bundled CommonJS packages (ajv, under the MCP SDK) may require node's built-in modules; in an ES module
    // `require` must be made.
    banner: {
      js: "import { createRequire as __reckonerCreateRequire } from 'node:module'; const require = __reckonerCreateRequire(import.meta.url);",
    },
  };
}
