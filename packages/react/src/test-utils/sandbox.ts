import { sandboxClientKeys, sandboxScriptUrl, type SandboxControl, type SandboxSdk } from '@kcheckout/sandbox';
import { cleanup } from '@testing-library/react';
import { resetSandboxPage } from '../../../../test/sandbox-page.js';

export { scriptTags } from '../../../../test/sandbox-page.js';

export const clientKey = sandboxClientKeys.toss;

export function scriptSrcFor(sdk: 'v1' | 'v2'): string {
  return sandboxScriptUrl(sdk === 'v1' ? 'toss-v1' : 'toss-v2');
}

/** Vendor calls recorded by the sandbox, optionally only one method's. */
export function vendorCalls(method?: string, sdk?: SandboxSdk) {
  const log = window.kcheckoutSandbox?.log ?? [];
  return log.filter((entry) => (!method || entry.method === method) && (!sdk || entry.sdk === sdk));
}


/** A clean page per test: no React tree, and the sandbox page reset. */
export async function resetPage() {
  cleanup();
  await resetSandboxPage();
}

/** Ticks the agreement checkbox the sandbox renders, as a buyer would. */
export function agreeToTerms(container: ParentNode = document) {
  const checkbox = container.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]');
  if (!checkbox) throw new Error('The sandbox agreement widget is not rendered');
  checkbox.click();
}

/**
 * States sandbox settings (the device, the terms widget's behaviour) before or after the stand-in
 * script loads: the script keeps what it finds on `window.kcheckoutSandbox`. resetPage clears them.
 */
export function stateSandbox(settings: Pick<Partial<SandboxControl>, 'device' | 'agreementEmitsAtRender' | 'agreementStartsTicked' | 'portoneOverlap'>) {
  const host = window as { kcheckoutSandbox?: Partial<SandboxControl> };
  host.kcheckoutSandbox = Object.assign(host.kcheckoutSandbox ?? {}, settings);
}
