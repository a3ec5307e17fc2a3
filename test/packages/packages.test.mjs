// The packages as a user gets them: packed with `pnpm pack` (which rewrites `workspace:*`), checked
// with publint and arethetypeswrong, then installed offline into a throwaway consumer that imports
// every public entry in Node, typechecks them under TypeScript's `bundler` and `node16` resolution,
// and server-renders a checkout per provider under React 18 and React 19.
// Needs the built packages (scripts/test.mjs runs it after `pnpm -r run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packageNames, pnpm, reactEntries, root, sh } from './helpers.mjs';

const work = mkdtempSync(join(tmpdir(), 'kcheckout-packages-'));
const tarballs = join(work, 'tarballs');
const tarball = (name) => join(tarballs, `kcheckout-${name}-0.1.0.tgz`);
const manifest = (name) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));

after(() => rmSync(work, { recursive: true, force: true }));

before(() => {
  mkdirSync(tarballs, { recursive: true });
  for (const name of packageNames) pnpm(['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', name) });
});

/** The package.json inside a tarball. */
function packedManifest(name) {
  return JSON.parse(sh('tar', ['-xOzf', tarball(name), 'package/package.json']));
}

/** Export keys whose target is a stylesheet (e.g. `./styles.css`): files to link, not modules to type. */
function stylesheetKeys(name) {
  return Object.entries(packedManifest(name).exports)
    .filter(([, target]) => typeof target === 'string' && target.endsWith('.css'))
    .map(([key]) => key);
}

/** Every module an exports map offers: not package.json, wildcard patterns or stylesheets. */
function publicEntries(name) {
  const styles = stylesheetKeys(name);
  return Object.keys(packedManifest(name).exports)
    .filter((key) => key !== './package.json' && !key.includes('*') && !styles.includes(key))
    .map((key) => `@kcheckout/${name}${key.slice(1)}`);
}

for (const name of packageNames) {
  describe(`given the packed @kcheckout/${name}`, () => {
    it('has no workspace: ranges left and ships dist only', () => {
      const pkg = packedManifest(name);
      const ranges = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies };
      assert.deepEqual(Object.entries(ranges).filter(([, range]) => range.startsWith('workspace:')), []);
      for (const [dep, range] of Object.entries(ranges)) if (dep.startsWith('@kcheckout/')) assert.equal(range, manifest(dep.slice(11)).version);
      const files = sh('tar', ['-tzf', tarball(name)]).trim().split('\n');
      assert.deepEqual(files.filter((file) => /\/src\/|\.test\.|tsconfig/.test(file)), []);
    });

    it('passes publint (strict: warnings fail too)', async () => {
      const bytes = readFileSync(tarball(name));
      const { messages, pkg } = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
        level: 'suggestion',
        strict: true,
      });
      const problems = messages.filter((message) => message.type !== 'suggestion');
      for (const message of messages) console.log(`publint ${message.type}: ${formatMessage(message, pkg)}`);
      assert.deepEqual(problems.map((message) => formatMessage(message, pkg)), []);
    });

    // The esm-only profile: these packages ship ESM only on purpose (DESIGN.md), so attw's "a CommonJS
    // require() resolves to ESM" (node16-from-CJS) and the exports-unaware node10 resolution are not
    // problems for them. Everything an ESM importer meets (node16-from-ESM, bundler) is still checked.
    // Stylesheet exports are excluded: attw resolves every subpath as a module with types, and a .css
    // file has neither; the consumer test below checks that it resolves instead.
    it('passes arethetypeswrong under the esm-only profile', () => {
      const attw = join(root, 'node_modules', '.bin', 'attw');
      const styles = stylesheetKeys(name);
      const exclude = styles.length > 0 ? ['--exclude-entrypoints', ...styles] : [];
      const out = sh(attw, [tarball(name), '--profile', 'esm-only', '--no-definitely-typed', '--format', 'table-flipped', '--no-emoji', '--no-color', ...exclude]);
      assert.match(out, /No problems found|ignored/);
    });
  });
}

