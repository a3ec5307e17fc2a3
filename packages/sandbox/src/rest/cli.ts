/// <reference types="node" />
/**
 * `kcheckout-sandbox serve [--port 8787] [--host 127.0.0.1] [--webhook-url URL]`: the vendor REST
 * stand-ins on loopback, until Ctrl-C.
 */
import { startSandboxServer, type SandboxServer } from './node.js';
import { sandboxSecrets } from './secrets.js';

const USAGE = `Usage: kcheckout-sandbox serve [--port <port>] [--host <host>] [--webhook-url <url>]

Serves offline stand-ins for the Toss Payments, PortOne V2 and PortOne V1 REST APIs:
  POST /v1/payments/confirm, GET /v1/payments/{paymentKey}      (Toss)
  GET  /payments/{paymentId}                                    (PortOne V2)
  POST /users/getToken, GET /payments/{imp_uid}                 (PortOne V1)
  POST /__sandbox/payments                                      (records from the browser stand-ins)
Defaults: --port 8787, --host 127.0.0.1.`;

/** Runs the CLI with `argv` (without `node` and the script). Resolves with the server, or `undefined` after printing usage. */
export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<SandboxServer | undefined> {
  const [command, ...rest] = argv;
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
  log(`  Browser stand-ins: set window.kcheckoutSandbox.apiBase = '${server.url}'`);
  return server;
}

