import { describe, expect, it, vi } from 'vitest';
import { TossCheckout } from './toss-checkout.js';
import type { TossCheckoutOptions } from './toss-checkout-options.js';
import { CheckoutError, createTossWidgetV1, tossV1, type TossWidgetFactory } from '../index.js';

const base: TossCheckoutOptions = { clientKey: 'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm', customerKey: 'buyer_1', amount: 50000 };

describe('given the SDK generation a Toss checkout is asked for', () => {
  it("refuses sdk: 'v1' with INVALID_OPTION, and the message says to pass sdk={tossV1} and where it comes from", () => {
    const { error } = new TossCheckout({ ...base, sdk: 'v1' }).getState();
    expect(error?.code).toBe('INVALID_OPTION');
    expect(error?.message).toContain('sdk={tossV1}');
    expect(error?.message).toContain("'@kcheckout/react/toss'");
  });

  it('accepts the v1 driver passed in (tossV1, the same function as createTossWidgetV1), v2 by name, and no sdk at all', () => {
    expect(tossV1).toBe(createTossWidgetV1);
    for (const sdk of [tossV1, 'v2', undefined] as const) {
      expect(new TossCheckout({ ...base, sdk }).getState().error).toBeNull();
    }
  });

  it('refuses anything else with INVALID_OPTION', () => {
    expect(new TossCheckout({ ...base, sdk: 'v3' as 'v2' }).getState().error?.code).toBe('INVALID_OPTION');
  });
});

// A fake Toss driver passed in as `sdk`, the way tossV1 is: it logs every vendor call, and the
// test decides when the agreement widget reports. No script, no React.
function fakeToss({ failCreate = false } = {}) {
  const calls: Array<[string, ...unknown[]]> = [];
  const agreement: { report?: (agreed: boolean) => void } = {};
  let creates = 0;
  const sdk: TossWidgetFactory = async (options) => {
    creates++;
    calls.push(['create', options.customerKey]);
    if (failCreate && creates === 1) throw new CheckoutError('SCRIPT_LOAD_FAILED', 'offline', { provider: 'toss' });
    return {
      sdk: 'v2',
      setAmount: async (money) => void calls.push(['setAmount', money.value]),
      renderPaymentMethods: async (selector, _money, variantKey) => {
        calls.push(['renderPaymentMethods', selector, variantKey]);
        return { destroy: async () => void calls.push(['destroyMethods']) };
      },
      renderAgreement: async (_selector, _variantKey, events) => {
        calls.push(['renderAgreement']);
        agreement.report = (agreed) => events.onAgreementChange?.(agreed);
        return { agreed: null, destroy: async () => void calls.push(['destroyAgreement']) };
      },
      requestPayment: async (order, money) => {
        calls.push(['requestPayment', order.orderId, money.value]);
        return { status: 'success', provider: 'toss', orderId: order.orderId, amount: money.value, currency: money.currency, paymentKey: 'pk_1', raw: null };
      },
    };
  };
  const named = (name: string) => calls.filter(([call]) => call === name);
  return { sdk, calls, named, agreement };
}

/** Lets the scheduled pass and the fake vendor's promises run. */
const settled = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const order = { orderId: 'order_core_001', orderName: '생수 외 1건' };

function mountWith(options: Partial<TossCheckoutOptions> & { sdk: TossWidgetFactory }, { withAgreement = true } = {}) {
  const checkout = new TossCheckout({ ...base, ...options });
  const methods = document.createElement('div');
  const terms = document.createElement('div');
  document.body.append(methods, terms);
  checkout.attachPaymentMethods(methods);
  if (withAgreement) checkout.attachAgreement(terms);
  // StrictMode mounts, unmounts and mounts again in one tick.
  checkout.mount()();
  const unmount = checkout.mount();
  return { checkout, unmount };
}

