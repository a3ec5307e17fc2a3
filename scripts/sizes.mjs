#!/usr/bin/env node
// Gzip sizes, measured the way research/peers.md §2 measured the peers: esbuild --bundle --minify
// --format=esm (platform browser), react / react-dom / react/jsx-runtime external, then gzip -9.
// Each entry re-exports what it imports, so nothing is tree-shaken away.
//
// Imported by test/packages/size-budgets.test.mjs (the budgets) and run by `npm run bench` (the table).
// Ours are bundled from the BUILT output, its production build (packages/*/dist/prod: what a shop
// ships, without the developer prose, which is in dist/dev), so build the packages first.
//
//   node scripts/sizes.mjs            prints the table
//   node scripts/sizes.mjs --build    builds @kcheckout/core and @kcheckout/react first (their build scripts)
//   node scripts/sizes.mjs --json     prints the rows as JSON
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => JSON.stringify(join(root, 'packages/react/dist/prod', file));

const checkoutParts = 'Checkout, PaymentMethods, Agreement, CheckoutButton, RedirectResult';

/**
 * What is measured. `code` is the entry module; peers resolve from the root's devDependencies
 * (the versions of research/peers.md §0), ours from packages/react/dist/prod (whose `@kcheckout/core` resolves to core's dist/prod: no export condition is set, so
 * esbuild picks `default`).
 */
export const entries = {
  toss: {
    label: 'kcheckout Toss checkout (/toss: Checkout, PaymentMethods, Agreement, CheckoutButton, RedirectResult; script loader and both SDK generations included)',
    code: `export { ${checkoutParts} } from ${dist('toss.js')};`,
  },
  portone: {
    label: 'kcheckout PortOne V2 checkout (/portone: same five parts; @portone/browser-sdk/v2 included)',
    code: `export { ${checkoutParts} } from ${dist('portone.js')};`,
  },
  iamport: {
    label: 'kcheckout iamport (V1) checkout (/iamport: same five parts)',
    code: `export { ${checkoutParts} } from ${dist('iamport.js')};`,
  },
  // A shop loads the checkout and the result page on different routes; these two split the toss row.
  'toss-pay-page': {
    label: 'kcheckout Toss, the checkout route alone (/toss: Checkout, PaymentMethods, Agreement, CheckoutButton)',
    code: `export { Checkout, PaymentMethods, Agreement, CheckoutButton } from ${dist('toss.js')};`,
  },
  'portone-pay-page': {
    label: 'kcheckout PortOne V2, the checkout route alone (/portone: Checkout, PaymentMethods, Agreement, CheckoutButton)',
    code: `export { Checkout, PaymentMethods, Agreement, CheckoutButton } from ${dist('portone.js')};`,
  },
  'toss-result-page': {
    label: 'kcheckout Toss, the result route alone (/toss: RedirectResult)',
    code: `export { RedirectResult } from ${dist('toss.js')};`,
  },
  'portone-result-page': {
    label: 'kcheckout PortOne V2, the result route alone (/portone: RedirectResult)',
    code: `export { RedirectResult } from ${dist('portone.js')};`,
  },
  root: {
    label: 'kcheckout root entry, everything (export * from @kcheckout/react)',
    code: `export * from ${dist('index.js')};`,
  },
  stripe: {
    label: 'Stripe: Elements, PaymentElement, useStripe, useElements + loadStripe',
    code: `import { Elements, PaymentElement, useStripe, useElements } from '@stripe/react-stripe-js';
import { loadStripe } from '@stripe/stripe-js';
export { Elements, PaymentElement, useStripe, useElements, loadStripe };`,
  },
  'stripe-all': {
    label: 'Stripe: export * from @stripe/react-stripe-js + loadStripe',
    code: `export * from '@stripe/react-stripe-js';
export { loadStripe } from '@stripe/stripe-js';`,
  },
  paypal: {
    label: 'PayPal v5 API: PayPalScriptProvider, usePayPalScriptReducer, PayPalButtons',
    code: `export { PayPalScriptProvider, usePayPalScriptReducer, PayPalButtons } from '@paypal/react-paypal-js';`,
  },
  'paypal-v6': {
    label: 'PayPal v6 API (/sdk-v6): PayPalProvider, PayPalOneTimePaymentButton, usePayPal',
    code: `export { PayPalProvider, PayPalOneTimePaymentButton, usePayPal } from '@paypal/react-paypal-js/sdk-v6';`,
  },
  'toss-sdk': {
    label: 'bare vendor loader: loadTossPayments (@tosspayments/tosspayments-sdk)',
    code: `export { loadTossPayments } from '@tosspayments/tosspayments-sdk';`,
    resolveDir: join(root, 'packages/core'),
  },
  'toss-widget': {
    label: 'bare vendor loader: loadPaymentWidget (@tosspayments/payment-widget-sdk)',
    code: `export { loadPaymentWidget } from '@tosspayments/payment-widget-sdk';`,
    resolveDir: join(root, 'packages/core'),
  },
  'portone-sdk': {
    label: 'bare vendor SDK: requestPayment, requestIssueBillingKey (@portone/browser-sdk/v2)',
    code: `export { requestPayment, requestIssueBillingKey } from '@portone/browser-sdk/v2';`,
    resolveDir: join(root, 'packages/core'),
  },
};

