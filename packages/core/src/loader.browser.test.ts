import { afterEach, describe, expect, it } from 'vitest';
import { CheckoutError } from './errors.js';
import { loadScript, resetScriptCache, type LoadScriptOptions } from './loader.js';

// Each test gets its own script id (on the test script server) and its own global, so no test can pass
// on another's leftovers.
let counter = 0;
const run = Date.now().toString(36);
const globals = new Set<string>();
const blobs = new Set<string>();

function unique(label: string) {
  counter += 1;
  const id = `loader-${run}-${label}-${counter}`;
  const globalName = `KcheckoutLoaderTest_${run}_${counter}`;
  globals.add(globalName);
  return { id, globalName, path: `/__kcheckout/script/${id}.js` };
}

const win = window as unknown as Record<string, unknown>;

/** A same-origin script that installs `window[globalName]` and counts how often it ran. */
function blobScript(globalName: string): string {
  const url = URL.createObjectURL(
    new Blob([`window.${globalName} = { runs: (window.${globalName}?.runs ?? 0) + 1 };`], { type: 'text/javascript' }),
  );
  blobs.add(url);
  return url;
}

/** Sets how the test script server answers `/__kcheckout/script/<id>.js`. */
async function serve(id: string, mode: 'ok' | '404' | 'hang' | 'empty', sdk?: string) {
  const query = new URLSearchParams({ mode, ...(sdk ? { serve: sdk } : {}) });
  const response = await fetch(`/__kcheckout/script/${id}?${query}`, { method: 'POST' });
  expect(response.ok).toBe(true);
}

async function hits(id: string): Promise<number> {
  const response = await fetch(`/__kcheckout/script/${id}/hits`);
  return ((await response.json()) as { hits: number }).hits;
}

/** Every `<script>` in the document whose resolved src is `src`. */
function tagsFor(src: string): HTMLScriptElement[] {
  const absolute = new URL(src, document.baseURI).href;
  return Array.from(document.scripts).filter((script) => script.src === absolute);
}

const fast = { timeoutMs: 2000, retries: 2, retryDelayMs: 10 } satisfies Partial<LoadScriptOptions>;

async function rejection(promise: Promise<unknown>): Promise<CheckoutError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the load to fail, but it resolved');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CheckoutError);
  return error as CheckoutError;
}

afterEach(() => {
  resetScriptCache();
  for (const name of globals) delete win[name];
  globals.clear();
  for (const url of blobs) URL.revokeObjectURL(url);
  blobs.clear();
  for (const tag of document.querySelectorAll('script[data-kcheckout-loader], script[data-test-tag]')) tag.remove();
});

