// Every story of the built Storybook, opened in Debian's Chromium: each must render, finish its play
// function (which asserts its own state) and log no page error. Stories are the test surface.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { builtStories, PHONE, startStorybook } from './helpers.mjs';

let storybook;

before(async () => {
  storybook = await startStorybook();
});

after(async () => {
  await storybook?.stop();
});

const stories = builtStories();

/** Opens a story and waits for Storybook's own verdict on its render and play function. */
const openStory = (id, options) => storybook.openStory(id, options);

describe('given the built Storybook', () => {
  it('has stories for every state', () => {
    const names = stories.map((story) => story.name);
    for (const state of ['Ready', 'Pending', 'Success', 'Fail', 'Cancel', 'Script Failure', 'Invalid Secret Key', 'Loading', 'All States']) {
      assert.ok(names.includes(state), `missing story "${state}"`);
    }
  });

  for (const story of stories) {
    it(`renders ${story.title} › ${story.name} and passes its play function`, async () => {
      // Stories tagged "mobile" are about phone behaviour: PHONE opens them with a phone's user agent, which the sandbox and the library read.
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
