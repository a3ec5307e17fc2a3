import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preload } from './preload.js';
import { SDK_SCRIPTS, type SdkId } from './sdk-urls.js';

let before: Set<Element>;
let counter = 0;
const run = Date.now().toString(36);

beforeEach(() => {
  before = new Set(document.head.querySelectorAll('link'));
});

afterEach(() => {
  for (const link of document.head.querySelectorAll('link')) if (!before.has(link)) link.remove();
});

/** The links preload() added to <head> with this rel. */
function added(rel: 'preload' | 'preconnect'): HTMLLinkElement[] {
  return Array.from(document.head.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`)).filter((link) => !before.has(link));
}

function uniquePath() {
  counter += 1;
  const id = `preload-${run}-${counter}`;
  return { id, path: `/__kcheckout/script/${id}.js` };
}

async function hits(id: string): Promise<number> {
  const response = await fetch(`/__kcheckout/script/${id}/hits`);
  return ((await response.json()) as { hits: number }).hits;
}

describe('given a vendor SDK on its cross-origin CDN', () => {
  it.each(Object.keys(SDK_SCRIPTS) as SdkId[])('%s gets one preload link (as=script) and one preconnect to its origin', (sdk) => {
    preload(sdk);
    const { src } = SDK_SCRIPTS[sdk];
    const preloads = added('preload');
    expect(preloads).toHaveLength(1);
    expect(preloads[0]!.href).toBe(new URL(src).href);
    expect(preloads[0]!.getAttribute('as')).toBe('script');

    const preconnects = added('preconnect');
    expect(preconnects).toHaveLength(1);
    expect(preconnects[0]!.href).toBe(`${new URL(src).origin}/`);
  });

  it('adds nothing more when called again and again', () => {
    for (let i = 0; i < 5; i++) preload('toss-v2');
    expect(added('preload')).toHaveLength(1);
    expect(added('preconnect')).toHaveLength(1);
  });

  it('shares one preconnect between two SDKs on the same origin, with a preload each', () => {
    preload('toss-v2');
    preload('toss-v1');
    expect(added('preload').map((link) => link.href)).toEqual([SDK_SCRIPTS['toss-v2'].src, SDK_SCRIPTS['toss-v1'].src]);
    expect(added('preconnect')).toHaveLength(1);
  });

  it('reuses a preconnect the page already has for that origin', () => {
    const own = document.createElement('link');
    own.rel = 'preconnect';
    own.href = 'https://cdn.portone.io';
    document.head.appendChild(own);
    preload('portone-v2');
    expect(added('preconnect')).toEqual([own]);
    expect(added('preload')).toHaveLength(1);
  });

  it('uses the src option in place of the vendor CDN', () => {
    preload('toss-v2', { src: 'https://sandbox.example.test/scripts/toss-v2.js' });
    expect(added('preload').map((link) => link.href)).toEqual(['https://sandbox.example.test/scripts/toss-v2.js']);
    expect(added('preconnect').map((link) => link.href)).toEqual(['https://sandbox.example.test/']);
  });

  it('puts the CSP nonce on both links', () => {
    preload('iamport-v1', { nonce: 'pr3l0adN0nce' });
    const [link] = added('preload');
    const [connect] = added('preconnect');
    expect(link!.nonce).toBe('pr3l0adN0nce');
    expect(connect!.nonce).toBe('pr3l0adN0nce');
  });
});

describe('given a script on the page’s own origin', () => {
  it('adds a preload link with the absolute URL and no preconnect', () => {
    const { path } = uniquePath();
    preload('toss-v2', { src: path });
    const preloads = added('preload');
    expect(preloads).toHaveLength(1);
    expect(preloads[0]!.href).toBe(new URL(path, location.href).href);
    expect(preloads[0]!.getAttribute('as')).toBe('script');
    expect(added('preconnect')).toHaveLength(0);
  });

  it('treats the relative and absolute forms of one URL as the same preload', () => {
    const { path } = uniquePath();
    preload('toss-v2', { src: path });
    preload('toss-v2', { src: new URL(path, location.href).href });
    expect(added('preload')).toHaveLength(1);
  });

  it('starts fetching the script before any widget asks for it', async () => {
    const { id, path } = uniquePath();
    await fetch(`/__kcheckout/script/${id}?mode=empty`, { method: 'POST' });
    expect(await hits(id)).toBe(0);
    preload('toss-v2', { src: path });
    await expect.poll(() => hits(id), { timeout: 2000, interval: 20 }).toBe(1);
  });

  it('adds no preconnect for a blob: URL', () => {
    const url = URL.createObjectURL(new Blob(['void 0'], { type: 'text/javascript' }));
    try {
      preload('portone-v2', { src: url });
      expect(added('preload').map((link) => link.href)).toEqual([url]);
      expect(added('preconnect')).toHaveLength(0);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
