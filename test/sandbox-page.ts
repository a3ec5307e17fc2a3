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
    sandbox.navigate = (url) => {
      throw new Error(`A test navigated to ${url} without capturing it`);
    };
  }
  for (const script of Array.from(document.querySelectorAll('script[data-kcheckout-loader]'))) script.remove();
  for (const name of VENDOR_GLOBALS) delete (window as unknown as Record<string, unknown>)[name];
  resetScriptCache();
  document.body.innerHTML = '';
}

/**
 * Sizes the test page as a desktop or a phone: the PortOne stand-ins decide "mobile" by
 * `(max-width: 767px)`, and Vitest's default iframe (414 px wide) would count as a phone.
 */
export async function useViewport(device: 'pc' | 'mobile'): Promise<void> {
  if (device === 'pc') await page.viewport(1024, 768);
  else await page.viewport(375, 667);
  if (window.matchMedia('(max-width: 767px)').matches !== (device === 'mobile')) throw new Error(`The page did not become ${device}-sized`);
}

/** The `<script>` tags in the page whose src resolves to `src`. */
export function scriptTags(src: string): HTMLScriptElement[] {
  const absolute = new URL(src, location.href).href;
  return Array.from(document.scripts).filter((script) => script.src === absolute);
}
