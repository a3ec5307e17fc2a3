import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * Browser tests need a script URL whose behaviour they control: a 404, a hang, or a script that
 * works once "the network is back". This dev-server middleware is that URL. Test-only: it is wired
 * into Vitest's browser project and nothing ships it.
 *
 *   POST /__kcheckout/script/<id>?mode=ok|404|hang|empty&serve=<sandbox sdk>   set behaviour
 *   GET  /__kcheckout/script/<id>.js                                           the script
 *   GET  /__kcheckout/script/<id>/hits                                         how often it was fetched
 */
type Mode = 'ok' | '404' | 'hang' | 'empty';

export function scriptServer(sandboxScriptsDir: string): Plugin {
  const scripts = new Map<string, { mode: Mode; serve: string; hits: number; hanging: Set<ServerResponse> }>();
  const hanging = new Set<ServerResponse>();

  function handle(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/__kcheckout\/script\/([\w-]+)(\.js|\/hits)?$/.exec(url.pathname);
    if (!match) return next();
    const id = match[1]!;
    const entry = scripts.get(id) ?? { mode: 'ok' as Mode, serve: 'toss-v2', hits: 0, hanging: new Set<ServerResponse>() };
    scripts.set(id, entry);

    if (req.method === 'POST') {
      // "The network is back": end the hung requests too. Chromium holds a second request for a URL
      // while the first has no response headers, so a retry would otherwise wait behind them.
      if (url.searchParams.get('mode') !== 'hang') {
        entry.hanging.forEach((res) => res.destroy());
        entry.hanging.clear();
      }
      entry.mode = (url.searchParams.get('mode') as Mode | null) ?? entry.mode;
      entry.serve = url.searchParams.get('serve') ?? entry.serve;
      res.end('ok');
      return;
    }
    if (match[2] === '/hits') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ hits: entry.hits }));
      return;
    }
    entry.hits++;
    res.setHeader('cache-control', 'no-store');
    if (entry.mode === '404') {
      res.statusCode = 404;
      res.end('not found');
    } else if (entry.mode === 'hang') {
      // Answer nothing; closed when the server stops, or after a minute so no socket lingers.
      hanging.add(res);
      entry.hanging.add(res);
      setTimeout(() => {
        hanging.delete(res);
        entry.hanging.delete(res);
        res.destroy();
      }, 60_000).unref();
    } else {
      res.setHeader('content-type', 'text/javascript');
      res.end(entry.mode === 'empty' ? '/* installs nothing */' : readFileSync(`${sandboxScriptsDir}/${entry.serve}.js`));
    }
  }

  return {
    name: 'kcheckout-test-script-server',
    configureServer(server) {
      server.middlewares.use(handle);
      server.httpServer?.on('close', () => hanging.forEach((res) => res.destroy()));
    },
  };
}