describe('given the packed @kcheckout/react', () => {
  const unpacked = join(work, 'react-unpacked');
  before(() => {
    mkdirSync(unpacked, { recursive: true });
    sh('tar', ['-xzf', tarball('react'), '-C', unpacked]);
  });

  for (const build of ['dev', 'prod']) {
    for (const file of reactEntries) {
      // The entries are plain modules, importable from Server Components; their components and hooks
      // carry 'use client' in their own modules (react-server.test.mjs checks both on the build).
      it(`keeps 'use client' off dist/${build}/${file} and on the component modules it re-exports`, () => {
        const source = readFileSync(join(unpacked, 'package', 'dist', build, file), 'utf8');
        assert.doesNotMatch(source, /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/);
        const agreement = readFileSync(join(unpacked, 'package', 'dist', build, 'agreement.js'), 'utf8');
        assert.match(agreement, /^(['"])use client\1;?\s*\n/);
      });
    }
  }

  it('gives every module entry a development and a production build, production the default, types first', () => {
    for (const name of ['core', 'react']) {
      for (const [key, target] of Object.entries(packedManifest(name).exports)) {
        if (typeof target === 'string') continue;
        assert.deepEqual(Object.keys(target), ['types', 'development', 'default'], `${name} ${key}`);
        assert.match(target.development, /^\.\/dist\/dev\/.+\.js$/);
        assert.equal(target.default, target.development.replace('/dist/dev/', '/dist/prod/'));
      }
    }
  });

  it('lists React 18 and 19 as peers, and no React in dependencies', () => {
    const pkg = packedManifest('react');
    for (const peer of ['react', 'react-dom']) {
      assert.match(pkg.peerDependencies[peer], /\^18\.\d+\.\d+ \|\| \^19\.\d+\.\d+/);
      assert.equal(pkg.dependencies?.[peer], undefined);
    }
  });
});

// --- the consumer -------------------------------------------------------------------------------------

const reactVersions = {
  18: { react: join(root, 'node_modules', 'react18'), reactDom: join(root, 'node_modules', 'react-dom18') },
  19: { react: join(root, 'node_modules', 'react'), reactDom: join(root, 'node_modules', 'react-dom') },
};

/**
 * A consumer app with the tarballs installed by hand, offline: each unpacked into node_modules/@kcheckout,
 * their third-party dependencies linked from the workspace's install, and `react` / `react-dom` the
 * chosen major. react-dom is copied, not linked, so that its own `require('react')` finds this app's
 * React instead of the one pnpm paired it with.
 */
function makeConsumer(major) {
  const dir = join(work, `consumer-react${major}`);
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@kcheckout'), { recursive: true });
  const link = (target, name) => {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(realpathSync(target), join(modules, name), 'dir');
  };
  for (const name of packageNames) {
    const into = join(work, `unpack-${major}-${name}`);
    mkdirSync(into, { recursive: true });
    sh('tar', ['-xzf', tarball(name), '-C', into]);
    cpSync(join(into, 'package'), join(modules, '@kcheckout', name), { recursive: true });
    const manifest = packedManifest(name);
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (dep.startsWith('@kcheckout/')) continue;
      link(join(root, 'packages', name, 'node_modules', dep), dep);
    }
    // Optional peers an app installs for the entry it uses (the server's libsql and pg stores).
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      const from = join(root, 'packages', name, 'node_modules', peer);
      if (manifest.peerDependenciesMeta?.[peer]?.optional && existsSync(from) && !existsSync(join(modules, peer))) link(from, peer);
    }
  }
  const { react, reactDom } = reactVersions[major];
  link(react, 'react');
  const reactDomReal = realpathSync(reactDom);
  cpSync(reactDomReal, join(modules, 'react-dom'), { recursive: true, dereference: true });
  link(join(dirname(reactDomReal), 'scheduler'), 'scheduler');
  // For the typecheck only: React's and Node's types as an app would have them.
  for (const types of ['@types/react', '@types/react-dom', '@types/node']) link(join(root, 'node_modules', types), types);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-react${major}`, private: true, type: 'module' }, null, 2));
  return dir;
}

/** Runs an ES module inside the consumer, so resolution starts from its node_modules. */
function runInConsumer(dir, file, source) {
  writeFileSync(join(dir, file), source);
  return sh(process.execPath, [join(dir, file)], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } });
}

const expectedExports = {
  '@kcheckout/core': ['loadScript', 'preload', 'parseRedirect', 'CheckoutError', 'createTossWidgetV2', 'createPortOneV2', 'createIamportV1'],
  '@kcheckout/react': ['Checkout', 'PaymentMethods', 'Agreement', 'CheckoutButton', 'RedirectResult', 'BillingKeyButton', 'useTossWidget', 'usePortOne', 'useIamport', 'preload', 'parseRedirect'],
  '@kcheckout/react/toss': ['Checkout', 'PaymentMethods', 'Agreement', 'CheckoutButton', 'RedirectResult', 'useTossWidget', 'preload'],
  '@kcheckout/react/portone': ['Checkout', 'PaymentMethods', 'Agreement', 'CheckoutButton', 'RedirectResult', 'BillingKeyButton', 'usePortOne', 'preload'],
  '@kcheckout/react/iamport': ['Checkout', 'PaymentMethods', 'Agreement', 'CheckoutButton', 'RedirectResult', 'useIamport', 'preload'],
  '@kcheckout/sandbox': ['sandboxClientKeys', 'sandboxScriptUrl', 'sandboxScriptPath', 'handleSandboxScript', 'configureSandbox', 'createSandboxApi'],
  '@kcheckout/sandbox/toss-v2': ['scriptUrl', 'scriptPath', 'scriptSource', 'configureSandbox'],
  '@kcheckout/sandbox/toss-v1': ['scriptUrl', 'scriptPath', 'scriptSource', 'configureSandbox'],
  '@kcheckout/sandbox/portone-v2': ['scriptUrl', 'scriptPath', 'scriptSource', 'configureSandbox'],
  '@kcheckout/sandbox/iamport-v1': ['scriptUrl', 'scriptPath', 'scriptSource', 'configureSandbox'],
  '@kcheckout/sandbox/playwright': ['sandboxPage'],
  '@kcheckout/sandbox/node': ['startSandboxServer'],
  '@kcheckout/server': ['confirmTossPayment', 'verifyPortOnePayment', 'verifyIamportPayment', 'verifyPortOneWebhook', 'createConfirmHandler'],
  '@kcheckout/server/node': ['toNodeHandler'],
  '@kcheckout/server/libsql': ['openLibsqlOrderStore'],
  '@kcheckout/server/postgres': ['openPostgresOrderStore'],
};

describe('given a consumer app with the tarballs installed (React 19)', () => {
  let dir;
  before(() => {
    dir = makeConsumer(19);
  });

  it('covers every public entry of every package', () => {
    assert.deepEqual(packageNames.flatMap(publicEntries).sort(), Object.keys(expectedExports).sort());
  });

  for (const [specifier, names] of Object.entries(expectedExports)) {
    it(`imports ${specifier} as native ESM in Node`, () => {
      const out = runInConsumer(dir, 'import-entry.mjs', `const m = await import(${JSON.stringify(specifier)});\nconsole.log(JSON.stringify(Object.keys(m)));\n`);
      const keys = JSON.parse(out.trim().split('\n').at(-1));
      for (const name of names) assert.ok(keys.includes(name), `${specifier} exports ${name}; it has: ${keys.join(', ')}`);
    });
  }

  // Node sets no `development` condition unless asked (`node --conditions=development`), so a server
  // gets the production build by default, as esbuild and Rollup users without conditions do.
  for (const [flags, build] of [[[], 'prod'], [['--conditions=development'], 'dev']]) {
    it(`resolves @kcheckout/core and @kcheckout/react (and react's own @kcheckout/core) to dist/${build} with node ${flags.join(' ') || '(no conditions)'}`, () => {
      writeFileSync(
        join(dir, 'resolve-build.mjs'),
        `const react = import.meta.resolve('@kcheckout/react/toss');
const { CheckoutError } = await import('@kcheckout/core');
console.log(JSON.stringify({ core: import.meta.resolve('@kcheckout/core'), react, message: new CheckoutError('INVALID_AMOUNT', '').message }));
`,
      );
      const out = JSON.parse(sh(process.execPath, [...flags, join(dir, 'resolve-build.mjs')], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } }).trim().split('\n').at(-1));
      assert.match(out.core, new RegExp(`/node_modules/@kcheckout/core/dist/${build}/index\\.js$`));
      assert.match(out.react, new RegExp(`/node_modules/@kcheckout/react/dist/${build}/toss\\.js$`));
      assert.equal(out.message, 'kcheckout INVALID_AMOUNT — docs/errors.md#invalid_amount');
    });
  }

  it('resolves every stylesheet export to a non-empty file', () => {
    for (const name of packageNames) {
      for (const key of stylesheetKeys(name)) {
        const specifier = `@kcheckout/${name}${key.slice(1)}`;
        const out = runInConsumer(dir, 'resolve-css.mjs', `import { readFileSync } from 'node:fs';\nconst url = import.meta.resolve(${JSON.stringify(specifier)});\nconsole.log(readFileSync(new URL(url), 'utf8').length);\n`);
        assert.ok(Number(out.trim()) > 0, `${specifier} resolves to an empty file`);
      }
    }
  });

  it('resolves the sandbox stand-in scripts through the ./scripts/* pattern', () => {
    const out = runInConsumer(dir, 'resolve-scripts.mjs', `console.log(import.meta.resolve('@kcheckout/sandbox/scripts/toss-v2.js'));\n`);
    assert.match(out.trim(), /node_modules\/@kcheckout\/sandbox\/dist\/scripts\/toss-v2\.js$/);
  });

  const consumerTsx = `import { CheckoutError, parseRedirect, type CheckoutResult } from '@kcheckout/core';
import { Agreement, Checkout, CheckoutButton, PaymentMethods, RedirectResult, preload } from '@kcheckout/react';
import * as Toss from '@kcheckout/react/toss';
import * as PortOne from '@kcheckout/react/portone';
import * as Iamport from '@kcheckout/react/iamport';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { startSandboxServer } from '@kcheckout/sandbox/node';
import { configureSandbox, scriptPath } from '@kcheckout/sandbox/toss-v2';
import { sandboxPage } from '@kcheckout/sandbox/playwright';
import { createConfirmHandler } from '@kcheckout/server';
import { toNodeHandler } from '@kcheckout/server/node';
import { openLibsqlOrderStore } from '@kcheckout/server/libsql';
import { openPostgresOrderStore } from '@kcheckout/server/postgres';

export const pages = [
  <Checkout provider="toss" clientKey={sandboxClientKeys.toss} customerKey="buyer_1" amount={50000} scriptSrc={sandboxScriptUrl('toss-v2')}>
    <PaymentMethods /><Agreement /><CheckoutButton order={{ orderName: '생수' }} />
  </Checkout>,
  <Toss.Checkout clientKey={sandboxClientKeys.toss} customerKey="buyer_1" amount={50000}>
    <Toss.PaymentMethods /><Toss.Agreement /><Toss.CheckoutButton order={{ orderName: '생수' }} />
  </Toss.Checkout>,
  <PortOne.Checkout {...sandboxClientKeys.portone} amount={39000}>
    <PortOne.PaymentMethods /><PortOne.CheckoutButton order={{ orderName: '원두' }} redirectUrl="/result" />
  </PortOne.Checkout>,
  <Iamport.Checkout {...sandboxClientKeys.iamport} amount={39000}>
    <Iamport.PaymentMethods /><Iamport.CheckoutButton order={{ orderName: '원두' }} />
  </Iamport.Checkout>,
  <RedirectResult confirm={async () => undefined} />,
];

// The types are real, not \`any\`: a wrong prop is an error.
// @ts-expect-error amount is a number
export const wrong = <Toss.Checkout clientKey={sandboxClientKeys.toss} customerKey="buyer_1" amount="50000" />;

export const parsed: ReturnType<typeof parseRedirect> = parseRedirect('?orderId=order_123456&paymentKey=pk&amount=1000');
export const result: CheckoutResult | undefined = undefined;
export const error: CheckoutError = new CheckoutError('SDK_MISSING', 'missing');
export const used = [preload, Toss.preload, PortOne.preload, Iamport.preload, startSandboxServer, createConfirmHandler, toNodeHandler, openLibsqlOrderStore, openPostgresOrderStore, sandboxPage];
// A server-rendered page names the served stand-in; the browser configures the sandbox before it loads.
export const served = <Toss.Checkout clientKey={sandboxClientKeys.toss} customerKey="buyer_1" amount={50000} scriptSrc={scriptPath} />;
configureSandbox({ apiBase: 'http://127.0.0.1:8787', latencyMs: 0 });
`;

  for (const mode of ['bundler', 'node16']) {
    it(`typechecks an import of every entry under moduleResolution: ${mode} (TypeScript ${JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version})`, () => {
      writeFileSync(join(dir, 'consumer.tsx'), consumerTsx);
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          jsx: 'react-jsx',
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: mode === 'bundler' ? 'esnext' : 'node16',
          moduleResolution: mode,
          types: ['node'],
        },
        files: ['consumer.tsx'],
      };
      writeFileSync(join(dir, `tsconfig.${mode}.json`), JSON.stringify(tsconfig, null, 2));
      const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${mode}.json`, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
      const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
      assert.ok(run.status === 0 || errors.length > 0, `tsc exited ${run.status}:\n${run.stdout}${run.stderr}`);
      // skipLibCheck is off, so our own .d.ts files are checked too. @portone/browser-sdk 0.1.11's own
      // declarations re-export a few names twice (TS2308, e.g. PaypalV2Style); that is the vendor's bug,
      // any app with skipLibCheck off sees it with or without kcheckout, and it is the only thing let through.
      const vendorBug = (line) => /@portone\/browser-sdk\/dist\/v2\/.*error TS2308:/.test(line);
      assert.deepEqual(errors.filter((line) => !vendorBug(line)), []);
    });
  }
});

const ssrPage = (major) => `import React from 'react';
import server from 'react-dom/server';
import * as Root from '@kcheckout/react';
import * as Toss from '@kcheckout/react/toss';
import * as PortOne from '@kcheckout/react/portone';
import * as Iamport from '@kcheckout/react/iamport';
const h = React.createElement;
const errors = [];
console.error = (...args) => errors.push(args.map(String).join(' '));
const keys = {
  toss: { clientKey: 'test_gck_kcheckout_sandbox', customerKey: 'buyer_1' },
  portone: { storeId: 'store-6b636865-636b-4f75-8000-73616e64626f', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' },
  iamport: { impCode: 'imp00000000', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' },
};
const page = (m, props) => h(m.Checkout, { ...props, amount: 50000 }, h(m.PaymentMethods), h(m.Agreement), h(m.CheckoutButton, { order: { orderName: '생수' } }));
const html = {
  toss: server.renderToString(page(Toss, keys.toss)),
  portone: server.renderToString(page(PortOne, keys.portone)),
  iamport: server.renderToString(page(Iamport, keys.iamport)),
  rootToss: server.renderToString(page(Root, { provider: 'toss', ...keys.toss })),
  redirect: server.renderToString(h(Toss.RedirectResult, { confirm: async () => undefined, search: '' })),
};
console.log(JSON.stringify({ react: React.version, reactDom: server.version, html, errors, major: ${major} }));
`;

for (const major of [18, 19]) {
  describe(`given React ${major} in the consumer`, () => {
    let out;
    before(() => {
      const dir = major === 19 ? join(work, 'consumer-react19') : makeConsumer(18);
      out = JSON.parse(runInConsumer(dir, 'ssr.mjs', ssrPage(major)).trim().split('\n').at(-1));
    });

    it(`runs React ${major} (react and react-dom of the same version)`, () => {
      assert.equal(out.react.split('.')[0], String(major));
      assert.equal(out.reactDom, out.react);
    });

    for (const provider of ['toss', 'portone', 'iamport']) {
      it(`server-renders a ${provider} <Checkout> from the packed output`, () => {
        const html = out.html[provider];
        assert.match(html, /data-kcheckout="payment-methods" data-state="loading"/);
        assert.match(html, /<button[^>]*data-state="loading"[^>]*disabled=""/);
        assert.match(html, /50,000원 결제하기/);
        if (provider !== 'toss') assert.equal(html.match(/type="radio"/g)?.length, 7);
      });
    }

    it('server-renders the root entry\'s <Checkout provider="toss"> like /toss does', () => {
      assert.equal(out.html.rootToss, out.html.toss);
    });

    it('server-renders <RedirectResult> without a query', () => {
      assert.equal(typeof out.html.redirect, 'string');
    });

    it('logs no React error or warning while rendering', () => {
      assert.deepEqual(out.errors, []);
    });
  });
}
