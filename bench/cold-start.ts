/**
 * Cold start (issue 17, item 3): `bin/reckoner mcp` spawned, an MCP client connected over stdio (initialize),
 * until its first calculate_maintenance call is answered, against the same for a minimal MCP SDK server over
 * stdio answering one tool (bench/cold-start/minimal-server.mjs: McpServer, one tool with a zod schema,
 * StdioServerTransport, nothing else), both measured in this run, fresh processes, the same client and the
 * same call. Goal: ≤ 1.1× the minimal server. The ratio is the median of per-round ratios; each round runs
 * every variant once, the order rotating from round to round, after one unrecorded run of each (the file
 * cache, tsx's cache).
 *
 * Also measured, as information: Reckoner with RECKONER_DATA_DIR and with DATABASE_URL set (the store opens
 * on the first case tool, so neither may slow the calculation; DATABASE_URL may even name no server), from
 * the sources through tsx (as bin/reckoner runs when its bundle is stale), the minimal server bundled by
 * esbuild the way scripts/build.mjs bundles Reckoner (so the part of the difference that is bundling shows),
 * node starting and exiting, and Reckoner until its tools/list answer (what a client that lists first waits for:
 * every tool's code loads then, while a calculation loads the calculator's alone, tools/catalogue.ts).
 *
 * Runs alone: `npx tsx bench/cold-start.ts`, or `npm run bench -- cold-start`. A measurement, not a test.
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { median } from './measure.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RECKONER = join(REPO, 'bin/reckoner');
const MINIMAL = join(REPO, 'bench/cold-start/minimal-server.mjs');
/** Inside node_modules, so a bundle's external packages resolve as they do from dist/. */
const BUNDLE_DIR = join(REPO, 'node_modules', '.cache', 'reckoner-bench', 'cold-start');
const ROUNDS = 9;
const GOAL = 1.1;

const CALL = {
  name: 'calculate_maintenance',
  arguments: { date: '2026-04-06', payingParent: { grossWeeklyIncome: 500 }, receivingParents: [{ children: [{}, {}] }] },
};

/** One cold start: wall-clock milliseconds, and the server's CPU time until then (every thread; NaN where unknown). */
interface Run {
  readonly wall: number;
  readonly cpu: number;
}

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, every thread) a live process has used so far, in milliseconds; NaN without /proc. */
function cpuMs(pid: number | null | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ", field 3 is the first
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime (fields 14 and 15)
  } catch {
    return Number.NaN;
  }
}

/**
 * From spawning `command args` to the answer of one request `ask` makes once connected: the wall-clock time, which
 * the goal is judged on, and the server's CPU time by then, which a busy machine disturbs far less.
 */
async function untilAnswered(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  ask: (client: Client) => Promise<string | undefined>,
): Promise<Run> {
  const t0 = performance.now();
  const transport = new StdioClientTransport({ command, args: [...args], env, cwd: REPO, stderr: 'ignore' });
  const client = new Client({ name: 'bench', version: '0' });
  try {
    await client.connect(transport);
    const wrong = await ask(client);
    const wall = performance.now() - t0;
    if (wrong) throw new Error(`${command} ${args.join(' ')}: ${wrong} in the cold-start bench`);
    return { wall, cpu: cpuMs(transport.pid) };
  } finally {
    await client.close();
  }
}

/** Until the first calculate_maintenance call is answered. */
const firstAnswer = (command: string, args: readonly string[], env: Record<string, string>) =>
  untilAnswered(command, args, env, async (client) => ((await client.callTool(CALL)).isError ? 'calculate_maintenance failed' : undefined));

/**
 * Until tools/list is answered, as an MCP client starts: every tool's code loads for it (a calculation loads the
 * calculator's alone), so this is what a client that lists first waits for.
 */
const firstList = (command: string, args: readonly string[], env: Record<string, string>) =>
  untilAnswered(command, args, env, async (client) => ((await client.listTools()).tools.length === 0 ? 'tools/list was empty' : undefined));

/** Node spawned and exiting. */
async function bareNode(): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { cwd: REPO, stdio: 'ignore' });
  await once(child, 'exit');
  return { wall: performance.now() - t0, cpu: Number.NaN };
}

