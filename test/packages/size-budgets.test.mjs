// Size budgets, measured the way research/peers.md §2 measured the peers (scripts/sizes.mjs: esbuild
// --bundle --minify --format=esm, React external, gzip -9), from the BUILT packages' production build
// (dist/prod, what a shop ships; the developer prose is in dist/dev only).
//
// These budgets are a regression guard, not a claim of parity: each is the size measured when it was
// set plus about 3%. kcheckout's checkouts are ABOVE the peers' smallest comparable figures, about 3-4x
// (see the ratios this test prints, and docs/performance.md). The cheap cuts are made (Toss's npm
// loaders, English UI text and other vendors' redirect parsers are out of the per-provider bundles);
// with every string literal removed the Toss bundle's code alone still gzips to ~9.4 KB, so reaching
// the peers means dropping features, not a different number here. Lower a budget only after the code
// got smaller.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fmt, measure, recordedPeerGzip } from '../../scripts/sizes.mjs';

/**
 * gzip -9 bytes, measured + ~3%; a budget only goes down. Issue 13 (core derives, React binds) and
 * issue 12's size work on the pay pages added portone-pay-page 9,825 (measured 9,539; it was 9,288
 * before issue 13). The steps, Toss pay page / PortOne pay page / root: 7,277 / 9,288 / 19,119
 * before; one shared CheckoutStore under TossCheckout, DriverSession and the new MethodCheckout
 * (PortOne/iamport's status, canPay, amount and method choice moved out of React), options tables,
 * validateOrder and the redirect rules in core, Slot's merge fix 7,424 / 9,576 / 19,311; validateAmount
 * as isValidAmount's one rule with its diagnosis in one __DEV__ branch 7,428 / 9,576 / 19,260; one
 * useCheckoutStore binding, the Toss root binding TossCheckout directly, the error box asking core's
 * isOptionError 7,352 / 9,582 / 19,130; production builds no longer compute what only a diagnosis
 * reads 7,338 / 9,548 / 19,108; MethodCheckout keeps the money it checked 7,338 / 9,539 / 19,099.
 * The other budgets held and stay: toss 11,491, toss-result-page 5,575, portone 13,696, iamport
 * 13,288 measured. Issue 12's targets (Toss pay page at or below Stripe's 5,758, PortOne pay page
 * 8,000, root 17,000) are not reached; docs/performance.md says what the remaining bytes pay for.
 *
 * Before that, issue 12 part 4 (each route carries only its own code) lowered toss
 * to 11,803 (measured 11,459) and added the two routes of a Toss shop: toss-pay-page 7,495 (measured
 * 7,277; Stripe's row is 5,758) and toss-result-page 5,743 (measured 5,576). The steps, pay / result
 * page: 8,227 / 5,879 before; no loader `abortable` 8,147 / 5,879; messages per route 7,690 / 5,676;
 * other vendors' checks and checkbox from the roots through the context 7,555 / 5,676; yes/no checks
 * on the result page 7,555 / 5,576; v1 passed in as `sdk={tossV1}` 7,277 / 5,576. portone, iamport and
 * root did not shrink in that work (13,461 / 13,112 / 19,119 B) and keep their budgets.
 *
 * Before that: measured at 11,756 / 13,324 / 12,931 / 18,769 B when set, plus ~3%. Set when the
 * developer prose (every CheckoutError message, the redirect refusals) moved to development builds
 * only (issue 12): from 15,771 / 18,128 / 18,083 / 25,141 B with it in. Before that: each provider
 * entry's own redirect parser, Korean-only default messages, Toss drivers without Toss's npm loaders.
 */
export const budgets = {
  toss: 11_260, // result branch: the result-page cuts took the whole /toss bundle from 11,459 to 10,931 measured
  // Raised once, from 7,495, with the code that grew it: the loader's per-src ownership (issue 16: two
  // checkouts with different scriptSrc shared one SDK, so a broken script URL showed another tile's
  // widget error) and issue 17's refusals before a vendor call (a phone without result URLs, the terms
  // refusal as buyer copy) took the page from 7,484 to 7,563 B. Each is a fix a buyer or a shop needs;
  // nothing else grew. Measured + ~3%.
  'toss-pay-page': 7_790,
  // Result route, issue 13's confirm-once store and issue 12's cuts, measured: 5,576 before; store 5,623;
  // Toss-only reader 5,411; one props object for every render prop 5,158; simpler query reading and
  // storage 5,081; compact() in place 5,057; render props found by state name 5,056. The 4,800 target is
  // not reached: the default view with its Korean table alone is 510 B (4,546 without it).
  'toss-result-page': 5_210,
  // PortOne V2's result route (/portone: RedirectResult), measured 5,551 when added.
  'portone-result-page': 5_720,
  'portone-pay-page': 9_825,
  portone: 13_730,
  iamport: 13_320,
  root: 19_340,
};

/** The smallest comparable peers of research/sizes.txt: PayPal's v6 provider + button + hook, Stripe's Elements + PaymentElement + hooks + loadStripe. */
const peers = ['paypal-v6', 'stripe'];
const measured = {};

before(async () => {
  for (const name of [...Object.keys(budgets), ...peers]) measured[name] = await measure(name);
});

describe('given the peers measured in this run', () => {
  for (const peer of peers) {
    it(`measures ${peer} within 3% of research/sizes.txt (${fmt(recordedPeerGzip[peer])} B), so the method matches`, () => {
      const ratio = measured[peer].gzip / recordedPeerGzip[peer];
      console.log(`# ${peer}: ${fmt(measured[peer].gzip)} B gzip here, ${fmt(recordedPeerGzip[peer])} B in sizes.txt (esbuild 0.28.2)`);
      assert.ok(Math.abs(ratio - 1) <= 0.03, `${peer} measured ${measured[peer].gzip} B, sizes.txt says ${recordedPeerGzip[peer]} B`);
    });
  }
});

describe('given the size budgets (gzip -9, React external)', () => {
  for (const [name, budget] of Object.entries(budgets)) {
    it(`${name} stays within its budget of ${fmt(budget)} B`, () => {
      const { gzip, label } = measured[name];
      const vsPeers = peers
        .map((peer) => `${(gzip / measured[peer].gzip).toFixed(2)}× ${peer} (${fmt(measured[peer].gzip)} B; ABOVE it by ${fmt(gzip - measured[peer].gzip)} B)`)
        .join(', ');
      console.log(`# ${name}: ${fmt(gzip)} B gzip of a ${fmt(budget)} B budget (${((gzip / budget) * 100).toFixed(1)}%) — ${label}`);
      console.log(`#   vs peers: ${vsPeers}`);
      assert.ok(gzip <= budget, `${name} is ${fmt(gzip)} B gzip, over its budget of ${fmt(budget)} B by ${fmt(gzip - budget)} B`);
    });
  }

  it('keeps each budget within ~3% of the measured size, so growth is caught early', () => {
    // A budget far above the code would guard nothing; when the code shrinks, lower the budget with it.
    for (const [name, budget] of Object.entries(budgets)) {
      assert.ok(budget <= measured[name].gzip * 1.06, `${name}'s budget ${fmt(budget)} B is more than 6% above its ${fmt(measured[name].gzip)} B; lower it`);
    }
  });
});
