/**
 * The `reckoner` command: `reckoner mcp` (MCP over stdio) and `reckoner serve [--host H] [--port P]`.
 * Logs go to stderr; in `mcp` mode stdout carries JSON-RPC only.
 * @module
 */
import type { Server as HttpServer } from 'node:http';
import { VERSION } from './version.ts';

const USAGE = `Usage:
  reckoner mcp                                   MCP over stdio (for Claude Desktop and other MCP clients)
  reckoner serve [--host 127.0.0.1] [--port 8787] [--insecure-no-auth]
                                                 HTTP: /mcp, /api/v1/*, /openapi.json, /healthz, /
  reckoner rekey                                 change the case store's encryption key: every case's key is
                                                 re-wrapped from RECKONER_ENCRYPTION_KEY to RECKONER_NEW_ENCRYPTION_KEY
                                                 in one transaction (stop Reckoner first; restart it with the new key)
  reckoner --version

On an address other machines can reach, serve needs tokens (RECKONER_API_TOKENS or RECKONER_API_TOKENS_FILE);
--insecure-no-auth serves without them anyway, with a warning at start and on every response.

Environment:
  DATABASE_URL          PostgreSQL for the case store (shared deployments)
  RECKONER_DATA_DIR     directory of the embedded case store (default: your data directory, e.g. ~/.local/share/reckoner)
  RECKONER_ENCRYPTION_KEY  32 bytes, base64 or hex (openssl rand -base64 32): seal names, contact details,
                        event notes, letters and original documents in the case store
  RECKONER_NEW_ENCRYPTION_KEY  the key to change to (rekey only)
  RECKONER_API_TOKENS   comma-separated organisation:principal:secret entries (secret at least 32 characters,
                        e.g. openssl rand -base64 32), each optionally followed by " expires=YYYY-MM-DD" (the last
                        day it works, UK time): /mcp and /api/* then need one as a bearer token, and each
                        principal sees only its organisation's cases (serve)
  RECKONER_API_TOKENS_FILE  a file of the same entries, one a line (# comments): read again when it changes
                        and on SIGHUP, so a token is added or revoked without a restart; a broken file
                        leaves the last good tokens in use and says why on stderr (serve)
  RECKONER_MAX_CASES    the most cases one organisation may keep in the case store (default 20,000)
  RECKONER_FILES_DIR    folders (separated by ":") whose files MCP tools over stdio may read by path and
                        export_case may write to, besides the folders the MCP client shares (its roots)
  RECKONER_ALLOWED_HOSTS comma-separated extra Host names to accept (serve). The server answers only
                         to its own address; with --host 0.0.0.0 list the names clients will use.
  RECKONER_TODAY        work as if today were this date (YYYY-MM-DD): deadlines and "overdue" as they stood
                        then, or a scripted run that gives the same answers every day
`;

function fail(message: string): never {
  process.stderr.write(`reckoner: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseServeArgs(args: string[]): { host: string; port: number; insecureNoAuth: boolean } {
  let host = '127.0.0.1';
  let port = 8787;
  let insecureNoAuth = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = (): string => inline ?? args[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--insecure-no-auth' && inline === undefined) insecureNoAuth = true;
    else if (flag === '--host') host = value();
    else if (flag === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535 (got "${text}")`);
    } else fail(`unknown option "${arg}"`);
  }
  return { host, port, insecureNoAuth };
}

