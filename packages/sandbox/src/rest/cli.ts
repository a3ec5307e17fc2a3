/// <reference types="node" />
/**
 * `kcheckout-sandbox serve [--port 8787] [--host 127.0.0.1] [--webhook-url URL]`: the vendor REST
 * stand-ins on loopback, until Ctrl-C.
 * `kcheckout-sandbox copy-scripts <dir>`: the four stand-in scripts into a static folder (e.g.
 * `public/kcheckout-sandbox`), for hosting without a route handler.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SANDBOX_SDKS } from '../script-url.js';
import { SOURCES } from '../serve.js';
import { startSandboxServer, type SandboxServer } from './node.js';
import { sandboxSecrets } from './secrets.js';

const USAGE = `Usage: kcheckout-sandbox serve [--port <port>] [--host <host>] [--webhook-url <url>]
       kcheckout-sandbox copy-scripts <dir>

Serves offline stand-ins for the Toss Payments, PortOne V2 and PortOne V1 REST APIs:
  POST /v1/payments/confirm, GET /v1/payments/{paymentKey}      (Toss)
  GET  /payments/{paymentId}                                    (PortOne V2)
  POST /users/getToken, GET /payments/{imp_uid}                 (PortOne V1)
  POST /__sandbox/payments                                      (records from the browser stand-ins)
Defaults: --port 8787, --host 127.0.0.1.

copy-scripts writes toss-v2.js, toss-v1.js, portone-v2.js and iamport-v1.js into <dir>: with
<dir> = public/kcheckout-sandbox they are served where sandboxScriptPath(sdk) points.`;

/** Writes the four stand-in scripts into `dir` (created if missing); returns the files written. */
export function copyScripts(dir: string, log: (line: string) => void = console.log): string[] {
  const target = resolve(dir);
  mkdirSync(target, { recursive: true });
  const files = SANDBOX_SDKS.map((sdk) => {
    const file = join(target, `${sdk}.js`);
    writeFileSync(file, SOURCES[sdk]);
    log(`  ${file}`);
    return file;
  });
  log(`kcheckout sandbox: ${files.length} stand-in scripts in ${target}; pass sandboxScriptPath(sdk) as scriptSrc if it is served at /kcheckout-sandbox/.`);
  return files;
}

/** Runs the CLI with `argv` (without `node` and the script). Resolves with the server, or `undefined` after printing usage. */
export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<SandboxServer | undefined> {
  const [command, ...rest] = argv;
  if (command === 'copy-scripts') {
    const [dir, ...extra] = rest;
    if (dir === undefined || dir.startsWith('--') || extra.length > 0) throw new Error(`copy-scripts takes one folder, e.g. public/kcheckout-sandbox.\n\n${USAGE}`);
    copyScripts(dir, log);
    return undefined;
  }
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const [name, inline] = rest[i]!.split('=', 2) as [string, string | undefined];
    if (!name.startsWith('--')) throw new Error(`Unexpected argument ${JSON.stringify(rest[i])}.\n\n${USAGE}`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n\n${USAGE}`);
    flags.set(name.slice(2), value);
  }
  if (command !== 'serve') {
    log(USAGE);
    return undefined;
  }
  for (const name of flags.keys()) {
    if (!['port', 'host', 'webhook-url'].includes(name)) throw new Error(`Unknown option --${name}.\n\n${USAGE}`);
  }
  const port = Number(flags.get('port') ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(flags.get('port'))}.`);
  const webhookUrl = flags.get('webhook-url');
  const server = await startSandboxServer({ port, host: flags.get('host') ?? '127.0.0.1', ...(webhookUrl ? { webhook: { url: webhookUrl } } : {}) });
  log(`kcheckout sandbox REST stand-ins on ${server.url}`);
  log(`  Toss secret keys:   ${sandboxSecrets.toss.widgetSecretKey} / ${sandboxSecrets.toss.apiSecretKey}`);
  log(`  PortOne API secret: ${sandboxSecrets.portone.apiSecret}`);
  log(`  PortOne webhooks:   ${webhookUrl ?? '(none; pass --webhook-url)'} signed with ${sandboxSecrets.portone.webhookSecret}`);
  log(`  V1 imp_key / imp_secret: ${sandboxSecrets.iamport.impKey} / ${sandboxSecrets.iamport.impSecret}`);
  log(`  Browser stand-ins: configureSandbox({ apiBase: '${server.url}' }) in the page`);
  return server;
}

