// Developer prose ships in development builds only (issue 12, decision 1). A shop's bundle of the
// BUILT packages is made the usual ways and run:
//   - esbuild with `process.env.NODE_ENV` defined as "production", without export conditions (what
//     esbuild and Rollup users get by default) and with `conditions: ['production']`;
//   - esbuild with `conditions: ['development']` (what Vite, Next and Vitest set in development);
//   - Vite's `build` (vite 7 in this repository), and a Vite dev server's resolution.
// The production bundles must refuse the same bad values with the same `code`, carry the short
// message with its pointer into the error reference, and contain none of the developer prose; the
// development bundle must still say everything. The prose is read from the sources: the first words
// of every `__DEV__ ? …` branch in packages/core/src and packages/react/src.
// Needs the built packages (`pnpm -r --filter './packages/*' run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { build } from 'esbuild';
import { build as viteBuild, createServer } from 'vite';
import { root } from './helpers.mjs';

const work = mkdtempSync(join(tmpdir(), 'kcheckout-production-build-'));
after(() => rmSync(work, { recursive: true, force: true }));

// The app's node_modules: the workspace packages (so their own `@kcheckout/core` resolves as a
// published install would, through its exports), React from the root install.
mkdirSync(join(work, 'node_modules', '@kcheckout'), { recursive: true });
for (const name of ['core', 'react']) symlinkSync(join(root, 'packages', name), join(work, 'node_modules', '@kcheckout', name), 'dir');
for (const name of ['react', 'react-dom']) symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name), 'dir');

// --- the prose, from the sources -------------------------------------------------------------------

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !/\.d\.ts$|\.test\.tsx?$/.test(file) && !file.split('/').includes('test-utils'))
    .map((file) => join(dir, file));
}

/**
 * The first 20 characters of the first literal text after each `__DEV__ ?`: the part of a template
 * before its first `${…}` (or after it, if it starts with one), cut before any quote or backslash,
 * whose escaping a minifier may change. Pieces under 8 characters (a `'widget'` in a condition) say
 * nothing and are left out.
 */
