#!/usr/bin/env node
// Builds @kcheckout/core or @kcheckout/react (run from the package's directory, as its `build` script):
//   dist/dev/**.js    development build: __DEV__ = true, every developer message in full
//   dist/prod/**.js   production build: __DEV__ = false, the prose and its branches gone
//   dist/**.d.ts      declarations, by tsc (which also type-checks)
// Each source file is transformed on its own, not bundled, so the module graph, 'use client' at the
// top of each entry, and the app's own tree shaking stay as they were. package.json `exports` gives
// the `development` condition the dev build and everything else (`default`) the production one, as
// SolidJS does: Vite, Next (webpack and Turbopack) and Vitest set `development` in development, and
// esbuild or Rollup without conditions, Node, and unbundled ESM get the small build, which reads no
// `process` (the sources use the build constant `__DEV__`, packages/core/src/dev.d.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const here = process.cwd();
const src = join(here, 'src');
const dist = join(here, 'dist');

/** The files tsconfig.build.json compiles: no tests, no test-utils, no declarations. */
const sources = readdirSync(src, { recursive: true })
  .map(String)
  .filter((file) => /\.tsx?$/.test(file) && !/\.d\.ts$|\.test\.tsx?$/.test(file) && !file.split('/').includes('test-utils'))
  .map((file) => join(src, file));

rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json'), '--emitDeclarationOnly'], { stdio: 'inherit' });
if (types.status !== 0) process.exit(types.status ?? 1);

for (const [name, dev] of [['dev', true], ['prod', false]]) {
  await build({
    entryPoints: sources,
    outbase: src,
    outdir: join(dist, name),
    bundle: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    tsconfig: join(here, 'tsconfig.build.json'),
    define: { __DEV__: String(dev) },
    // Folds `__DEV__ ? '…' : ''` to one branch, and tree shaking then drops the helpers only the dead
    // branch used (redirect refusals' explain()), so the prose leaves the production files themselves,
    // not only the bundles of apps whose bundler would have shaken it out.
    minifySyntax: true,
    treeShaking: true,
    // Korean stays readable in the files (esbuild would escape it to \uXXXX).
    charset: 'utf8',
    logLevel: 'warning',
  });
}
console.log(`${basename(here)}: dist/dev and dist/prod from ${sources.length} files, declarations by tsc`);
