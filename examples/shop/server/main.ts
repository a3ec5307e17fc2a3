// `node dist/server.mjs`: the example shop on one printed URL. Offline on the sandbox unless the
// vendor keys are in the environment (README).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ConfigError, readSetup } from './config.js';
import { startShop } from './shop.js';

export { startShop, type Shop, type ShopOptions } from './shop.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  const env = process.env;
  const options = {
    host: env.HOST ?? '127.0.0.1',
    dbPath: env.SHOP_DB ?? join(here, '..', 'data', 'shop.db'),
    staticDir: join(here, 'app'),
    log: (line: string) => console.log(`  ${line}`),
    ...(env.SHOP_VENDOR_TIMEOUT_MS ? { vendorTimeoutMs: Number(env.SHOP_VENDOR_TIMEOUT_MS) } : {}),
  };
  const wanted = env.PORT ? Number(env.PORT) : 5178;
  let shop;
  try {
    shop = await startShop({ ...options, port: wanted });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`kcheckout example shop: ${error.message}`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || env.PORT) throw error;
    shop = await startShop({ ...options, port: 0 });
  }
  const setup = readSetup(env);
  const vendor = (name: keyof typeof setup) => `${name}: ${setup[name].sandbox ? 'sandbox (offline)' : 'real vendor (keys from the environment)'}`;
  console.log(`\nkcheckout example shop  →  ${shop.url}\n`);
  console.log(`  orders database: ${shop.orders.path}${env.SHOP_DATABASE_URL ? ' (Postgres)' : ' (SQLite)'}`);
  console.log(`  webhooks: ${shop.url}/api/webhooks · sweep every 60 s (POST /api/reconcile runs it now)`);
  console.log(`  ${vendor('toss')} · ${vendor('portone')} · ${vendor('iamport')}`);
  if (shop.sandboxUrl) console.log(`  REST stand-ins: ${shop.sandboxUrl}`);
  console.log('  Ctrl+C to stop\n');
  const stop = () => void shop.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
