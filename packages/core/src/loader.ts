import { CheckoutError, type Provider } from './errors.js';

export interface LoadScriptOptions {
  /** The global the script installs (`TossPayments`, `PaymentWidget`, `PortOne`, `IMP`). */
  globalName: string;
  /** Per attempt. A vendor CDN that hangs must end in an error the page can show, not a spinner. */
  timeoutMs?: number | undefined;
  /** Extra attempts after the first failure, with exponential backoff. */
  retries?: number | undefined;
  /** First backoff delay; each retry doubles it. */
  retryDelayMs?: number;
  /** CSP nonce for the `<script>` tag, when the page's policy uses nonces. */
  nonce?: string | undefined;
  /** For error messages. */
  provider?: Provider;
}

const DEFAULTS = { timeoutMs: 10_000, retries: 2, retryDelayMs: 400 };

/** Marks the tags this loader owns, so a retry removes only its own failed tag. */
const OWNER_ATTRIBUTE = 'data-kcheckout-loader';

// One in-flight or settled load per src for the whole page, shared by every caller, remount and
// StrictMode double effect. A failed load is removed, so the next call starts over (PortOne's own
// loader caches the rejection for good; Toss's evicts it but never retries or times out).
const loads = new Map<string, Promise<unknown>>();

// Which src this loader installed each global from. A global that some other src installed says
// nothing about this one: two checkouts on a page with different `scriptSrc`s (one of them broken)
// must each get their own outcome, not share the first one's SDK and its one-widget-per-page rule.
const owners = new Map<string, string>();

/**
 * Loads a vendor script once per page and resolves with the global it installs.
 *
 * - One `<script>` per `src`, however many callers; a tag already in the page with that `src` is reused.
 * - A global that already exists resolves at once, with no tag, unless this loader installed it from another
 *   `src`: then this `src` is loaded for real and gets its own outcome.
 * - Retries with backoff; after the last failure the cache entry is dropped so a later call retries.
 * - Rejects with `CheckoutError` `SCRIPT_LOAD_FAILED`, `SCRIPT_TIMEOUT`, `SDK_MISSING` or `SERVER_RENDER`.
 */
export function loadScript<T = unknown>(src: string, options: LoadScriptOptions): Promise<T> {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    return Promise.reject(
      new CheckoutError(
        'SERVER_RENDER',
        __DEV__
          ? `서버 렌더링 중에는 결제 스크립트를 불러올 수 없습니다. loadScript는 브라우저(useEffect 안이나 이벤트 핸들러)에서 ` +
            `호출하세요. Vendor scripts cannot load during server rendering: call this from an effect or an event handler.`
          : '',
        options.provider ? { provider: options.provider } : {},
      ),
    );
  }
  let load = loads.get(src) as Promise<T> | undefined;
  if (load) return load;
  const { globalName } = options;
  const existing = readGlobal<T>(globalName);
  const owner = owners.get(globalName);
  if (existing !== undefined && (owner === undefined || owner === src)) return Promise.resolve(existing);

  const fresh = loadWithRetries<T>(src, options, existing);
  loads.set(src, fresh);
  fresh.then(
    () => owners.set(globalName, src),
    () => {
      if (loads.get(src) === fresh) loads.delete(src);
    },
  );
  return fresh;
}

/** `previous` is the global another src already installed: it does not count as this script's. */
async function loadWithRetries<T>(src: string, options: LoadScriptOptions, previous: T | undefined): Promise<T> {
  const retries = options.retries ?? DEFAULTS.retries;
  const baseDelay = options.retryDelayMs ?? DEFAULTS.retryDelayMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadOnce<T>(src, options, previous);
    } catch (error) {
      const final = attempt >= retries || (error instanceof CheckoutError && error.code === 'SDK_MISSING');
      if (final) throw error;
      await delay(baseDelay * 2 ** attempt);
      // A script that timed out may still arrive; then there is nothing left to fetch. Only after a
      // timeout (a 404 never arrives), and only if no other src of ours installed it meanwhile:
      // a checkout loading the same global from a good URL must not rescue a broken one.
      const late = readGlobal<T>(options.globalName);
      const owner = owners.get(options.globalName);
      const timedOut = error instanceof CheckoutError && error.code === 'SCRIPT_TIMEOUT';
      if (timedOut && late !== undefined && late !== previous && (owner === undefined || owner === src)) return late;
    }
  }
}

function loadOnce<T>(src: string, options: LoadScriptOptions, previous: T | undefined): Promise<T> {
  const { globalName, provider } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const where = provider ? { provider } : {};

  return new Promise<T>((resolve, reject) => {
    const script = findScript(src) ?? injectScript(src, options.nonce);
    const finish = (error?: CheckoutError) => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      if (!error) return;
      // Leave no dead tag behind: the next attempt, or the next caller, adds a fresh one.
      if (script.hasAttribute(OWNER_ATTRIBUTE)) script.remove();
      else script.setAttribute(OWNER_ATTRIBUTE, 'failed');
      reject(error);
    };
    const onLoad = () => {
      const sdk = readGlobal<T>(globalName);
      if (sdk !== undefined && sdk !== previous) {
        script.setAttribute('data-kcheckout-state', 'loaded');
        finish();
        resolve(sdk);
        return;
      }
      finish(
        new CheckoutError(
          'SDK_MISSING',
          __DEV__
            ? `스크립트(${src})는 받았지만 window.${globalName}이(가) 없습니다. scriptSrc가 올바른 SDK 주소인지 확인하세요. ` +
              `The script at ${src} loaded but did not define window.${globalName}; check that scriptSrc points at the SDK.`
            : '',
          where,
        ),
      );
    };
    const onError = () =>
      finish(
        new CheckoutError(
          'SCRIPT_LOAD_FAILED',
          __DEV__
            ? `결제 스크립트(${src})를 불러오지 못했습니다. 네트워크, 광고 차단기, CSP의 script-src 설정을 확인한 뒤 다시 시도하세요. ` +
              `Could not load ${src}: check the network, ad blockers and the CSP script-src, then retry.`
            : '',
          where,
        ),
      );
    const timer = setTimeout(
      () =>
        finish(
          new CheckoutError(
            'SCRIPT_TIMEOUT',
            __DEV__
              ? `결제 스크립트(${src})가 ${timeoutMs}ms 안에 응답하지 않았습니다. 잠시 후 다시 시도하세요. ` +
                `${src} did not load within ${timeoutMs} ms; retry in a moment.`
              : '',
            where,
          ),
        ),
      timeoutMs,
    );
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
  });
}

function findScript(src: string): HTMLScriptElement | null {
  const absolute = new URL(src, document.baseURI).href;
  for (const script of Array.from(document.scripts)) {
    // A tag that already failed under this loader is dead: it will fire no more events.
    if (script.getAttribute(OWNER_ATTRIBUTE) === 'failed') continue;
    if (script.src === absolute) return script;
  }
  return null;
}

function injectScript(src: string, nonce: string | undefined): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  if (nonce) script.nonce = nonce;
  script.setAttribute(OWNER_ATTRIBUTE, '');
  document.head.appendChild(script);
  return script;
}

function readGlobal<T>(name: string): T | undefined {
  const value = (window as unknown as Record<string, unknown>)[name];
  return value === undefined || value === null ? undefined : (value as T);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Forgets every cached load. For tests; a page never needs it. */
export function resetScriptCache(): void {
  loads.clear();
  owners.clear();
}
