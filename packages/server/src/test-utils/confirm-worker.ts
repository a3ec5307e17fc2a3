// One confirm server in its own OS process, for the multi-process test and the server bench. It is
// bundled with esbuild (pg and libsql external) and run as `node <bundle> '<WorkerConfig JSON>'`;
// it prints its port on stdout once it listens on 127.0.0.1, and closes on SIGTERM or SIGINT. On
// SIGUSR2 it prints `cpu <µs>`: the CPU time it has used so far (the bench's per-confirm cost).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConfirmHandler } from '../handler.js';
import { toNodeHandler } from '../node.js';
import { openLibsqlOrderStore } from '../store/libsql.js';
import type { OrderStore } from '../store/order-store.js';
import { openPostgresOrderStore } from '../store/postgres.js';

/** What the worker takes as its only argument, as JSON. */
export interface ConfirmWorkerConfig {
  /** `{ kind: 'postgres', url }` (a connection string) or `{ kind: 'libsql', path }` (a file the processes share). */
  store: { kind: 'postgres'; url: string } | { kind: 'libsql'; path: string };
  /** The Toss secret key the sandbox accepts (`sandboxSecrets.toss.widgetSecretKey`). */
  tossSecretKey: string;
  /** The sandbox REST server's URL. */
  tossBaseUrl: string;
}

function readConfig(): ConfirmWorkerConfig {
  const raw = process.argv[2];
  if (!raw) throw new Error("confirm-worker: pass the config as JSON: node confirm-worker.mjs '{\"store\":{\"kind\":\"postgres\",\"url\":\"…\"},\"tossSecretKey\":\"…\",\"tossBaseUrl\":\"…\"}'.");
  return JSON.parse(raw) as ConfirmWorkerConfig;
}

async function openStore(store: ConfirmWorkerConfig['store']): Promise<OrderStore> {
  return store.kind === 'postgres' ? openPostgresOrderStore({ connectionString: store.url }) : openLibsqlOrderStore(store.path);
}

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config.store);
  const handler = createConfirmHandler({
    store,
    toss: { secretKey: config.tossSecretKey, baseUrl: config.tossBaseUrl },
    onError: (error) => console.error('confirm-worker:', error),
  });
  process.on('SIGUSR2', () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`cpu ${user + system}\n`);
  });
  const server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    store.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('confirm-worker failed to start:', error);
  process.exit(1);
});