describe('given a script that installs its global', () => {
  it('resolves with the global the script installed', async () => {
    const { globalName } = unique('resolves');
    const src = blobScript(globalName);
    const sdk = await loadScript<{ runs: number }>(src, { globalName, ...fast });
    expect(sdk).toBe(win[globalName]);
    expect(sdk.runs).toBe(1);
  });

  it('adds one <script> and runs it once for 20 concurrent callers', async () => {
    const { globalName } = unique('concurrent');
    const src = blobScript(globalName);
    const results = await Promise.all(Array.from({ length: 20 }, () => loadScript(src, { globalName, ...fast })));
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe(win[globalName]);
    expect(tagsFor(src)).toHaveLength(1);
    expect((win[globalName] as { runs: number }).runs).toBe(1);
  });

  it('adds no second <script> on later calls, as a remount or StrictMode effect would make', async () => {
    const { globalName } = unique('repeat');
    const src = blobScript(globalName);
    const first = await loadScript(src, { globalName, ...fast });
    for (let i = 0; i < 5; i++) expect(await loadScript(src, { globalName, ...fast })).toBe(first);
    expect(tagsFor(src)).toHaveLength(1);
    expect((win[globalName] as { runs: number }).runs).toBe(1);
  });

  it('keeps its <script> in the page after loading, past the timeout', async () => {
    const { globalName } = unique('keeps-tag');
    const src = blobScript(globalName);
    await loadScript(src, { globalName, ...fast, timeoutMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(tagsFor(src)).toHaveLength(1);
    expect(tagsFor(src)[0]!.getAttribute('data-kcheckout-state')).toBe('loaded');
  });

  it('sets the CSP nonce on the <script> it adds', async () => {
    const { globalName } = unique('nonce');
    const src = blobScript(globalName);
    await loadScript(src, { globalName, nonce: 'r4nd0mN0nce', ...fast });
    const [tag] = tagsFor(src);
    expect(tag).toBeDefined();
    expect(tag!.nonce).toBe('r4nd0mN0nce');
    expect(tag!.async).toBe(true);
  });
});

describe('given the global already exists', () => {
  it('resolves with it at once and fetches nothing', async () => {
    const { id, globalName, path } = unique('existing-global');
    const sdk = { already: 'here' };
    win[globalName] = sdk;
    await expect(loadScript(path, { globalName, ...fast })).resolves.toBe(sdk);
    expect(tagsFor(path)).toHaveLength(0);
    expect(await hits(id)).toBe(0);
  });
});

describe('given the global was installed by this loader from another src', () => {
  // Two checkouts on one page, one pointed at a broken scriptSrc: each must get its own outcome.
  it('loads the new src for real and rejects with SCRIPT_LOAD_FAILED when it answers 404', async () => {
    const { globalName } = unique('other-src-ok');
    const good = blobScript(globalName);
    const sdk = await loadScript(good, { globalName, ...fast });
    const { id, path } = unique('other-src-404');
    await serve(id, '404');

    const error = await rejection(loadScript(path, { globalName, ...fast, retries: 1 }));
    expect(error.code).toBe('SCRIPT_LOAD_FAILED');
    expect(await hits(id)).toBe(2);
    // The first src still resolves with its own SDK, from the cache, with no new tag.
    await expect(loadScript(good, { globalName, ...fast })).resolves.toBe(sdk);
    expect(tagsFor(good)).toHaveLength(1);
  });

  it('keeps a broken src failed while another src installs the same global during its retry wait', async () => {
    const { id, globalName, path } = unique('racing-404');
    await serve(id, '404');
    const broken = loadScript(path, { globalName, ...fast, retries: 1, retryDelayMs: 300 });
    const good = loadScript(blobScript(globalName), { globalName, ...fast });
    await good;

    const error = await rejection(broken);
    expect(error.code).toBe('SCRIPT_LOAD_FAILED');
    expect(await hits(id)).toBe(2);
  });

  it('rejects with SDK_MISSING when the new src loads but installs nothing, instead of lending it the old global', async () => {
    const { globalName } = unique('other-src-first');
    await loadScript(blobScript(globalName), { globalName, ...fast });
    const { id, path } = unique('other-src-empty');
    await serve(id, 'empty');

    const error = await rejection(loadScript(path, { globalName, ...fast }));
    expect(error.code).toBe('SDK_MISSING');
  });

  it('resolves with the global the new src installed when it works', async () => {
    const { globalName } = unique('other-src-both');
    const first = await loadScript<{ runs: number }>(blobScript(globalName), { globalName, ...fast });
    const second = await loadScript<{ runs: number }>(blobScript(globalName), { globalName, ...fast });
    expect(second).not.toBe(first);
    expect(second).toBe(win[globalName]);
    expect(second.runs).toBe(2);
  });
});

describe('given a <script> with the same src already in the page', () => {
  it('reuses that tag and adds none of its own', async () => {
    const { globalName } = unique('page-tag');
    const src = blobScript(globalName);
    const pageTag = document.createElement('script');
    pageTag.src = src;
    pageTag.setAttribute('data-test-tag', '');
    document.head.appendChild(pageTag);

    const sdk = await loadScript(src, { globalName, ...fast });
    expect(sdk).toBe(win[globalName]);
    expect(tagsFor(src)).toEqual([pageTag]);
    expect(document.querySelectorAll('script[data-kcheckout-loader]')).toHaveLength(0);
    expect((win[globalName] as { runs: number }).runs).toBe(1);
  });

  it('matches the tag when the page wrote an absolute URL and the caller a relative one, fetching once', async () => {
    const { id, globalName, path } = unique('page-tag-relative');
    await serve(id, 'empty');
    const pageTag = document.createElement('script');
    pageTag.setAttribute('src', new URL(path, location.href).href);
    pageTag.setAttribute('data-test-tag', '');
    document.head.appendChild(pageTag);

    const load = loadScript(path, { globalName, ...fast });
    expect(tagsFor(path)).toEqual([pageTag]);
    const error = await rejection(load);
    expect(error.code).toBe('SDK_MISSING');
    expect(await hits(id)).toBe(1);
    // The page's own tag stays (the loader removes only tags it added) and no second tag appears.
    expect(tagsFor(path)).toEqual([pageTag]);
  });
});

describe('given a <script> in the page whose src fails', () => {
  it('retries with a tag of its own instead of waiting on the dead one, and leaves the page’s tag alone', async () => {
    const { id, globalName, path } = unique('page-tag-404');
    await serve(id, '404');
    const pageTag = document.createElement('script');
    pageTag.src = path;
    pageTag.setAttribute('data-test-tag', '');
    document.head.appendChild(pageTag);

    const error = await rejection(loadScript(path, { globalName, timeoutMs: 2000, retries: 1, retryDelayMs: 10 }));
    expect(error.code).toBe('SCRIPT_LOAD_FAILED');
    expect(await hits(id)).toBe(2);
    expect(tagsFor(path)).toEqual([pageTag]);
  });
});

describe('given a script URL that answers 404', () => {
  it('rejects with SCRIPT_LOAD_FAILED after retries + 1 attempts and leaves no tag behind', async () => {
    const { id, globalName, path } = unique('404');
    await serve(id, '404');
    const error = await rejection(loadScript(path, { globalName, ...fast, retries: 2, provider: 'toss' }));
    expect(error.code).toBe('SCRIPT_LOAD_FAILED');
    expect(error.provider).toBe('toss');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/[가-힣]/);
    expect(error.message).toMatch(/CSP/);
    expect(await hits(id)).toBe(3);
    expect(tagsFor(path)).toHaveLength(0);
  });

  it('makes exactly one attempt with retries: 0', async () => {
    const { id, globalName, path } = unique('404-no-retry');
    await serve(id, '404');
    expect((await rejection(loadScript(path, { globalName, ...fast, retries: 0 }))).code).toBe('SCRIPT_LOAD_FAILED');
    expect(await hits(id)).toBe(1);
  });

  it('waits between attempts, doubling the delay each time', async () => {
    const { id, globalName, path } = unique('404-backoff');
    await serve(id, '404');
    const started = performance.now();
    await rejection(loadScript(path, { globalName, timeoutMs: 2000, retries: 2, retryDelayMs: 150 }));
    // 150 ms, then 300 ms: at least 450 ms, where a fixed delay would take about 300 ms.
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
    expect(await hits(id)).toBe(3);
  });

  it('shares one failing fetch among 20 concurrent callers, and every caller gets the error', async () => {
    const { id, globalName, path } = unique('404-concurrent');
    await serve(id, '404');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => loadScript(path, { globalName, ...fast, retries: 1 })),
    );
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    const codes = results.map((result) => (result as PromiseRejectedResult).reason.code);
    expect(new Set(codes)).toEqual(new Set(['SCRIPT_LOAD_FAILED']));
    expect(await hits(id)).toBe(2);
  });

  it('lets a caller who arrives between attempts join the same load instead of fetching again', async () => {
    const { id, globalName, path } = unique('404-join');
    await serve(id, '404');
    const first = loadScript(path, { globalName, ...fast, retries: 1, retryDelayMs: 300 });
    // The first attempt has failed and the loader is waiting to retry; no tag is in the page now.
    await expect
      .poll(async () => ({ hits: await hits(id), tags: tagsFor(path).length }), { timeout: 2000, interval: 10 })
      .toEqual({ hits: 1, tags: 0 });
    const second = loadScript(path, { globalName, ...fast, retries: 1, retryDelayMs: 300 });
    const errors = await Promise.all([rejection(first), rejection(second)]);
    expect(errors[1]).toBe(errors[0]);
    expect(await hits(id)).toBe(2);
  });

  it('tries again on a later call after the final failure', async () => {
    const { id, globalName, path } = unique('404-later');
    await serve(id, '404');
    await rejection(loadScript(path, { globalName, ...fast, retries: 1 }));
    expect(await hits(id)).toBe(2);

    await rejection(loadScript(path, { globalName, ...fast, retries: 1 }));
    expect(await hits(id)).toBe(4);
    expect(tagsFor(path)).toHaveLength(0);
  });

  it('reaches the script on a later call once the server answers again', async () => {
    const { id, globalName, path } = unique('404-recovers');
    await serve(id, '404');
    expect((await rejection(loadScript(path, { globalName, ...fast, retries: 0 }))).code).toBe('SCRIPT_LOAD_FAILED');

    // "The network is back", but the file there is not an SDK: the later call still fetches it.
    await serve(id, 'empty');
    expect((await rejection(loadScript(path, { globalName, ...fast, retries: 0 }))).code).toBe('SDK_MISSING');
    expect(await hits(id)).toBe(2);
  });

  it('resolves on a later call once the server serves the SDK again (sandbox toss-v2 script)', async () => {
    const { id, path } = unique('404-then-ok');
    // The sandbox script installs the real vendor global name.
    globals.add('TossPayments');
    await serve(id, '404');
    expect((await rejection(loadScript(path, { globalName: 'TossPayments', ...fast, retries: 0 }))).code).toBe(
      'SCRIPT_LOAD_FAILED',
    );

    await serve(id, 'ok', 'toss-v2');
    const sdk = await loadScript(path, { globalName: 'TossPayments', ...fast, retries: 0 });
    expect(sdk).toBe(win.TossPayments);
    expect(typeof sdk).toBe('function');
    expect(await hits(id)).toBe(2);
    expect(tagsFor(path)).toHaveLength(1);
  });
});

