#!/usr/bin/env node
// Builds @kcheckout/core or @kcheckout/react (run from the package's directory, as its `build` script):
//   dist/dev/**.js    development build: __DEV__ = true, every developer message in full
//   dist/prod/**.js   production build: __DEV__ = false, the prose and its branches gone
//   dist/**.d.ts      declarations, by tsc (which also type-checks)
// Each source file is transformed on its own, not bundled, so the module graph and the app's own tree
// shaking stay as they were. 'use client' goes on each output module that imports React (the
// components and hooks), added here rather than written in every source file, so a new component
// cannot forget it and the entries, messages and core re-exports stay plain modules that Server
// Components and route handlers can call (React's `react-server` build has no hooks, and a bundler
// turns every export of a 'use client' module into a client reference: https://react.dev/reference/rsc/use-client).
// A module that imports no React but calls client functions at module level writes the directive
// itself (toss-redirect-result.ts); esbuild keeps it. package.json `exports` gives
// the `development` condition the dev build and everything else (`default`) the production one, as
// SolidJS does: Vite, Next (webpack and Turbopack) and Vitest set `development` in development, and
// esbuild or Rollup without conditions, Node, and unbundled ESM get the small build, which reads no
// `process` (the sources use the build constant `__DEV__`, packages/core/src/dev.d.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
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

/** A module that imports React (hooks, the JSX runtime, createContext) is a component or hook module. */
const importsReact = (imports) => imports.some((entry) => /^react(?:-dom)?(?:\/|$)/.test(entry.path));
const directive = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

let clientModules = 0;
for (const [name, dev] of [['dev', true], ['prod', false]]) {
  const { outputFiles, metafile } = await build({
    write: false,
    metafile: true,
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
  for (const file of outputFiles) {
    let text = file.text;
    const output = metafile.outputs[relative(process.cwd(), file.path)];
    if (!output) throw new Error(`esbuild's metafile does not list ${file.path}`);
    if (importsReact(output.imports) && !directive.test(text)) text = `'use client';\n${text}`;
    if (directive.test(text) && !dev) clientModules++;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, text);
  }
}
console.log(`${basename(here)}: dist/dev and dist/prod from ${sources.length} files (${clientModules} 'use client'), declarations by tsc`);