/** The server's day from the environment, or a usage error naming RECKONER_TODAY. */
function dayOrFail(serverDay: () => () => string): () => string {
  try {
    return serverDay();
  } catch (error) {
    return fail((error as Error).message);
  }
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'mcp':
      if (rest.length > 0) fail(`"mcp" takes no options (got "${rest.join(' ')}")`);
      // Each mode loads only its own modules: an MCP client waits for the whole start before its first answer.
      const [{ runStdio }, { serverDay }] = await Promise.all([import('./stdio.ts'), import('./today.ts')]);
      await runStdio(dayOrFail(serverDay));
      return;
    case 'serve': {
      const { host, port, insecureNoAuth } = parseServeArgs(rest);
      const [
        { serve },
        { connectWarning, lazyStore, storeOptionsFromEnv },
        { createApp, NO_AUTH_WARNING },
        auth,
        { serverDay },
        { closeStalledAnswers, serverOptions },
      ] = await Promise.all([
        import('@hono/node-server'),
        import('../store/open.ts'),
        import('./http.ts'),
        import('./auth.ts'),
        import('./today.ts'),
        import('./slow-clients.ts'),
      ]);
      const today = dayOrFail(serverDay);
      // The variable's tokens and the file's (read again when it changes, and on SIGHUP): server/auth.ts.
      let tokens: ReturnType<typeof auth.TokenList.fromEnv>;
      try {
        tokens = auth.TokenList.fromEnv(process.env);
      } catch (error) {
        fail((error as Error).message);
      }
      if (tokens && process.env[auth.TOKENS_FILE_VARIABLE]?.trim()) {
        // A hangup no longer ends the server: it reads the token file again (and says so, or why not, on stderr).
        const list = tokens;
        process.on('SIGHUP', () => void list.reload());
      }
      // Cases hold children's details and withheld addresses: a server others can reach must know who is asking.
      if (!auth.isLoopback(host) && !tokens) {
        if (!insecureNoAuth) {
          fail(
            `--host ${host} can be reached from other machines, so serve needs ${auth.TOKENS_VARIABLE} or ${auth.TOKENS_FILE_VARIABLE} (organisation:principal:secret entries). ` +
              'Give tokens, keep the default --host 127.0.0.1 behind a proxy, or add --insecure-no-auth if you really mean an open server.',
          );
        }
        process.stderr.write(`reckoner: WARNING — ${NO_AUTH_WARNING} (--insecure-no-auth on ${host})\n`);
      }
      // The store opens on first use, but its settings are checked now: a malformed RECKONER_ENCRYPTION_KEY would
      // otherwise leave a server that answers /healthz and fails every case call (a security audit).
      let storeOptions: ReturnType<typeof storeOptionsFromEnv>;
      try {
        storeOptions = storeOptionsFromEnv();
      } catch (error) {
        fail((error as Error).message);
      }
      const lazy = lazyStore(storeOptions);
      if (storeOptions.databaseUrl) {
        // A PostgreSQL connection closed under a write must not take the server down (server/postgres-guard.ts).
        (await import('./postgres-guard.ts')).keepServingAfterPostgresWriteAfterClose(lazy.reopen);
        // Other users of a shared PostgreSQL server must not be able to connect to this database: said at start.
        void connectWarning(storeOptions.databaseUrl).then((warning) => {
          if (warning) process.stderr.write(`reckoner: ${warning}\n`);
        });
      }
      const options = {
        host,
        ...(tokens ? { tokens } : {}),
        allowedHosts: list(process.env.RECKONER_ALLOWED_HOSTS),
        store: lazy.store,
        today,
        insecureNoAuth: insecureNoAuth && !tokens && !auth.isLoopback(host),
      };
      let app = createApp({ ...options, port });
      // Time limits for slow clients, and answers a client stops taking abandoned (server/slow-clients.ts).
      const server = serve(
        { fetch: (request, env) => app.fetch(request, env), hostname: host, port, serverOptions: serverOptions() },
        (info) => {
          // With --port 0 the real port is known only now, and the Host guard must name it; this runs
          // before any connection is accepted.
          if (info.port !== port) app = createApp({ ...options, port: info.port });
          process.stderr.write(`reckoner ${VERSION} listening on http://${host.includes(':') ? `[${host}]` : host}:${info.port}\n`);
        },
      );
      closeStalledAnswers(server as HttpServer);
      server.on('error', (error: NodeJS.ErrnoException) => {
        fail(error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use; choose another with --port` : error.message);
      });
      const stop = (): void => {
        server.close();
        void lazy.close().finally(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'rekey': {
      if (rest.length > 0) fail(`"rekey" takes no options (got "${rest.join(' ')}"); the keys come from the environment`);
      const { runRekey } = await import('./rekey-command.ts');
      process.exitCode = await runRekey(
        process.env,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`reckoner: ${line}\n`),
      );
      return;
    }
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return;
    case undefined:
      fail('say which command to run');
    default:
      fail(`unknown command "${command}"`);
  }
}
