// The esbuild options for a Node server bundle built from the packages' TypeScript sources, as the
// example shop's server, the multi-process test's confirm worker and the server bench build theirs:
// @kcheckout/* resolve to the sources (examples/shop/aliases.mjs), libsql and pg stay external for
// their native binaries and optional install, and `__DEV__` says which build of the prose to keep.
import { kcheckoutSources } from '../examples/shop/aliases.mjs';

/** Options to spread into esbuild's `build()`, next to `entryPoints` / `stdin` and `outfile`. */
export function nodeBundleOptions({ dev }) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['libsql', 'pg'],
    logLevel: 'warning',
    define: { __DEV__: dev ? 'true' : 'false' },
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __kcheckoutCreateRequire } from 'node:module'; const require = __kcheckoutCreateRequire(import.meta.url);" },
    plugins: [
      {
        name: 'kcheckout-sources',
        setup(build) {
          build.onResolve({ filter: /^@kcheckout\// }, (args) => (kcheckoutSources[args.path] ? { path: kcheckoutSources[args.path] } : undefined));
        },
      },
    ],
  };
}
