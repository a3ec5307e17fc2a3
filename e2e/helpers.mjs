// What the e2e specs share: a static server for the built Storybook, Debian's Chromium, and a way
// to open a story and read Storybook's own verdict on its render and play function.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { stalledScript } from '../.storybook/stalled-script.mjs';

export const staticDir = fileURLToPath(new URL('../storybook-static', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

/** The viewport of a phone. Pages opened with it also get PHONE_CONTEXT's user agent: the vendors, the sandbox and the library tell a phone by it, not by width. */
export const PHONE = { width: 390, height: 844 };
/** A phone as Playwright's device descriptors describe one (Chrome on Android). */
export const PHONE_CONTEXT = {
  viewport: PHONE,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  isMobile: true,
  hasTouch: true,
};

/** The stories of the built Storybook, from its index.json. */
export function builtStories() {
  const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/**
 * Serves storybook-static on a loopback port (with the stalled-script route the Loading stories
 * use) and launches Chromium. Call `stop()` in `after`.
 */
export async function startStorybook() {
  assert.ok(existsSync(join(staticDir, 'index.json')), 'storybook-static is missing: run `pnpm build-storybook` first');
  const server = createServer((req, res) => {
    if (stalledScript(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(staticDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(staticDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  /** A new page (its own context: fresh storage) that records page errors and Storybook's verdicts. */
  async function newStoryPage({ viewport } = {}) {
    const page = await browser.newPage(viewport === PHONE ? PHONE_CONTEXT : viewport ? { viewport } : {});
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Catch Storybook's channel as it is created, so no event is missed however fast the story is.
    // An init script runs again on every navigation and reload of the page.
    await page.addInitScript(() => {
      let channel;
      Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
        configurable: true,
        get: () => channel,
        set(value) {
          channel = value;
          value.on('storyFinished', (event) => (window.__kcheckoutStory = { status: event.status }));
          value.on('playFunctionThrewException', (error) => (window.__kcheckoutPlayError = String(error.message).split('\n')[0]));
          value.on('storyThrewException', (error) => (window.__kcheckoutPlayError = String(error.message).split('\n')[0]));
        },
      });
    });
    return { page, errors };
  }

  /**
   * Opens story `id` in `page` (extra query parameters after the story's own) and waits for
   * Storybook's verdict: `null` when it rendered and its play function passed, else the reason.
   */
  async function gotoStory(page, id, { query = '' } = {}) {
    const extra = query.replace(/^\?/, '');
    await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story${extra ? `&${extra}` : ''}`);
    return storyVerdict(page);
  }

  async function openStory(id, options = {}) {
    const { page, errors } = await newStoryPage(options);
    const failure = await gotoStory(page, id, options);
    return { page, errors, failure };
  }

  async function stop() {
    await browser?.close();
    // The stalled-script route holds its connections open; close them so the server can stop.
    server.closeAllConnections();
    server.close();
  }

  return { origin, browser, newStoryPage, gotoStory, openStory, stop };
}

/** Waits for the story in `page` to finish (after a goto or a reload) and returns its failure or `null`. */
export async function storyVerdict(page) {
  await page.waitForFunction(() => window.__kcheckoutStory, null, { timeout: 20_000 });
  const verdict = await page.evaluate(() => ({ ...window.__kcheckoutStory, error: window.__kcheckoutPlayError ?? null }));
  return verdict.status === 'success' && !verdict.error ? null : `${verdict.status}: ${verdict.error}`;
}
