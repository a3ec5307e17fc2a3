// @kcheckout/sandbox's per-SDK entries, checked on the BUILT package as a shop resolves it (through
// examples/shop's dependency, so the exports map is what answers): a page importing /toss-v2 carries
// the Toss v2 stand-in and no other, and the gzip figures print. Also: each entry loads in Node
// with import and with require() (Playwright's TypeScript runner compiles a CommonJS project's specs
// to require()), and a server-rendered page can name the script without carrying any stand-in.
// Needs the built packages (`pnpm -r run build`, or `node packages/sandbox/build.mjs`).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './helpers.mjs';

const shopDir = join(root, 'examples/shop');

/**
 * Text only one stand-in holds: its banner (build.mjs), its devtools sourceURL, and the vendor
 * global it installs. Each survives minification inside the string constant.
 */
const markers = {
  'toss-v2': ['@kcheckout/sandbox toss-v2:', 'kcheckout-sandbox/toss-v2.js', 'window.TossPayments'],
  'toss-v1': ['@kcheckout/sandbox toss-v1:', 'kcheckout-sandbox/toss-v1.js', 'window.PaymentWidget'],
  'portone-v2': ['@kcheckout/sandbox portone-v2:', 'kcheckout-sandbox/portone-v2.js', 'PortOne V2 browser SDK'],
  'iamport-v1': ['@kcheckout/sandbox iamport-v1:', 'kcheckout-sandbox/iamport-v1.js', 'iamport.js (window.IMP)'],
};
const sdks = Object.keys(markers);

/** A browser page's bundle of `code`, resolved from the example shop, minified, and its gzip -9 size. */
async function page(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: shopDir, sourcefile: 'page.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  return { text, gzip: gzipSync(text, { level: constants.Z_BEST_COMPRESSION }).byteLength };
}

const has = (text, sdk) => markers[sdk].filter((marker) => text.includes(marker));

describe('given a page that imports one per-SDK entry of @kcheckout/sandbox', () => {
  const figures = [];

  for (const sdk of sdks) {
    it(`/${sdk} carries the ${sdk} stand-in and no other`, async () => {
      const { text, gzip } = await page(`import { scriptUrl, configureSandbox } from '@kcheckout/sandbox/${sdk}';\nexport const used = [scriptUrl, configureSandbox];\n`);
      assert.deepEqual(has(text, sdk), markers[sdk]);
      for (const other of sdks.filter((name) => name !== sdk)) assert.deepEqual(has(text, other), [], `${other} stand-in text in the /${sdk} page`);
      figures.push([`@kcheckout/sandbox/${sdk} (scriptUrl, configureSandbox)`, gzip]);
    });
  }

  it("the root entry's sandboxScriptUrl(sdk) carries all four (the reason for the entries above)", async () => {
    const { text, gzip } = await page(`import { sandboxScriptUrl } from '@kcheckout/sandbox';\nexport const used = sandboxScriptUrl;\n`);
    for (const sdk of sdks) assert.deepEqual(has(text, sdk), markers[sdk]);
    figures.push(['@kcheckout/sandbox root (sandboxScriptUrl)', gzip]);
  });

  it('a page that only names the served script (sandboxScriptPath, configureSandbox) carries no stand-in at all', async () => {
    const { text, gzip } = await page(`import { sandboxScriptPath, configureSandbox } from '@kcheckout/sandbox';\nexport const used = [sandboxScriptPath('toss-v2'), configureSandbox];\n`);
    for (const sdk of sdks) assert.deepEqual(has(text, sdk), [], `${sdk} stand-in text`);
    assert.ok(gzip < 2_000, `${gzip} B gzip`);
    figures.push(['@kcheckout/sandbox root (sandboxScriptPath, configureSandbox)', gzip]);
  });

  it('prints the figures', () => {
    const width = Math.max(...figures.map(([label]) => label.length));
    console.log(['sandbox page bundles (esbuild --minify, gzip -9):', ...figures.map(([label, gzip]) => `  ${label.padEnd(width)}  ${gzip.toLocaleString('en-US')} B`)].join('\n'));
    assert.equal(figures.length, sdks.length + 2);
  });
});

describe('given Node loading the built entries', () => {
  const requireFromShop = createRequire(join(shopDir, 'package.json'));

  for (const entry of [...sdks, 'playwright']) {
    it(`loads @kcheckout/sandbox/${entry} with import and with require()`, async () => {
      const specifier = `@kcheckout/sandbox/${entry}`;
      const path = requireFromShop.resolve(specifier);
      assert.match(path, new RegExp(`/packages/sandbox/dist/${entry}\\.js$`));
      const imported = await import(path);
      const required = requireFromShop(specifier);
      const names = entry === 'playwright' ? ['sandboxPage'] : ['scriptUrl', 'scriptSource', 'scriptPath', 'sdk', 'configureSandbox', 'getSandbox', 'sandboxClientKeys'];
      for (const name of names) {
        assert.ok(name in imported, `${specifier} exports ${name}`);
        assert.equal(required[name], imported[name], `require() gives the same ${name}`);
      }
      if (entry !== 'playwright') {
        assert.equal(imported.sdk, entry);
        assert.equal(imported.scriptPath, `/kcheckout-sandbox/${entry}.js`);
        assert.ok(markers[entry].every((marker) => imported.scriptSource.includes(marker)));
      }
    });
  }
});
