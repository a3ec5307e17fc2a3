import { resetScriptCache } from '@kcheckout/core';
import { page } from 'vitest/browser';

const VENDOR_GLOBALS = ['TossPayments', 'PaymentWidget', 'PortOne', 'IMP'];

/**
 * A clean page for the next browser test: no vendor globals, no loader `<script>` tags, no cached
 * loads, an empty sandbox log, default sandbox settings, and a `navigate` that fails loudly until a
 * test captures it (a real navigation would take the test runner's page away). Test-only.
 */
export async function resetSandboxPage(): Promise<void> {
  // Deferred teardowns and windows answered by nextOutcome finish a macrotask or two later.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const sandbox = window.kcheckoutSandbox;
  if (sandbox) {
    sandbox.reset();
    // reset() keeps settings; tests change them, so put the defaults back.
    sandbox.latencyMs = 20;
    delete sandbox.device;
    delete sandbox.agreementEmitsAtRender;
    delete sandbox.agreementStartsTicked;
    delete sandbox.variantKeys;
    delete sandbox.nextFailure;
    delete sandbox.portoneOverlap;
    sandbox.navigate = (url) => {
      throw new Error(`A test navigated to ${url} without capturing it`);
    };
  }
  for (const script of Array.from(document.querySelectorAll('script[data-kcheckout-loader]'))) script.remove();
  for (const name of VENDOR_GLOBALS) delete (window as unknown as Record<string, unknown>)[name];
  resetScriptCache();
  // Back to the browser's own user agent (a PC) after a test that stated a phone.
  delete (navigator as unknown as { userAgent?: string }).userAgent;
  document.body.innerHTML = '';
}

// A phone's user agent (Chrome on Android), as Playwright's device descriptors carry one.
const PHONE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

/**
 * Makes the test page a PC or a phone the way the vendors tell them apart: by user agent, not by
 * width. The page's `navigator.userAgent` becomes a phone's (or the browser's own again), which the
 * stand-ins and the library both read; the viewport follows, so screenshots look right.
 */
export async function useDevice(device: 'pc' | 'mobile'): Promise<void> {
  if (device === 'mobile') Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => PHONE_USER_AGENT });
  else delete (navigator as unknown as { userAgent?: string }).userAgent;
  if (device === 'pc') await page.viewport(1024, 768);
  else await page.viewport(375, 667);
  if (/Mobile/.test(navigator.userAgent) !== (device === 'mobile')) throw new Error(`The page did not become a ${device}`);
}

/** The `<script>` tags in the page whose src resolves to `src`. */
export function scriptTags(src: string): HTMLScriptElement[] {
  const absolute = new URL(src, location.href).href;
  return Array.from(document.scripts).filter((script) => script.src === absolute);
}
