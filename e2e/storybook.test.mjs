// Every story of the built Storybook, opened in Debian's Chromium: each must render, finish its play
// function (which asserts its own state) and log no page error. Stories are the test surface.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { stalledScript } from '../.storybook/stalled-script.mjs';

const staticDir = fileURLToPath(new URL('../storybook-static', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync(join(staticDir, 'index.json')), 'storybook-static is missing: run `pnpm build-storybook` first');
  server = createServer((req, res) => {
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
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  // The stalled-script route holds its connections open; close them so the server can stop.
  server?.closeAllConnections();
  server?.close();
});

const PHONE = { width: 390, height: 844 };
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** Opens a story and waits for Storybook's own verdict on its render and play function. */
async function openStory(id, { viewport } = {}) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Catch Storybook's channel as it is created, so no event is missed however fast the story is.
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
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);
  await page.waitForFunction(() => window.__kcheckoutStory, null, { timeout: 20_000 });
  const verdict = await page.evaluate(() => ({ ...window.__kcheckoutStory, error: window.__kcheckoutPlayError ?? null }));
  const failure = verdict.status === 'success' && !verdict.error ? null : `${verdict.status}: ${verdict.error}`;
  return { page, errors, failure };
}

describe('given the built Storybook', () => {
  it('has stories for every state', () => {
    const names = stories.map((story) => story.name);
    for (const state of ['Ready', 'Pending', 'Success', 'Fail', 'Cancel', 'Script Failure', 'Invalid Secret Key', 'Loading', 'All States']) {
      assert.ok(names.includes(state), `missing story "${state}"`);
    }
  });

  for (const story of stories) {
    it(`renders ${story.title} › ${story.name} and passes its play function`, async () => {
      // Stories tagged "mobile" are about phone behaviour (the sandbox decides by viewport width).
      const { page, errors, failure } = await openStory(story.id, story.tags?.includes('mobile') ? { viewport: PHONE } : {});
      try {
        assert.equal(failure, null);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  it('shows the sandbox widget, not the real one, and loads one script per SDK', async () => {
    const { page } = await openStory('toss-checkout--ready');
    try {
      await page.waitForSelector('[data-kcheckout-sandbox="payment-methods"]');
      const scripts = await page.evaluate(() => Array.from(document.scripts).filter((s) => s.src.startsWith('blob:')).length);
      assert.equal(scripts, 1);
    } finally {
      await page.close();
    }
  });

  it('completes a payment with real clicks: agree, pay, approve in the payment window', async () => {
    const { page } = await openStory('toss-checkout--ready');
    try {
      await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
      await page.getByRole('button', { name: '50,000원 결제하기' }).click();
      await page.getByRole('dialog').locator('[data-outcome="approve"]').click();
      const result = page.getByTestId('result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-status'), 'success');
    } finally {
      await page.close();
    }
  });

  it('in redirect mode on a phone, sends the buyer to successUrl with the vendor query', async () => {
    const { page } = await openStory('toss-checkout--redirect-mode', { viewport: PHONE });
    try {
      await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
      await page.getByRole('button', { name: /결제하기/ }).click();
      await page.getByRole('dialog').locator('[data-outcome="approve"]').click();
      const target = new URL(await page.getByTestId('redirect-target').locator('code').innerText());
      assert.equal(target.pathname, '/payment/success');
      assert.equal(target.searchParams.get('amount'), '50000');
      assert.match(target.searchParams.get('paymentKey'), /^tsbx/);
    } finally {
      await page.close();
    }
  });
});