function proseFragments() {
  const fragments = new Set();
  for (const file of [...sourceFiles(join(root, 'packages/core/src')), ...sourceFiles(join(root, 'packages/react/src'))]) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/__DEV__\s*\?/g)) {
      const rest = source.slice(match.index + match[0].length);
      const literal = /(['`])((?:\\.|(?!\1)[^\\])*)\1/s.exec(rest);
      // A literal past the ` : ` is the production branch (`referenceMessage('AMBIGUOUS_PROVIDER')`).
      if (!literal || /\s:\s/.test(rest.slice(0, literal.index))) continue;
      const pieces = literal[2].split(/\$\{[^}]*\}/).map((piece) => piece.split(/['"`\\]/)[0].trim());
      const piece = pieces.find((text) => text.length >= 8);
      if (piece) fragments.add(piece.slice(0, 20));
    }
  }
  return [...fragments];
}

const fragments = proseFragments();
/** esbuild writes non-ASCII as \uXXXX unless told otherwise; read a bundle's strings back as text. */
const unescape = (code) => code.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
const proseIn = (code) => fragments.filter((fragment) => unescape(code).includes(fragment));

// --- the app -----------------------------------------------------------------------------------------

/** Every public export, so the bundle holds every module that can throw or refuse. */
const everything = `export * from '@kcheckout/core';\nexport * from '@kcheckout/react';\n`;

/** A page with the mistakes a developer makes, run as a shop's bundle would run it. */
const app = `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { CheckoutError, parseRedirect, validateAmount, validateTossClientKey } from '@kcheckout/core';
import { Checkout } from '@kcheckout/react';
const caught = (run) => { try { run(); return null; } catch (error) { return { isCheckoutError: error instanceof CheckoutError, code: error.code, provider: error.provider, message: error.message }; } };
console.error = () => {};
console.log(JSON.stringify({
  amount: caught(() => validateAmount(-1)),
  secret: caught(() => validateTossClientKey('test_sk_' + 'x'.repeat(24))),
  prop: caught(() => renderToString(createElement(Checkout, { provider: 'bogus' }))),
  redirect: parseRedirect('?paymentKey=pk_1&orderId=order_123456'),
}));
`;

async function esbuildBundle(contents, { conditions, nodeEnv }) {
  const result = await build({
    stdin: { contents, resolveDir: work, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/server'],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    ...(conditions ? { conditions } : {}),
    write: false,
    metafile: true,
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

/** Runs a bundle in Node, from the app's directory so React resolves; returns what it printed. */
function run(code, name) {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code);
  const result = spawnSync(process.execPath, [file], { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.equal(result.status, 0, `${name} exited ${result.status}:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

const short = (code) => `kcheckout ${code} — docs/errors.md#${code.toLowerCase()}`;

describe('given the prose read from the sources', () => {
  it('finds the first words of every developer message (57 CheckoutError sites, the redirect refusals, the key descriptions)', () => {
    assert.ok(fragments.length >= 60, `only ${fragments.length} fragments: ${fragments.join(' | ')}`);
  });
});

const builds = {
  'esbuild, NODE_ENV production, no conditions': { conditions: undefined, nodeEnv: 'production' },
  "esbuild, NODE_ENV production, conditions: ['production']": { conditions: ['production'], nodeEnv: 'production' },
};

for (const [title, options] of Object.entries(builds)) {
  describe(`given a shop bundled with ${title}`, () => {
    let page;
    let all;
    before(async () => {
      page = await esbuildBundle(app, options);
      all = await esbuildBundle(everything, options);
    });

    it('resolves the production build of both packages', () => {
      const ours = all.inputs.filter((path) => /packages\/(core|react)\//.test(path));
      assert.ok(ours.length > 0);
      assert.deepEqual(ours.filter((path) => !/packages\/(core|react)\/dist\/prod\//.test(path)), []);
    });

    it('contains none of the developer prose, even with every export kept', () => {
      assert.deepEqual(proseIn(all.code), []);
      assert.deepEqual(proseIn(page.code), []);
    });

    it('still refuses a bad amount, a secret key, and a bad prop, with the same codes and the short message', () => {
      const out = run(page.code, 'production-app');
      assert.deepEqual(out.amount, { isCheckoutError: true, code: 'INVALID_AMOUNT', message: short('INVALID_AMOUNT') });
      assert.deepEqual(out.secret, { isCheckoutError: true, code: 'SECRET_KEY_IN_BROWSER', provider: 'toss', message: short('SECRET_KEY_IN_BROWSER') });
      assert.deepEqual(out.prop, { isCheckoutError: true, code: 'INVALID_OPTION', message: short('INVALID_OPTION') });
    });

    it('still refuses a redirect without an amount, with its code and the short message', () => {
      const { redirect } = run(page.code, 'production-app');
      assert.deepEqual(redirect, { provider: 'toss', status: 'invalid', code: 'MISSING_AMOUNT', message: short('MISSING_AMOUNT'), extra: {} });
    });
  });
}

describe("given a shop bundled with esbuild, conditions: ['development']", () => {
  let page;
  let all;
  before(async () => {
    page = await esbuildBundle(app, { conditions: ['development'], nodeEnv: 'development' });
    all = await esbuildBundle(everything, { conditions: ['development'], nodeEnv: 'development' });
  });

  it('resolves the development build of both packages', () => {
    const ours = all.inputs.filter((path) => /packages\/(core|react)\//.test(path));
    assert.ok(ours.length > 0);
    assert.deepEqual(ours.filter((path) => !/packages\/(core|react)\/dist\/dev\//.test(path)), []);
  });

  it('contains every piece of developer prose, so the check on the production bundles can fail', () => {
    assert.deepEqual(fragments.filter((fragment) => !proseIn(all.code).includes(fragment)), []);
  });

  it('gives the full messages, with the same codes', () => {
    const out = run(page.code, 'development-app');
    assert.equal(out.amount.code, 'INVALID_AMOUNT');
    assert.match(out.amount.message, /^결제 금액은 0보다 커야 합니다 \(-1\)\..*The amount must be greater than 0 \(got -1\)/);
    assert.equal(out.secret.code, 'SECRET_KEY_IN_BROWSER');
    assert.match(out.secret.message, /A secret key reached browser code/);
    assert.doesNotMatch(out.secret.message, /x{24}/, 'the message names the key kind, never the secret');
    assert.equal(out.prop.code, 'INVALID_OPTION');
    assert.match(out.prop.message, /<Checkout provider> must be "toss", "portone" or "iamport"/);
    assert.equal(out.redirect.code, 'MISSING_AMOUNT');
    assert.match(out.redirect.message, /The redirect has no amount/);
  });
});

describe('given Vite 7 (the build a Vite shop runs, and its dev server)', () => {
  const entry = join(work, 'vite-entry.js');
  before(() => writeFileSync(entry, everything));
  // Vite fills in process.env.NODE_ENV for the whole process (development for a server, production
  // for a build) and picks the `development` / `production` condition from it; a shop runs each in
  // its own process, so each test here starts without it.
  const nodeEnv = process.env.NODE_ENV;
  const restore = () => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  };
  beforeEach(restore);
  after(restore);

  it('the dev server resolves the development build', async () => {
    const server = await createServer({ configFile: false, root: work, logLevel: 'silent', server: { middlewareMode: true, ws: false }, optimizeDeps: { noDiscovery: true } });
    try {
      const resolved = await Promise.all(['@kcheckout/core', '@kcheckout/react/toss'].map((id) => server.pluginContainer.resolveId(id, entry)));
      for (const result of resolved) assert.match(result.id, /packages\/(core|react)\/dist\/dev\//);
    } finally {
      await server.close();
    }
  });

  it('vite build resolves the production build and ships no developer prose', async () => {
    const output = await viteBuild({
      configFile: false,
      root: work,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'app' },
        rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
    const modules = chunks.flatMap((chunk) => Object.keys(chunk.modules)).filter((path) => /packages\/(core|react)\//.test(path));
    assert.ok(modules.length > 0);
    assert.deepEqual(modules.filter((path) => !/packages\/(core|react)\/dist\/prod\//.test(path)), []);
    assert.deepEqual(proseIn(chunks.map((chunk) => chunk.code).join('\n')), []);
  });
});
