// Driving the sandbox's vendor stand-ins from a Playwright page, for e2e/next.test.mjs. Kept to
// this one file, with these names, so a shared test kit in @kcheckout/sandbox can replace it.
// Everything goes through `window.kcheckoutSandbox`, the control object the stand-in scripts share
// (packages/sandbox/README.md, "The control object").

/**
 * @param {import('playwright').Page} page
 */
export function sandboxPage(page) {
  /** Sets the next payment window's answer; it may run before any stand-in has loaded. */
  const answerNext = (outcome) =>
    page.evaluate((value) => {
      const sandbox = (window.kcheckoutSandbox ??= {});
      sandbox.nextOutcome = value;
    }, outcome);

  return {
    approveNext: () => answerNext('approve'),
    declineNext: () => answerNext('decline'),
    cancelNext: () => answerNext('cancel'),
    /** Until the checkout reports `ready`: the vendor script ran and (Toss) its widgets rendered. */
    waitForWidget: (timeout = 30_000) =>
      page.locator('[data-kcheckout="checkout-button"][data-state="ready"]').waitFor({ state: 'attached', timeout }),
    /** `<script>` tags in the page that load the stand-in for `sdk`. */
    scriptCount: (sdk) => page.evaluate((name) => [...document.scripts].filter((script) => script.src.endsWith(`/${name}.js`)).length, sdk),
    /** Calls the page made to the stand-in for `sdk` (all, or only `method`), as its log records them. */
    vendorCalls: (sdk, method) =>
      page.evaluate(
        ([name, only]) => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.sdk === name && (!only || entry.method === only)).length,
        [sdk, method ?? null],
      ),
    /** The last answered payment window's record, or `null`. */
    lastPayment: () => page.evaluate(() => window.kcheckoutSandbox?.payments?.at(-1) ?? null),
  };
}
