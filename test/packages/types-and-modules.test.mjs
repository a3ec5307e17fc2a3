// The frictions a new user meets before writing any checkout code (issue 15, item 5), checked on the
// built packages: a Toss-only app type-checks with `skipLibCheck: false` without loading
// @portone/browser-sdk's declarations; the public props take a possibly-undefined value under
// `exactOptionalPropertyTypes`; the subpaths' types resolve under `moduleResolution: "node"`; and
// CommonJS code (Jest, older tools) loads @kcheckout/core and @kcheckout/server with require().
// Needs the built packages (`pnpm -r run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { root, sh } from './helpers.mjs';

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const tsVersion = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'kcheckout-types-'));
after(() => rmSync(work, { recursive: true, force: true }));

before(() => {
  const link = (target, name) => {
    mkdirSync(dirname(join(work, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(work, 'node_modules', name), 'dir');
  };
  for (const name of ['core', 'react', 'server']) link(join(root, 'packages', name), `@kcheckout/${name}`);
  link(join(root, 'node_modules/react'), 'react');
  for (const types of ['@types/react', '@types/node']) link(join(root, 'node_modules', types), types);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
});

/** Type-checks `source` as the app's only file; returns the error lines and the files tsc loaded. */
function typecheck(name, source, compilerOptions) {
  writeFileSync(join(work, `${name}.tsx`), source);
  const options = { strict: true, noEmit: true, skipLibCheck: false, jsx: 'react-jsx', target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], module: 'esnext', moduleResolution: 'bundler', types: [], ...compilerOptions };
  writeFileSync(join(work, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: options, files: [`${name}.tsx`] }));
  const run = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${name}.json`, '--pretty', 'false', '--listFiles'], { cwd: work, encoding: 'utf8' });
  const lines = `${run.stdout}${run.stderr}`.split('\n');
  return { errors: lines.filter((line) => /error TS\d+/.test(line)), files: lines.filter((line) => line.startsWith('/')) };
}

const tossApp = `import { Checkout, PaymentMethods, Agreement, CheckoutButton, RedirectResult, createOrderId } from '@kcheckout/react/toss';
export const page = (
  <Checkout clientKey="test_gck_x" customerKey="buyer_1" amount={50000}>
    <PaymentMethods /><Agreement /><CheckoutButton order={{ orderId: createOrderId(), orderName: '생수' }} />
  </Checkout>
);
export const result = <RedirectResult confirm={async () => undefined} />;
`;

describe(`given a Toss-only app type-checked with skipLibCheck: false (TypeScript ${tsVersion})`, () => {
  it("reports no error and never loads @portone/browser-sdk's declarations", () => {
    const { errors, files } = typecheck('toss-only', tossApp, {});
    assert.deepEqual(errors, []);
    assert.ok(files.some((file) => file.includes('/packages/core/dist/index.d.ts')), 'core declarations loaded');
    assert.deepEqual(files.filter((file) => file.includes('@portone/browser-sdk')), []);
  });
});

// A key the user may pass a possibly-undefined value to (\`scriptSrc={process.env.X}\`): every optional
// key except callbacks and render props (a function or nothing) and the entries' fixed \`provider\`.
const exactOptional = `import type * as Root from '@kcheckout/react';
import type * as Toss from '@kcheckout/react/toss';
import type * as PortOne from '@kcheckout/react/portone';
import type * as Iamport from '@kcheckout/react/iamport';
import { Checkout, CheckoutButton, RedirectResult } from '@kcheckout/react/toss';
import { useRedirectResult } from '@kcheckout/react';
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type DataKeys<T> = { [K in OptionalKeys<T>]-?: Required<T>[K] extends (...args: never[]) => unknown ? never : K extends 'provider' ? never : K }[OptionalKeys<T>];
/** The data keys that refuse \`undefined\`; \`never\` when all take it. */
type Refusing<T> = T extends unknown ? { [K in DataKeys<T>]-?: undefined extends Required<T>[K] ? never : K }[DataKeys<T>] : never;
function allTakeUndefined<T>(_: [Refusing<T>] extends [never] ? true : Refusing<T>): void {}
allTakeUndefined<Root.CheckoutProps>(true);
allTakeUndefined<Root.CheckoutButtonProps>(true);
allTakeUndefined<Root.RedirectResultProps>(true);
allTakeUndefined<Root.UseRedirectResultOptions>(true);
allTakeUndefined<Toss.CheckoutProps>(true);
allTakeUndefined<Toss.CheckoutButtonProps>(true);
allTakeUndefined<Toss.PaymentMethodsProps>(true);
allTakeUndefined<Toss.AgreementProps>(true);
allTakeUndefined<Toss.RedirectResultProps>(true);
allTakeUndefined<Toss.UseRedirectResultOptions>(true);
allTakeUndefined<PortOne.CheckoutProps>(true);
allTakeUndefined<PortOne.CheckoutButtonProps>(true);
allTakeUndefined<PortOne.BillingKeyButtonProps>(true);
allTakeUndefined<PortOne.RedirectResultProps>(true);
allTakeUndefined<Iamport.CheckoutProps>(true);
allTakeUndefined<Iamport.CheckoutButtonProps>(true);
allTakeUndefined<Iamport.RedirectResultProps>(true);

declare const env: Record<string, string | undefined>;
declare const expected: number | undefined;
export const page = (
  <Checkout clientKey="test_gck_x" customerKey="buyer_1" amount={50000} scriptSrc={env.TOSS_SCRIPT} nonce={env.NONCE}>
    <CheckoutButton order={{ orderName: '생수' }} successUrl={env.SUCCESS_URL} failUrl={env.FAIL_URL} />
  </Checkout>
);
export const result = <RedirectResult confirm={async () => undefined} expectedAmount={expected} search={env.SEARCH} />;
export function useResult() {
  return useRedirectResult({ confirm: async () => undefined, expectedAmount: expected });
}
// Still strict where it matters: a required prop cannot be undefined.
// @ts-expect-error clientKey is required
export const missingKey = <Checkout clientKey={env.KEY} customerKey="buyer_1" amount={50000} />;
`;

describe('given an app with exactOptionalPropertyTypes: true', () => {
  it('passes possibly-undefined values to every optional data prop (scriptSrc, successUrl, expectedAmount, …)', () => {
    const { errors } = typecheck('exact-optional', exactOptional, { exactOptionalPropertyTypes: true });
    assert.deepEqual(errors, []);
  });
});

describe('given an app with moduleResolution: "node" (node10, TypeScript\'s old default)', () => {
  const options = { module: 'commonjs', moduleResolution: 'node', types: ['node'] };

  it('resolves the types of @kcheckout/core and every @kcheckout/react subpath (/toss, /portone, /iamport)', () => {
    const source = `import { Checkout } from '@kcheckout/react';
import * as Toss from '@kcheckout/react/toss';
import * as PortOne from '@kcheckout/react/portone';
import * as Iamport from '@kcheckout/react/iamport';
import { CheckoutError } from '@kcheckout/core';
export const used = [Checkout, Toss.Checkout, PortOne.Checkout, Iamport.Checkout, CheckoutError];
// @ts-expect-error the types are real: amount is a number
export const wrong = <Toss.Checkout clientKey="test_gck_x" customerKey="buyer_1" amount="50000" />;
`;
    assert.deepEqual(typecheck('node10-react', source, options).errors, []);
  });

  // The stated minimum (README, "Install"): @portone/server-sdk's own declarations import its
  // subpaths, which node10 cannot resolve, so @kcheckout/server needs node16, nodenext or bundler.
  it('gives @kcheckout/server the one documented error: TS2307 on @portone/server-sdk subpaths (/payment, /identityVerification, …)', () => {
    const { errors } = typecheck('node10-server', `import { createConfirmHandler } from '@kcheckout/server';\nexport const used = createConfirmHandler;\n`, options);
    assert.ok(errors.length > 0);
    for (const line of errors) assert.match(line, /error TS2307: Cannot find module '@portone\/server-sdk\/[A-Za-z/]+'/);
  });
});

describe('given CommonJS code (Jest, ts-node, older tools) on Node >= 20.19 / 22.12', () => {
  it(`loads @kcheckout/core and @kcheckout/server with require() (require(esm), Node ${process.versions.node})`, () => {
    writeFileSync(
      join(work, 'require.cjs'),
      `const core = require('@kcheckout/core');
const server = require('@kcheckout/server');
const node = require('@kcheckout/server/node');
console.log(JSON.stringify({ id: core.createOrderId(), error: core.isCheckoutError(new core.CheckoutError('INVALID_AMOUNT', '')), handler: typeof server.createConfirmHandler, node: typeof node.toNodeHandler }));
`,
    );
    const out = JSON.parse(sh(process.execPath, ['require.cjs'], { cwd: work, env: { ...process.env, NODE_OPTIONS: '' } }).trim().split('\n').at(-1));
    assert.match(out.id, /^[A-Za-z0-9_-]{6,64}$/);
    assert.equal(out.error, true);
    assert.equal(out.handler, 'function');
    assert.equal(out.node, 'function');
  });
});
