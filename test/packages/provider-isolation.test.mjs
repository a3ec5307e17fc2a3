// A Toss-only app ships no PortOne or iamport code, and the reverse. Each per-provider entry of the
// BUILT @kcheckout/react is bundled the way research/peers.md measured the peers (esbuild, minified,
// ESM, React external), and the bundle is searched two ways:
//   1. markers: strings that survive minification and only one provider's code contains;
//   2. esbuild's metafile: how many bytes each provider-specific source file left in the output.
// The root entry's bundle (every provider) must contain every marker, so a marker that stopped
// matching anything would fail here rather than pass silently.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build as viteBuild } from 'vite';
import { measure, root } from '../../scripts/sizes.mjs';

/**
 * Why these markers:
 * - URLs of the vendor scripts (core/src/sdk-urls.ts, and the vendors' own npm loaders): only the
 *   code that loads or preloads that vendor holds them.
 * - Vendor method names our drivers call (`renderPaymentMethods`, `requestIssueBillingKey`,
 *   `request_pay`): property names, which minifiers keep.
 * - The error prefix inside PortOne's npm loader (`[PortOne] Failed to load` in
 *   @portone/browser-sdk/v2): proof the vendor package's code is in. Toss's npm loaders are not
 *   bundled any more (the Toss drivers call the SDK global our loader installs; @tosspayments/* are
 *   type-only), so their `[TossPayments SDK]` is checked absent below, and Toss's fourth marker is
 *   the v1 SDK's global name our loader waits for, `PaymentWidget` (core/src/sdk-urls.ts).
 * - `m_redirect_url`: the iamport request builder (core/src/iamport/iamport-v1.ts, buildIamportParams).
 */
const markers = {
  toss: ['js.tosspayments.com', 'renderPaymentMethods', 'renderAgreement', 'PaymentWidget'],
  portone: ['cdn.portone.io', 'requestIssueBillingKey', '[PortOne] Failed to load'],
  iamport: ['cdn.iamport.kr', 'request_pay', 'm_redirect_url'],
};

/**
 * Source files that are one provider's code: its vendor SDK packages, its drivers, its redirect
 * parser (core/src/<provider>/parse-<provider>-redirect.ts), its React root and hooks.
 */
