import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckoutError } from '../errors.js';
import { PAYPAL_UI_CONTAINER_CLASS, PayPalButtonsStore, type PayPalButtonsOptions, type PayPalUIRequest, type PayPalVendor } from './paypal-buttons.js';

// A fake vendor: no script, no React. Each call settles when the test says so, or at once.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const flush = async (times = 5) => {
  for (let i = 0; i < times; i++) await tick();
};

function fakeVendor() {
  const loads: PayPalUIRequest[] = [];
  const updates: PayPalUIRequest[] = [];
  let callbacks: Parameters<PayPalVendor['loadPaymentUI']>[1] | null = null;
  const vendor: PayPalVendor = {
    loadPaymentUI: vi.fn(async (request, given) => {
      loads.push(request);
      callbacks = given;
    }),
    updateLoadPaymentUIRequest: vi.fn(async (request) => {
      updates.push(request);
      await tick();
    }),
  };
  const load = vi.fn(async () => vendor);
  return { loads, updates, load, vendor, callbacks: () => callbacks! };
}

const options = (overrides: Partial<PayPalButtonsOptions> = {}): PayPalButtonsOptions => ({
  storeId: 'store-00000000-0000-4000-8000-000000000000',
  channelKey: 'channel-key-00000000-0000-4000-8000-000000000000',
  paymentId: 'paypal-0001',
  orderName: 'Green tea',
  amount: 12.5,
  currency: 'USD',
  ...overrides,
});

function uiContainer(): HTMLDivElement {
  const element = document.createElement('div');
  element.className = PAYPAL_UI_CONTAINER_CLASS;
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('given PayPalButtons with a container', () => {
  it('loads the UI once with the request in minor units, and reports ready', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    expect(store.getState().status).toBe('loading');
    await flush();
    expect(fake.loads).toEqual([
      {
        uiType: 'PAYPAL_SPB',
        storeId: options().storeId,
        channelKey: options().channelKey,
        paymentId: 'paypal-0001',
        orderName: 'Green tea',
        totalAmount: 1250,
        currency: 'USD',
      },
    ]);
    expect(store.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it("loads once through StrictMode's mount, unmount and remount in one tick", async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount()();
    store.mount();
    await flush();
    expect(fake.load).toHaveBeenCalledTimes(1);
    expect(fake.loads).toHaveLength(1);
  });

  it('sends ten amount changes as updates, never as a second load', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    for (let i = 1; i <= 10; i++) {
      store.update(options({ amount: 12.5 + i }));
      await flush();
    }
    expect(fake.loads).toHaveLength(1);
    expect(fake.updates.map((request) => request.totalAmount)).toEqual([1350, 1450, 1550, 1650, 1750, 1850, 1950, 2050, 2150, 2250]);
  });

  it('sends one update at a time, the latest request winning', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    for (let i = 1; i <= 10; i++) store.update(options({ amount: 20 + i }));
    await flush(10);
    expect(fake.loads).toHaveLength(1);
    expect(fake.updates.at(-1)!.totalAmount).toBe(3000);
    expect(fake.updates.length).toBeLessThan(10);
  });

  it('sends nothing for a re-render with the same values', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    store.update(options());
    await flush();
    expect(fake.updates).toEqual([]);
  });

  it('waits for a container, and loads nothing after unmount', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    const stop = store.mount();
    await flush();
    expect(fake.loads).toEqual([]);
    stop();
    store.attach(uiContainer());
    await flush();
    expect(fake.loads).toEqual([]);
  });

  it('reports success, fail and cancel once each, with the amount the buttons held', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    const results: unknown[] = [];
    store.onResult((result) => results.push(result));
    store.attach(uiContainer());
    store.mount();
    await flush();
    store.update(options({ amount: 19.99 }));
    await flush();
    fake.callbacks().onPaymentSuccess({ paymentId: 'paypal-0001', txId: 'tx-1' });
    fake.callbacks().onPaymentFail(Object.assign(new Error('[DECLINED] refused'), { code: 'FAILURE_TYPE_PG' }));
    fake.callbacks().onPaymentFail(Object.assign(new Error('사용자가 결제를 취소하였습니다.'), { code: 'FAILURE_TYPE_PG' }));
    expect(results).toMatchObject([
      { status: 'success', provider: 'portone', orderId: 'paypal-0001', amount: 19.99, currency: 'USD', paymentId: 'paypal-0001', txId: 'tx-1' },
      { status: 'fail', code: 'FAILURE_TYPE_PG', amount: 19.99, error: { code: 'VENDOR_ERROR', vendorCode: 'FAILURE_TYPE_PG' } },
      { status: 'cancel', code: 'FAILURE_TYPE_PG' },
    ]);
    expect(store.getState().result).toMatchObject({ status: 'cancel' });
  });

  it('drops a result that arrives after unmount', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    const results: unknown[] = [];
    store.onResult((result) => results.push(result));
    store.attach(uiContainer());
    const stop = store.mount();
    await flush();
    stop();
    fake.callbacks().onPaymentSuccess({ paymentId: 'paypal-0001', txId: 'tx-1' });
    expect(results).toEqual([]);
  });

  it('loads again into the emptied container when the channel changes', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    const container = uiContainer();
    store.attach(container);
    store.mount();
    await flush();
    container.append(document.createElement('iframe'));
    store.update(options({ channelKey: 'channel-key-11111111-1111-4111-8111-111111111111' }));
    await flush();
    expect(fake.load).toHaveBeenCalledTimes(2);
    expect(fake.loads.map((request) => request.channelKey)).toEqual([options().channelKey, 'channel-key-11111111-1111-4111-8111-111111111111']);
    expect(container.childElementCount).toBe(0);
  });

  it('reports a vendor refusal as a VENDOR_ERROR with its code', async () => {
    const fake = fakeVendor();
    vi.mocked(fake.vendor.loadPaymentUI).mockRejectedValueOnce(Object.assign(new Error('no container'), { code: 'FailedPrecondition' }));
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    expect(store.getState().error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'FailedPrecondition' });
  });
});