/** Bundles one entry the peers' way; returns the minified code and its sizes. */
export async function measure(name) {
  const entry = entries[name];
  if (!entry) throw new Error(`Unknown size entry "${name}"; known: ${Object.keys(entries).join(', ')}`);
  const result = await build({
    stdin: { contents: entry.code, resolveDir: entry.resolveDir ?? root, sourcefile: `${name}.entry.js`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    write: false,
    metafile: true,
    // Not the workspace tsconfig: its `paths` would swap @kcheckout/core's dist for its sources.
    tsconfigRaw: '{}',
    // esbuild drops the module-level 'use client' with a warning, as any bundler does; that is expected here.
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  // Bytes each input file left in the output (0 when tree-shaken away), keyed by path from the root.
  const contributions = Object.fromEntries(
    Object.entries(Object.values(result.metafile.outputs)[0].inputs).map(([path, { bytesInOutput }]) => [path, bytesInOutput]),
  );
  return {
    name,
    label: entry.label,
    code: Buffer.from(code).toString('utf8'),
    contributions,
    min: code.byteLength,
    gzip: gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).byteLength,
  };
}

/** The figures of research/sizes.txt (esbuild 0.28.2 on this machine), for reference next to the live ones. */
export const recordedPeerGzip = { stripe: 5814, 'stripe-all': 7416, paypal: 5645, 'paypal-v6': 4536, 'toss-sdk': 1458, 'toss-widget': 1469 };

export const fmt = (n) => n.toLocaleString('en-US');

/** Our entries against the smallest comparable peer (PayPal v6, then Stripe), as one table. */
export function table(rows) {
  const by = Object.fromEntries(rows.map((row) => [row.name, row]));
  const smallest = ['paypal-v6', 'stripe'].filter((name) => by[name]);
  const head = ['entry', 'min B', 'gzip B', ...smallest.map((name) => `× ${name}`)];
  const lines = rows.map((row) => [
    row.name,
    fmt(row.min),
    fmt(row.gzip),
    ...smallest.map((name) => `${(row.gzip / by[name].gzip).toFixed(2)}×`),
  ]);
  const widths = head.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(line)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--build')) {
    for (const name of ['core', 'react']) {
      const built = spawnSync(process.execPath, [join(root, 'scripts/build-package.mjs')], { cwd: join(root, 'packages', name), stdio: 'inherit' });
      if (built.status !== 0) process.exit(built.status ?? 1);
    }
  }
  if (!existsSync(join(root, 'packages/react/dist/prod/index.js'))) {
    console.error('packages/react/dist/prod is missing: build the packages first (pnpm -r run build).');
    process.exit(1);
  }
  const rows = [];
  for (const name of Object.keys(entries)) rows.push(await measure(name));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows.map(({ code, contributions, ...row }) => row), null, 2));
  } else {
    const esbuildVersion = (await import('esbuild')).version;
    console.log(`\nBundle sizes (esbuild ${esbuildVersion} --bundle --minify --format=esm, React external, gzip -9; kcheckout from packages/*/dist/prod)\n`);
    console.log(table(rows));
    console.log('\n' + rows.map((row) => `  ${row.name.padEnd(16)} ${row.label}`).join('\n'));
    console.log('\nkcheckout\'s checkouts are LARGER than the peers\' smallest comparable figures (see the × columns); the budgets in test/packages/size-budgets.test.mjs guard against growth, they do not claim parity.\n');
  }
}
