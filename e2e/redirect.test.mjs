// The whole redirect flow on a phone, in Chromium against the built Storybook: pay in the sandbox
// window, take the address the vendor would send the buyer to, open the result page with that
// query in the same tab (sessionStorage carries the order <CheckoutButton> remembered), and check
// that <RedirectResult> shows success after exactly one confirm, also after a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PHONE, startStorybook, storyVerdict } from './helpers.mjs';

const LANDING = 'redirect-result--landing';

let storybook;

before(async () => {
  storybook = await startStorybook();
});

after(async () => {
  await storybook?.stop();
});

/** Pays in a checkout story on a phone and returns the captured redirect address. */
async function payAndCapture(storyId, { pay } = {}) {
  // PHONE opens the page with a phone's user agent: the stand-ins and the library tell a phone by it.
  const { page, errors } = await storybook.newStoryPage({ viewport: PHONE });
  const failure = await storybook.gotoStory(page, storyId);
  assert.equal(failure, null);
  if (pay) await pay(page);
  const code = page.getByTestId('redirect-target').locator('code');
  await code.waitFor({ timeout: 10_000 });
  return { page, errors, target: new URL(await code.innerText()) };
}

/** The Toss RedirectMode story has no play function: agree and approve as a buyer would. */
async function payWithToss(page) {
  await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
  await page.getByRole('button', { name: /결제하기/ }).click();
  await page.getByRole('dialog').locator('[data-outcome="approve"]').click();
}

/** Reads what the landing page shows: its state, code, the fake server's count and the text. */
async function landing(page) {
  const view = page.locator('[data-kcheckout="redirect-result"]');
  return {
    state: await view.getAttribute('data-state'),
    code: await view.getAttribute('data-code'),
    calls: Number(await page.getByTestId('confirm-calls').innerText()),
    text: await view.innerText(),
  };
}

/** Opens the Landing story with `query` in the same tab, checks success after one confirm, reloads, checks again. */
async function expectConfirmedOnce(page, query, orderId) {
  assert.equal(await storybook.gotoStory(page, LANDING, { query }), null);
  const first = await landing(page);
  assert.equal(first.state, 'success', first.text);
  assert.equal(first.calls, 1);
  assert.ok(first.text.includes(orderId), `the page names order ${orderId}: ${first.text}`);

  await page.reload();
  assert.equal(await storyVerdict(page), null);
  const reloaded = await landing(page);
  assert.equal(reloaded.state, 'success', reloaded.text);
  assert.equal(reloaded.calls, 1, 'a reload must not confirm again');
}

describe('given a payment in redirect mode on a phone', () => {
  it('Toss: successUrl lands on <RedirectResult>, which shows success after exactly one confirm, also after a reload', async () => {
    const { page, errors, target } = await payAndCapture('toss-checkout--redirect-mode', { pay: payWithToss });
    try {
      assert.equal(target.pathname, '/payment/success');
      assert.match(target.searchParams.get('paymentKey'), /^tsbx/);
      const orderId = target.searchParams.get('orderId');
      // The order <CheckoutButton> remembered is in this tab's sessionStorage, for the amount check.
      const remembered = await page.evaluate((id) => sessionStorage.getItem(`kcheckout:order:${id}`), orderId);
      assert.equal(JSON.parse(remembered).amount, 50000);
      await expectConfirmedOnce(page, target.search, orderId);
      const marker = await page.evaluate((key) => sessionStorage.getItem(`kcheckout:confirm:toss:${key}`), target.searchParams.get('paymentKey'));
      assert.equal(JSON.parse(marker).state, 'done');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('Toss: an amount edited in the address (50000 → 100) shows AMOUNT_MISMATCH and is never confirmed', async () => {
    const { page, errors, target } = await payAndCapture('toss-checkout--redirect-mode', { pay: payWithToss });
    try {
      assert.equal(target.searchParams.get('amount'), '50000');
      target.searchParams.set('amount', '100');
      assert.equal(await storybook.gotoStory(page, LANDING, { query: target.search }), null);
      const shown = await landing(page);
      assert.equal(shown.state, 'invalid', shown.text);
      assert.equal(shown.code, 'AMOUNT_MISMATCH');
      assert.equal(shown.calls, 0);
      await page.reload();
      assert.equal(await storyVerdict(page), null);
      assert.equal((await landing(page)).calls, 0);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('PortOne V2: redirectUrl lands on <RedirectResult>, which shows success after exactly one confirm, also after a reload', async () => {
    // The MobileRedirect story's play function picks a card, agrees and approves.
    const { page, errors, target } = await payAndCapture('portone-v2-checkout--mobile-redirect');
    try {
      assert.equal(target.pathname, '/payment/result');
      assert.equal(target.searchParams.get('transactionType'), 'PAYMENT');
      assert.ok(target.searchParams.get('txId'));
      await expectConfirmedOnce(page, target.search, target.searchParams.get('paymentId'));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('iamport V1: m_redirect_url lands on <RedirectResult>, which shows success after exactly one confirm, also after a reload', async () => {
    const { page, errors, target } = await payAndCapture('portone-v1-iamport-checkout--mobile-redirect');
    try {
      assert.equal(target.pathname, '/payment/result');
      assert.match(target.searchParams.get('imp_uid'), /^imp_/);
      await expectConfirmedOnce(page, target.search, target.searchParams.get('merchant_uid'));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