const files = {
  toss: [
    /core\/dist\/prod\/toss\//,
    /react\/dist\/prod\/(toss-checkout-root|use-toss-widget)\.js$/,
  ],
  portone: [
    /@portone\/browser-sdk\//,
    // PortOne V2's own files; the rest of portone/ (ids, money, methods, cancel detection) is PortOne's
    // and V1 (iamport) uses it too.
    /core\/dist\/prod\/portone\/(portone-v2[\w-]*|paypal-[\w-]*|identity-verification[\w-]*|parse-portone-redirect)\.js$/,
    /react\/dist\/prod\/(portone-checkout-root|use-portone|billing-key-button)\.js$/,
  ],
  iamport: [/core\/dist\/prod\/iamport\//, /react\/dist\/prod\/(iamport-checkout-root|use-iamport)\.js$/],
};

/** `parseRedirect`: detection across the three vendors, which only the root entry needs. */
const anyVendorParser = /core\/dist\/prod\/redirect\/parse-redirect\.js$/;
/** Bytes a bundle keeps from the source files `re` matches. */
const bytesFrom = (contributions, re) => Object.entries(contributions).filter(([path]) => re.test(path)).reduce((sum, [, n]) => sum + n, 0);

const providers = ['toss', 'portone', 'iamport'];
const bundles = {};
const bundle = async (name) => (bundles[name] ??= await measure(name));

for (const provider of providers) {
  describe(`given a bundle of @kcheckout/react/${provider}`, () => {
    for (const other of providers.filter((p) => p !== provider)) {
      it(`contains none of ${other}'s markers`, async () => {
        const { code } = await bundle(provider);
        assert.deepEqual(markers[other].filter((marker) => code.includes(marker)), []);
      });

      it(`keeps no bytes from ${other}'s source files`, async () => {
        const { contributions } = await bundle(provider);
        const kept = Object.entries(contributions).filter(([path, bytes]) => bytes > 0 && files[other].some((re) => re.test(path)));
        assert.deepEqual(kept, []);
      });
    }

    it(`reads redirects with its own parser only: bytes from parse-${provider}-redirect.js, none from parse-redirect.js`, async () => {
      const { contributions } = await bundle(provider);
      assert.ok(bytesFrom(contributions, new RegExp(`core/dist/prod/${provider}/parse-${provider}-redirect\\.js$`)) > 0, `parse-${provider}-redirect.js is in the bundle`);
      assert.equal(bytesFrom(contributions, anyVendorParser), 0);
    });

    // Guards the patterns above: a file moved or renamed would otherwise match nothing, and "no bytes
    // from the other vendor's files" would pass without checking anything.
    it('keeps bytes from each of its own source-file patterns', async () => {
      const { contributions } = await bundle(provider);
      assert.deepEqual(files[provider].filter((re) => bytesFrom(contributions, re) === 0).map(String), []);
    });

    it(`contains its own markers (${markers[provider].join(', ')})`, async () => {
      const { code } = await bundle(provider);
      assert.deepEqual(markers[provider].filter((marker) => !code.includes(marker)), []);
    });
  });
}

describe("given Toss's npm loaders, which are types only", () => {
  for (const name of [...providers, 'root']) {
    it(`leaves them out of the ${name} bundle: no bytes from @tosspayments/*, no [TossPayments SDK]`, async () => {
      const { code, contributions } = await bundle(name);
      assert.equal(bytesFrom(contributions, /@tosspayments\//), 0);
      assert.equal(code.includes('[TossPayments SDK]'), false);
    });
  }
});

describe('given a bundle of the root entry @kcheckout/react (every provider)', () => {
  for (const provider of providers) {
    it(`contains every ${provider} marker, so the markers can fail`, async () => {
      const { code } = await bundle('root');
      assert.deepEqual(markers[provider].filter((marker) => !code.includes(marker)), []);
    });

    it(`keeps bytes from every ${provider} source-file group`, async () => {
      const { contributions } = await bundle('root');
      for (const re of files[provider]) {
        const bytes = Object.entries(contributions).filter(([path]) => re.test(path)).reduce((sum, [, n]) => sum + n, 0);
        assert.ok(bytes > 0, `${re} contributes to the root bundle`);
      }
    });
  }

  it('keeps bytes from parse-redirect.js, so the check that the provider entries have none can fail', async () => {
    const { contributions } = await bundle('root');
    assert.ok(bytesFrom(contributions, anyVendorParser) > 0);
  });
});

/**
 * Each route's strings (react/src/messages.ts): the keys of the result page's table (`redirect…`) and
 * of the checkout's, property names that minifiers keep. The Toss bundle with both routes' parts must
 * hold both, so a marker that stopped matching would fail here.
 */
const routeMarkers = {
  checkout: ['loadingMethods', 'agreeToPay', 'errorTitle'],
  result: ['redirectIdleTitle', 'redirectConfirmingBody', 'redirectAmountMismatch'],
};

describe('given one route of a Toss shop at a time', () => {
  it("the checkout page (toss-pay-page) carries none of the result page's strings", async () => {
    const { code } = await bundle('toss-pay-page');
    assert.deepEqual(routeMarkers.result.filter((marker) => code.includes(marker)), []);
    assert.deepEqual(routeMarkers.checkout.filter((marker) => !code.includes(marker)), []);
  });

  it("the result page (toss-result-page) carries none of the checkout's strings", async () => {
    const { code } = await bundle('toss-result-page');
    assert.deepEqual(routeMarkers.checkout.filter((marker) => code.includes(marker)), []);
    assert.deepEqual(routeMarkers.result.filter((marker) => !code.includes(marker)), []);
  });

  it('a bundle of both routes carries both tables, so the markers can fail', async () => {
    const { code } = await bundle('toss');
    assert.deepEqual([...routeMarkers.checkout, ...routeMarkers.result].filter((marker) => !code.includes(marker)), []);
  });
});

/** The frozen Toss v1 driver (core/src/toss/toss-widget-v1.ts): passed in as `sdk={tossV1}`, never imported by the checkout. */
const tossV1Driver = /core\/dist\/prod\/toss\/toss-widget-v1\.js$/;

describe('given a Toss v2 page, which never names tossV1', () => {
  for (const name of ['toss-pay-page', 'toss']) {
    it(`keeps 0 bytes of the v1 driver in the ${name} bundle, and none of its vendor calls`, async () => {
      const { code, contributions } = await bundle(name);
      assert.equal(bytesFrom(contributions, tossV1Driver), 0);
      // v1's own call: the amount goes to `updateAmount` after render (v2 uses `setAmount`).
      assert.equal(code.includes('updateAmount'), false);
    });
  }

  it('keeps the v1 driver in the root bundle, which re-exports tossV1, so the checks above can fail', async () => {
    const { code, contributions } = await bundle('root');
    assert.ok(bytesFrom(contributions, tossV1Driver) > 0);
    assert.ok(code.includes('updateAmount'));
  });
});

describe('given the same Toss v2 page built by Vite (Rollup), as a Vite shop builds it', () => {
  // A shop's node_modules: the built workspace packages, React external.
  const work = mkdtempSync(join(tmpdir(), 'kcheckout-isolation-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  mkdirSync(join(work, 'node_modules', '@kcheckout'), { recursive: true });
  for (const name of ['core', 'react']) symlinkSync(join(root, 'packages', name), join(work, 'node_modules', '@kcheckout', name), 'dir');

  /** Bytes Rollup rendered from toss-widget-v1.js for an entry (Vite's lib build keeps JSDoc, so no string marker here). */
  const viteV1 = async (name, code) => {
    const entry = join(work, `${name}.js`);
    writeFileSync(entry, code);
    const output = await viteBuild({
      configFile: false,
      root: work,
      logLevel: 'silent',
      build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: name }, rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
    return chunks
      .flatMap((chunk) => Object.entries(chunk.modules))
      .filter(([path]) => tossV1Driver.test(path))
      .reduce((sum, [, module]) => sum + module.renderedLength, 0);
  };

  it('keeps 0 bytes of the v1 driver on the checkout route', async () => {
    const v2 = await viteV1('pay-page', "export { Checkout, PaymentMethods, Agreement, CheckoutButton } from '@kcheckout/react/toss';\n");
    assert.equal(v2, 0);
  });

  it('keeps it when the page passes sdk={tossV1}, so the check above can fail', async () => {
    const v1 = await viteV1('pay-page-v1', "export { Checkout, PaymentMethods, Agreement, CheckoutButton, tossV1 } from '@kcheckout/react/toss';\n");
    assert.ok(v1 > 0, `toss-widget-v1.js rendered ${v1} B`);
  });
});
