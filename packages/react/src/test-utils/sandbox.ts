import { resetScriptCache } from '@kcheckout/core';
import { sandboxClientKeys, sandboxScriptUrl, type SandboxSdk } from '@kcheckout/sandbox';
import { cleanup } from '@testing-library/react';

export const clientKey = sandboxClientKeys.toss;

export function scriptSrcFor(sdk: 'v1' | 'v2'): string {
  return sandboxScriptUrl(sdk === 'v1' ? 'toss-v1' : 'toss-v2');
}

/** Vendor calls recorded by the sandbox, optionally only one method's. */
export function vendorCalls(method?: string, sdk?: SandboxSdk) {
  const log = window.kcheckoutSandbox?.log ?? [];
  return log.filter((entry) => (!method || entry.method === method) && (!sdk || entry.sdk === sdk));
}

export function scriptTags(src: string): HTMLScriptElement[] {
  return Array.from(document.scripts).filter((script) => script.src === new URL(src, location.href).href);
}

/** A clean page per test: no React tree, no vendor globals, no script tags, no cached loads. */
export async function resetPage() {
  cleanup();
  // Let deferred teardowns (a macrotask after unmount) reach the sandbox before it is reset.
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
  delete (window as unknown as Record<string, unknown>).TossPayments;
  delete (window as unknown as Record<string, unknown>).PaymentWidget;
  resetScriptCache();
  document.body.innerHTML = '';
}

/** Ticks the agreement checkbox the sandbox renders, as a buyer would. */
export function agreeToTerms(container: ParentNode = document) {
  const checkbox = container.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]');
  if (!checkbox) throw new Error('The sandbox agreement widget is not rendered');
  checkbox.click();
}
