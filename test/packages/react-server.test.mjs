// The entries as a Server Component or a route handler meets them: Node with the `react-server`
// condition (how Next resolves server code; React's server build then has no hooks) and the client
// boundary drawn as a bundler draws it (client-boundary-loader.mjs). Every non-component export of
// every @kcheckout/react entry must be a real value there and work; every component and hook must be
// a client reference. And in the built files, every module that imports React carries 'use client',
// the entries do not. Needs the built packages (`pnpm -r run build`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { reactEntries, root, sh } from './helpers.mjs';

const entries = ['@kcheckout/react', '@kcheckout/react/toss', '@kcheckout/react/portone', '@kcheckout/react/iamport'];
/** The components and hooks: Client Components, references on the server. */
const clientExports = /^(?:use[A-Z]\w*|Checkout|PaymentWindowCheckout|PaymentMethods|Agreement|CheckoutButton|BillingKeyButton|RedirectResult|PayPalButtons|IdentityVerificationButton|IdentityVerificationResult|BillingKeyAndPayButton|TossBillingCheckout|BillingAuthResult)$/;

// The script runs under react-server; each use returns something JSON can carry back.
const serverScript = `
import { CheckoutError } from '@kcheckout/core';
const order = '?orderId=order_123456&paymentKey=pk_1&amount=1000';
const uses = {
  CheckoutError: (C) => new C('INVALID_AMOUNT', '').code,
  isCheckoutError: (is) => is(new CheckoutError('INVALID_AMOUNT', '')),
  createOrderId: (create) => /^[A-Za-z0-9_-]{6,64}$/.test(create()),
  preload: (preload, entry) => preload({ portone: 'portone-v2', iamport: 'iamport-v1' }[entry.split('/')[2]] ?? 'toss-v2') === undefined,
  TOSS_ANONYMOUS: (value) => typeof value === 'string' && value.length > 0,
  tossV1: (factory) => typeof factory === 'function' && factory.$$typeof === undefined,
  parseRedirect: (parse) => parse(order).orderId,
  parseTossRedirect: (parse) => parse(order).orderId,
  parsePortOneRedirect: (parse) => parse('?paymentId=order_123456').orderId,
  parseIdentityVerificationRedirect: (parse) => parse('?identityVerificationId=identity_123456').identityVerificationId,
  parseTossBillingRedirect: (parse) => parse('?customerKey=buyer_1&authKey=bln_1').authKey,
  parseIamportRedirect: (parse) => parse('?merchant_uid=order_123456&imp_uid=imp_1&imp_success=true').orderId,
  // No sessionStorage on the server: false, without throwing (its documented answer there).
  rememberOrder: (remember) => remember({ orderId: 'order_123456', amount: 1000, currency: 'KRW', provider: 'toss' }) === false,
  recallOrder: (recall) => recall('order_123456') === null,
  ko: (table) => table.pay(table.amount(50000, 'KRW')),
  en: (table) => table.pay(table.amount(50000, 'KRW')),
  koCheckout: (table) => typeof table.pay === 'function',
  enCheckout: (table) => typeof table.pay === 'function',
  koRedirect: (table) => Object.keys(table).length > 0,
  enRedirect: (table) => Object.keys(table).length > 0,
  koBillingAuth: (table) => table.redirectSuccessTitle,
  enBillingAuth: (table) => table.redirectSuccessTitle,
  DEFAULT_METHODS: (methods) => methods.portone.map((method) => method.type).join(),
  koPayPal: (table) => table.loading,
  enPayPal: (table) => table.loading,
  koIdentity: (table) => table.verifyIdentity,
  enIdentity: (table) => table.verifyIdentity,
  koIdentityResult: (table) => table.redirectSuccessTitle,
  enIdentityResult: (table) => table.redirectSuccessTitle,
  koBillingKeyAndPay: (table) => table.pay(9900, 'KRW'),
  enBillingKeyAndPay: (table) => table.pay(9900, 'KRW'),
};
const report = {};
for (const entry of ${JSON.stringify(entries)}) {
  const module = await import(entry);
  report[entry] = {};
  for (const [name, value] of Object.entries(module)) {
    const reference = value?.$$typeof === Symbol.for('react.client.reference');
    let used;
    try {
      used = reference ? null : name in uses ? { value: uses[name](value, entry) } : { missing: true };
    } catch (error) {
      used = { threw: String(error) };
    }
    report[entry][name] = { reference, used };
  }
}
const React = await import('react');
report.react = { server: typeof React.useState !== 'function' };
console.log(JSON.stringify(report));
`;

