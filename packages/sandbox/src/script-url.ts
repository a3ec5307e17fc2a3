/**
 * Where a stand-in script is found: a `blob:` URL made in the browser from the script's source
 * text, or a plain path on your own server (`sandboxScriptPath`), which needs no browser. Shared by
 * the root entry and the per-SDK entries (`@kcheckout/sandbox/toss-v2`, …); it holds no script source.
 */
import type { SandboxSdk } from './types.js';

/** The sdks the sandbox has, in the order error messages list them. */
export const SANDBOX_SDKS: readonly SandboxSdk[] = ['toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'];

/**
 * The path the serving helpers (`handleSandboxScript`, `kcheckout-sandbox copy-scripts`) put the
 * stand-ins under, so one URL works in server rendering and in the browser.
 */
export const SANDBOX_SCRIPT_BASE = '/kcheckout-sandbox/';

export function isSandboxSdk(value: unknown): value is SandboxSdk {
  return typeof value === 'string' && (SANDBOX_SDKS as readonly string[]).includes(value);
}

export function unknownSdkError(caller: string, sdk: unknown): Error {
  return new Error(`${caller}: unknown sdk ${JSON.stringify(sdk)}. Use one of: ${SANDBOX_SDKS.map((name) => `'${name}'`).join(', ')}.`);
}

/**
 * `/kcheckout-sandbox/<sdk>.js`, or under `base`: the stand-in's URL on your own server, for
 * `scriptSrc`. A plain string, so it works while server rendering (no `window`), and the same on
 * the server and in the browser, so hydration matches. Serve the files there with
 * `handleSandboxScript` (a route handler) or copy them with `kcheckout-sandbox copy-scripts`.
 */
export function sandboxScriptPath(sdk: SandboxSdk, base: string = SANDBOX_SCRIPT_BASE): string {
  if (!isSandboxSdk(sdk)) throw unknownSdkError('sandboxScriptPath()', sdk);
  return `${base.endsWith('/') ? base : `${base}/`}${sdk}.js`;
}

// On globalThis, not in this module: a second copy of this module (HMR, two bundles, the root entry
// and a per-SDK entry in one page) must hand out the same URL, because the loader dedupes script
// tags by URL. Keyed by source text, so a rebuilt script gets a fresh URL.
const URL_CACHE = Symbol.for('kcheckout.sandbox.scriptUrls');

/** The page's one `blob:` URL for `source`; throws outside a browser, saying what to do instead. */
export function blobScriptUrl(sdk: SandboxSdk, source: string, caller: string): string {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function' || typeof Blob === 'undefined') {
    throw new Error(
      `${caller} needs a browser (document and URL.createObjectURL): call it in an effect or an event handler, ` +
        `or, to render on the server, pass sandboxScriptPath('${sdk}') (a plain '/kcheckout-sandbox/${sdk}.js') and serve ` +
        `the file with handleSandboxScript or the static @kcheckout/sandbox/scripts/${sdk}.js.`,
    );
  }
  const host = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const cache = (host[URL_CACHE] ??= new Map<string, string>());
  let url = cache.get(source);
  if (!url) {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    cache.set(source, url);
  }
  return url;
}
