import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';

/** Toss's public docs test key: works against the real test environment, needs the internet. */
const TOSS_PUBLIC_TEST_KEY = 'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm';

export type Backend = 'sandbox' | 'vendor';

/** The toolbar's choice: the offline sandbox (default) or the vendor's CDN with its public test key. */
export function tossBackend(backend: Backend | undefined, sdk: 'v1' | 'v2') {
  if (backend === 'vendor') return { clientKey: TOSS_PUBLIC_TEST_KEY, scriptSrc: undefined };
  return { clientKey: sandboxClientKeys.toss, scriptSrc: sandboxScriptUrl(sdk === 'v1' ? 'toss-v1' : 'toss-v2') };
}