describe('given the built entries imported from a Server Component (node --conditions=react-server)', () => {
  const work = mkdtempSync(join(tmpdir(), 'kcheckout-react-server-'));
  let report;
  after(() => rmSync(work, { recursive: true, force: true }));
  before(() => {
    mkdirSync(join(work, 'node_modules', '@kcheckout'), { recursive: true });
    for (const name of ['core', 'react']) symlinkSync(join(root, 'packages', name), join(work, 'node_modules', '@kcheckout', name), 'dir');
    symlinkSync(join(root, 'packages', 'react', 'node_modules', 'react'), join(work, 'node_modules', 'react'), 'dir');
    writeFileSync(join(work, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
    writeFileSync(join(work, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(root, 'test/packages/client-boundary-loader.mjs')).href)});\n`);
    writeFileSync(join(work, 'server.mjs'), serverScript);
    const out = sh(process.execPath, ['--conditions=react-server', '--import', './register.mjs', 'server.mjs'], { cwd: work, env: { ...process.env, NODE_OPTIONS: '' } });
    report = JSON.parse(out.trim().split('\n').at(-1));
  });

  it("runs React's react-server build (no hooks), as Next does for server code", () => {
    assert.equal(report.react.server, true);
  });

  for (const entry of entries) {
    it(`${entry}: every component and hook is a client reference`, () => {
      const names = Object.keys(report[entry]).filter((name) => clientExports.test(name));
      assert.ok(names.includes('Checkout') && names.includes('RedirectResult'), names.join());
      assert.deepEqual(names.filter((name) => !report[entry][name].reference), []);
    });

    it(`${entry}: every other export is a real value that works on the server`, () => {
      const values = Object.entries(report[entry]).filter(([name]) => !clientExports.test(name));
      assert.ok(values.length >= 8, `only ${values.length} non-component exports`);
      for (const [name, { reference, used }] of values) {
        assert.equal(reference, false, `${name} is a client reference on the server`);
        assert.equal(used.missing, undefined, `${name} has no use in this test; add one`);
        assert.equal(used.threw, undefined, `${name}: ${used.threw}`);
        assert.ok(used.value !== false && used.value !== undefined && used.value !== '', `${name} gave ${JSON.stringify(used.value)}`);
      }
    });
  }

  it('gets the values a user would see', () => {
    const toss = report['@kcheckout/react/toss'];
    assert.equal(toss.createOrderId.used.value, true);
    assert.equal(toss.isCheckoutError.used.value, true);
    assert.equal(toss.parseTossRedirect.used.value, 'order_123456');
    assert.equal(toss.ko.used.value, '50,000원 결제하기');
    assert.equal(report['@kcheckout/react'].DEFAULT_METHODS.used.value, 'card,easyPay,easyPay,easyPay,transfer,virtualAccount,mobile');
  });
});

describe("given the built @kcheckout/react files", () => {
  const directive = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1;?\s*\n/;
  for (const build of ['dev', 'prod']) {
    const dir = join(root, 'packages', 'react', 'dist', build);
    it(`dist/${build}: every module that imports React starts with 'use client', and the entries do not`, () => {
      const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
      const importsReact = (source) => /\bfrom\s*["']react(?:-dom)?(?:\/[^"']*)?["']/.test(source);
      const missing = files.filter((file) => importsReact(readFileSync(join(dir, file), 'utf8')) && !directive.test(readFileSync(join(dir, file), 'utf8')));
      assert.deepEqual(missing, []);
      assert.ok(files.filter((file) => importsReact(readFileSync(join(dir, file), 'utf8'))).length >= 15);
      for (const file of reactEntries) assert.doesNotMatch(readFileSync(join(dir, file), 'utf8'), directive, file);
      for (const file of ['toss-redirect-result.js', 'portone-redirect-result.js', 'iamport-redirect-result.js']) {
        assert.match(readFileSync(join(dir, file), 'utf8'), directive, file);
      }
    });
  }
});
