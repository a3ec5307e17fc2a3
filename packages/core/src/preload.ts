import { SDK_SCRIPTS, type SdkId } from './sdk-urls.js';

export interface PreloadOptions {
  /** The script URL the widget will load; defaults to the vendor's CDN. Must match `scriptSrc`. */
  src?: string;
  nonce?: string | undefined;
}

/**
 * Starts fetching a vendor SDK before any widget mounts: a `<link rel="preload" as="script">` for the
 * script and a `preconnect` to its origin. Call it as early as you know a checkout is coming (the
 * cart page, a route loader); the widget's own load then reuses the response.
 *
 * Safe to call many times and on the server (where it does nothing).
 */
export function preload(sdk: SdkId, options: PreloadOptions = {}): void {
  preloadScript(options.src ?? SDK_SCRIPTS[sdk].src, options);
}

/**
 * `preload` for a script URL of your choosing. The per-provider entries build their `preload` on
 * it, so they carry only their own vendor's URL.
 */
export function preloadScript(src: string, options: Pick<PreloadOptions, 'nonce'> = {}): void {
  if (typeof document === 'undefined') return;
  const href = new URL(src, document.baseURI);
  if (href.origin !== location.origin && href.protocol !== 'blob:') {
    addLink('preconnect', href.origin, options.nonce);
  }
  addLink('preload', href.href, options.nonce);
}

function addLink(rel: 'preload' | 'preconnect', href: string, nonce: string | undefined): void {
  const normalized = new URL(href).href;
  for (const link of Array.from(document.head.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`))) {
    if (link.href === normalized) return;
  }
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (rel === 'preload') link.as = 'script';
  if (nonce) link.nonce = nonce;
  document.head.appendChild(link);
}
