// Source-first, as in the repository's own vite.config.ts: the shop runs the packages' TypeScript
// sources, so it needs no package build. A shop outside this repository imports the published
// packages instead and needs none of this.
import { fileURLToPath } from 'node:url';

const source = (path) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

export const kcheckoutSources = {
  '@kcheckout/core': source('core/src/index.ts'),
  '@kcheckout/react': source('react/src/index.ts'),
  '@kcheckout/react/styles.css': source('react/styles.css'),
  '@kcheckout/sandbox': source('sandbox/src/index.ts'),
  '@kcheckout/sandbox/node': source('sandbox/src/rest/node.ts'),
  '@kcheckout/server': source('server/src/index.ts'),
  '@kcheckout/server/node': source('server/src/node.ts'),
  '@kcheckout/server/libsql': source('server/src/store/libsql.ts'),
  '@kcheckout/server/postgres': source('server/src/store/postgres.ts'),
};