describe('given a Toss checkout on a fake driver, without React', () => {
  it('loads once and renders each widget once across a StrictMode mount cycle, then derives ready', async () => {
    const toss = fakeToss();
    const { checkout } = mountWith({ sdk: toss.sdk });
    expect(checkout.getState()).toMatchObject({ status: 'loading', canPay: false });
    await settled();
    expect(toss.named('create')).toHaveLength(1);
    expect(toss.named('renderPaymentMethods')).toHaveLength(1);
    expect(toss.named('renderAgreement')).toHaveLength(1);
    // v2 needs the amount before it renders: the first call is setAmount.
    expect(toss.calls.slice(1, 3).map(([call]) => call)).toEqual(['setAmount', 'renderPaymentMethods']);
    expect(checkout.getState()).toMatchObject({ status: 'ready', methodsReady: true, agreementReady: true, agreed: null });
  });

  it('derives canPay from the terms: unknown lets a click through, disagreed blocks it, agreed allows it', async () => {
    const toss = fakeToss();
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    expect(checkout.getState().canPay).toBe(true);
    toss.agreement.report!(false);
    expect(checkout.getState()).toMatchObject({ agreed: false, canPay: false });
    toss.agreement.report!(true);
    expect(checkout.getState()).toMatchObject({ agreed: true, canPay: true });
  });

  it('sends an amount change with setAmount and never renders the widget again', async () => {
    const toss = fakeToss();
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    checkout.update({ ...base, sdk: toss.sdk, amount: 45000 });
    await settled();
    expect(toss.named('setAmount').map(([, value]) => value)).toEqual([50000, 45000]);
    expect(toss.named('renderPaymentMethods')).toHaveLength(1);
  });

  it('requests payment once for a double call, pending meanwhile, with the amount on screen', async () => {
    const toss = fakeToss();
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    checkout.update({ ...base, sdk: toss.sdk, amount: 39000 });
    const first = checkout.requestPayment(order);
    expect(checkout.requestPayment(order)).toBe(first);
    expect(checkout.getState()).toMatchObject({ status: 'pending', paying: true, canPay: false });
    expect(await first).toMatchObject({ status: 'success', amount: 39000 });
    await settled();
    expect(toss.named('requestPayment')).toEqual([['requestPayment', order.orderId, 39000]]);
    expect(checkout.getState()).toMatchObject({ status: 'ready', paying: false });
  });

  it("refuses an order the vendor would refuse (validateOrder) before calling it", async () => {
    const toss = fakeToss();
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    expect(() => checkout.requestPayment({ orderId: 'bad id!', orderName: '생수' })).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID' }));
    expect(() => checkout.requestPayment({ orderId: 'order_core_002', orderName: 'x'.repeat(101) })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(toss.named('requestPayment')).toHaveLength(0);
  });

  it('tears down and loads again for a new customerKey; a new variantKey only warns (fixed)', async () => {
    const toss = fakeToss();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    checkout.update({ ...base, sdk: toss.sdk, variantKey: 'WIDGET_B' });
    await settled();
    expect(toss.named('renderPaymentMethods')).toHaveLength(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"variantKey"');
    checkout.update({ ...base, sdk: toss.sdk, variantKey: 'WIDGET_B', customerKey: 'buyer_2' });
    await settled();
    expect(toss.named('create').map(([, key]) => key)).toEqual(['buyer_1', 'buyer_2']);
    expect(toss.named('destroyMethods')).toHaveLength(1);
    expect(toss.named('renderPaymentMethods')).toHaveLength(2);
    expect(checkout.getState().status).toBe('ready');
    warn.mockRestore();
  });

  it('shows a failed load as an error that retry fixes; an option error ignores retry', async () => {
    const toss = fakeToss({ failCreate: true });
    const { checkout } = mountWith({ sdk: toss.sdk });
    await settled();
    expect(checkout.getState()).toMatchObject({ status: 'error', error: { code: 'SCRIPT_LOAD_FAILED' }, canPay: false });
    checkout.retry();
    await settled();
    expect(checkout.getState().status).toBe('ready');

    const refused = new TossCheckout({ ...base, sdk: toss.sdk, amount: -1 });
    refused.mount();
    refused.retry();
    await settled();
    expect(refused.getState()).toMatchObject({ status: 'error', error: { code: 'INVALID_AMOUNT' } });
    expect(toss.named('create')).toHaveLength(2);
  });

  it('destroys both widgets after unmount', async () => {
    const toss = fakeToss();
    const { unmount } = mountWith({ sdk: toss.sdk });
    await settled();
    unmount();
    await settled();
    expect(toss.named('destroyMethods')).toHaveLength(1);
    expect(toss.named('destroyAgreement')).toHaveLength(1);
  });

  it('waits for the agreement widget before allowing payment when its container is on the page', async () => {
    const toss = fakeToss();
    const checkout = new TossCheckout({ ...base, sdk: toss.sdk });
    checkout.attachPaymentMethods(document.createElement('div'));
    checkout.attachAgreement(document.createElement('div'));
    expect(checkout.getState()).toMatchObject({ agreementAttached: true, canPay: false });
  });
});