describe('given a script URL that never answers', () => {
  it('rejects with SCRIPT_TIMEOUT instead of waiting forever, after retries + 1 timed attempts', async () => {
    const { id, globalName, path } = unique('hang');
    await serve(id, 'hang');
    const started = performance.now();
    const error = await rejection(loadScript(path, { globalName, timeoutMs: 300, retries: 1, retryDelayMs: 10 }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    expect(error.message).toContain('300');
    expect(error.message).toMatch(/[가-힣]/);
    // Two attempts of 300 ms each. (No check on hits here: Chromium's HTTP cache holds a second request
    // for a URL while the first still has no response headers, so the retry reaches the server only
    // once the hung request ends.)
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(3000);
    expect(await hits(id)).toBeGreaterThanOrEqual(1);
    expect(tagsFor(path)).toHaveLength(0);
  });
});

describe('given a script that loads but installs no global', () => {
  it('rejects with SDK_MISSING naming the global, without retrying', async () => {
    const { id, globalName, path } = unique('empty');
    await serve(id, 'empty');
    const error = await rejection(loadScript(path, { globalName, ...fast, retries: 3, provider: 'portone' }));
    expect(error.code).toBe('SDK_MISSING');
    expect(error.provider).toBe('portone');
    expect(error.message).toContain(`window.${globalName}`);
    expect(error.message).toContain(path);
    expect(await hits(id)).toBe(1);
    expect(tagsFor(path)).toHaveLength(0);
  });
});
