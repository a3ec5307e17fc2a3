// Builds the example shop: the pages with Vite (dist/app) and the server with esbuild
// (dist/server.mjs, one file; libsql stays external for its native binary, and pg, loaded only
// when SHOP_DATABASE_URL is set, stays external so a SQLite run never needs it).
// Usage: node build.mjs (from any directory).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { build as buildPages } from 'vite';
import { nodeBundleOptions } from '../../scripts/node-bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// The sandbox's stand-in scripts are generated sources (gitignored) that @kcheckout/sandbox imports.
if (!existsSync(join(here, '../../packages/sandbox/src/generated/standins.ts'))) {
  const result = spawnSync(process.execPath, [join(here, '../../packages/sandbox/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await buildPages({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });

await bundle({
  entryPoints: [join(here, 'server/main.ts')],
  outfile: join(here, 'dist/server.mjs'),
  // A production server, like the pages: the kcheckout sources without their developer prose.
  ...nodeBundleOptions({ dev: false }),
});
console.log('examples/shop: built dist/app and dist/server.mjs');