/** The minimal server bundled as scripts/build.mjs bundles Reckoner: packages inside, one file. */
async function bundleMinimal(): Promise<string> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const out = join(BUNDLE_DIR, 'minimal-server.mjs');
  await build({
    absWorkingDir: REPO,
    entryPoints: [MINIMAL],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return out;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');
const verdict = (ok: boolean) => (ok ? 'met' : 'not met');

/** Runs the section, prints it, and returns a one-line summary. */
export async function coldStartSection(databaseUrl?: string): Promise<string> {
  console.log(
    `\nCold start: spawned until the first calculate_maintenance answer over stdio (MCP initialize + one tools/call), ` +
      `${ROUNDS} rounds, order rotating; medians`,
  );
  execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs')]); // the bundle `npm ci` and `npm start` build
  const minimalBundle = await bundleMinimal();
  const dataDir = mkdtempSync(join(tmpdir(), 'reckoner-bench-cold-'));
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) => v !== undefined && !['DATABASE_URL', 'RECKONER_DATA_DIR', 'RECKONER_FROM_SOURCE', 'NODE_OPTIONS'].includes(k),
    ),
  ) as Record<string, string>;
  const node = process.execPath;
  const variants: { label: string; run: () => Promise<Run> }[] = [
    { label: 'bin/reckoner mcp (bundle, no store configured)', run: () => firstAnswer(RECKONER, ['mcp'], base) },
    { label: 'baseline: minimal MCP SDK server (node, packages from node_modules)', run: () => firstAnswer(node, [MINIMAL], base) },
    {
      label: 'bin/reckoner mcp, RECKONER_DATA_DIR set',
      run: () => firstAnswer(RECKONER, ['mcp'], { ...base, RECKONER_DATA_DIR: dataDir }),
    },
    {
      label: 'bin/reckoner mcp, DATABASE_URL set',
      run: () => firstAnswer(RECKONER, ['mcp'], { ...base, DATABASE_URL: databaseUrl ?? 'postgres://postgres@127.0.0.1:1/none' }),
    },
    { label: 'bin/reckoner mcp from the sources (tsx)', run: () => firstAnswer(RECKONER, ['mcp'], { ...base, RECKONER_FROM_SOURCE: '1' }) },
    { label: 'minimal MCP SDK server, bundled like Reckoner', run: () => firstAnswer(node, [minimalBundle], base) },
    { label: 'node starting and exiting', run: bareNode },
    { label: 'bin/reckoner mcp, initialize + tools/list (all 25 tools load)', run: () => firstList(RECKONER, ['mcp'], base) },
  ];
  const samples = variants.map(() => [] as Run[]);
  try {
    for (const v of variants) await v.run(); // warm the file cache and tsx's cache once
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (k + r) % variants.length;
        samples[i]!.push(await variants[i]!.run());
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  }
  const width = Math.max(...variants.map((v) => v.label.length)) + 1;
  const walls = samples.map((runs) => runs.map((r) => r.wall));
  const cpus = samples.map((runs) => runs.map((r) => r.cpu));
  for (const [k, v] of variants.entries()) {
    const xs = walls[k]!;
    const cpu = median(cpus[k]!);
    console.log(
      `   ${`${v.label}:`.padEnd(width)} ${fmt(median(xs)).padStart(6)} ms median (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` +
        (Number.isNaN(cpu) ? '' : `; CPU ${fmt(cpu)} ms`),
    );
  }
  const ratioTo = (of: number[][], a: number, b: number) => {
    const rs = of[a]!.map((x, i) => x / of[b]![i]!);
    return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
  };
  const main = ratioTo(walls, 0, 1);
  const mainCpu = ratioTo(cpus, 0, 1);
  const worstStore = [2, 3].map((k) => ratioTo(walls, k, 1)).sort((a, b) => b.median - a.median)[0]!;
  const vsBundled = ratioTo(walls, 0, 5);
  const listing = ratioTo(walls, 7, 1);
  console.log(
    `   goal: bin/reckoner mcp ≤ ${GOAL}× the minimal MCP SDK server, wall clock: ${main.median.toFixed(3)}× (rounds ${main.min.toFixed(2)}–${main.max.toFixed(2)}) — ${verdict(main.median <= GOAL)}`,
  );
  console.log(
    `   the same in the server's CPU time (every thread; steadier on a busy machine): ${mainCpu.median.toFixed(3)}× — ${verdict(mainCpu.median <= GOAL)}`,
  );
  console.log(
    `   with a store configured (the worse of the two): ${worstStore.median.toFixed(3)}× — ${verdict(worstStore.median <= GOAL)}; ` +
      `against the minimal server bundled the same way: ${vsBundled.median.toFixed(3)}× (information)`,
  );
  console.log(
    `   a client that lists the tools first waits ${listing.median.toFixed(3)}× the minimal server's first answer for Reckoner's tools/list (information)`,
  );
  return (
    `cold start ${fmt(median(walls[0]!))} ms = ${main.median.toFixed(2)}× a minimal MCP SDK server (goal ≤ ${GOAL}×: ${verdict(main.median <= GOAL)}; ` +
    `CPU time ${mainCpu.median.toFixed(2)}×)`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nSummary: ${await coldStartSection(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL)}.`);
}