describe('given options PayPal cannot take', () => {
  const errorFor = (overrides: Partial<PayPalButtonsOptions>) => new PayPalButtonsStore(options(overrides), fakeVendor().load).getState().error;

  it('refuses KRW and amounts in fractions of a cent, before any load', () => {
    expect(errorFor({ currency: 'KRW' as 'USD', amount: 50000 })).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect(errorFor({ amount: 12.345 })).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect(errorFor({ amount: 0 })).toMatchObject({ code: 'INVALID_AMOUNT' });
  });

  it('refuses a bad paymentId, an empty orderName, a secret and a channel id', () => {
    expect(errorFor({ paymentId: 'a b' })).toMatchObject({ code: 'INVALID_ORDER_ID' });
    expect(errorFor({ orderName: ' ' })).toMatchObject({ code: 'INVALID_OPTION' });
    expect(errorFor({ storeId: 'A'.repeat(64) })).toBeInstanceOf(CheckoutError);
    expect(errorFor({ channelKey: 'channel-id-00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'INVALID_KEY' });
  });

  it('refuses a container that is not the first .portone-ui-container, where PortOne would render instead', async () => {
    uiContainer();
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options(), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    expect(store.getState().error).toMatchObject({ code: 'UI_CONTAINER_CONFLICT' });
    expect(fake.loads).toEqual([]);
  });

  it('clears an option error once the options are fixed', async () => {
    const fake = fakeVendor();
    const store = new PayPalButtonsStore(options({ amount: -1 }), fake.load);
    store.attach(uiContainer());
    store.mount();
    await flush();
    expect(fake.loads).toEqual([]);
    store.update(options());
    await flush();
    expect(store.getState().status).toBe('ready');
  });
});
