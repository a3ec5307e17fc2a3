import { afterEach, describe, expect, it, vi } from 'vitest';
import { type OptionsTable } from './checkout-store.js';
import { DriverSession } from './driver-session.js';
import { CheckoutError } from '../errors.js';
import { MethodCheckout } from './method-checkout.js';

// A fake vendor: no script, no React. `create` resolves when the test says so.
interface Options {
  id: string;
  nonce?: string;
}
interface Driver {
  id: string;
  pay(what: unknown): Promise<string>;
}
const table: OptionsTable<Options> = { id: 'remount', nonce: 'fixed' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeVendor() {
  const created: string[] = [];
  const paid: unknown[] = [];
  let fail: unknown = null;
  let hold: Promise<void> | null = null;
  const create = vi.fn(async (options: Options): Promise<Driver> => {
    created.push(options.id);
    if (hold) await hold;
    if (fail) throw fail;
    return { id: options.id, pay: async (what) => (paid.push(what), `paid ${options.id}`) };
  });
  const validate = (options: Options) => {
    if (!options.id.startsWith('store-')) throw new CheckoutError('INVALID_OPTION', 'id must start with store-');
  };
  return {
    created,
    paid,
    create,
    validate,
    failNext: (error: unknown) => (fail = error),
    succeed: () => (fail = null),
    holdLoads: () => {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => ((hold = null), release());
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('given a DriverSession', () => {
  it('loads once after a mount, unmount and remount in the same tick (StrictMode), then is ready', async () => {
    const vendor = fakeVendor();
    const session = new DriverSession({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    expect(session.getState()).toEqual({ status: 'loading', error: null, pending: false });
    session.mount()();
    session.mount();
    await tick();
    await tick();
    expect(vendor.created).toEqual(['store-1']);
    expect(session.getState().status).toBe('ready');
  });

  it('loads nothing before mount, so a server render has no side effects', async () => {
    const vendor = fakeVendor();
    new DriverSession({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    await tick();
    expect(vendor.create).not.toHaveBeenCalled();
  });

  it('refuses bad options before loading; a retry cannot fix them, new options can', async () => {
    const vendor = fakeVendor();
    const session = new DriverSession({ id: 'bad' }, 'portone', vendor.create, vendor.validate, table);
    session.mount();
    expect(session.getState()).toMatchObject({ status: 'error', error: { code: 'INVALID_OPTION' } });
    session.retry();
    await tick();
    expect(vendor.create).not.toHaveBeenCalled();
    session.update({ id: 'store-2' });
    await tick();
    await tick();
    expect(session.getState()).toMatchObject({ status: 'ready', error: null });
    expect(vendor.created).toEqual(['store-2']);
  });

  it('reports a failed load as an error that a retry fixes', async () => {
    const vendor = fakeVendor();
    vendor.failNext(new CheckoutError('SCRIPT_LOAD_FAILED', 'offline'));
    const session = new DriverSession({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    session.mount();
    await tick();
    await tick();
    expect(session.getState()).toMatchObject({ status: 'error', error: { code: 'SCRIPT_LOAD_FAILED' } });
    vendor.succeed();
    session.retry();
    expect(session.getState().status).toBe('loading');
    await tick();
    await tick();
    expect(session.getState().status).toBe('ready');
    expect(vendor.created).toHaveLength(2);
  });

  it('reloads for a remount key, keeps the driver for a fixed key (and warns), per its table', async () => {
    const vendor = fakeVendor();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const session = new DriverSession<Options, Driver>({ id: 'store-1', nonce: 'a' }, 'portone', vendor.create, vendor.validate, table);
    session.mount();
    await tick();
    await tick();
    session.update({ id: 'store-1', nonce: 'b' });
    await tick();
    expect(vendor.created).toEqual(['store-1']);
    expect(session.getState().status).toBe('ready');
    expect(warn).toHaveBeenCalledTimes(1);
    session.update({ id: 'store-2', nonce: 'b' });
    expect(session.getState().status).toBe('loading');
    await tick();
    await tick();
    expect(vendor.created).toEqual(['store-1', 'store-2']);
    expect(await session.run((driver) => driver.pay('x'))).toBe('paid store-2');
  });

  it('drops a load that finished after the options moved on: the newer load wins', async () => {
    const vendor = fakeVendor();
    const release = vendor.holdLoads();
    const session = new DriverSession<Options, Driver>({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    session.mount();
    await tick();
    session.update({ id: 'store-2' });
    release();
    await tick();
    await tick();
    await tick();
    expect(vendor.created).toEqual(['store-1', 'store-2']);
    expect(await session.run((driver) => Promise.resolve(driver.id))).toBe('store-2');
  });

  it('makes one request for two calls while one is in flight, pending meanwhile', async () => {
    const vendor = fakeVendor();
    const session = new DriverSession<Options, Driver>({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    session.mount();
    await tick();
    await tick();
    let finish!: (value: string) => void;
    const call = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = session.run(call);
    const second = session.run(call);
    expect(second).toBe(first);
    expect(call).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'pending', pending: true });
    finish('done');
    await first;
    await tick();
    expect(session.getState()).toMatchObject({ status: 'ready', pending: false });
  });

  it('refuses a request before the SDK is ready with INVALID_OPTION', () => {
    const vendor = fakeVendor();
    const session = new DriverSession<Options, Driver>({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    expect(() => session.run((driver) => driver.pay('x'))).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('notifies subscribers on each change and stops after unsubscribe', async () => {
    const vendor = fakeVendor();
    const session = new DriverSession({ id: 'store-1' }, 'portone', vendor.create, vendor.validate, table);
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    session.mount();
    await tick();
    await tick();
    expect(listener).toHaveBeenCalled();
    const calls = listener.mock.calls.length;
    unsubscribe();
    session.update({ id: 'store-9' });
    expect(listener).toHaveBeenCalledTimes(calls);
  });
});

describe('given a MethodCheckout (PortOne V2 / iamport V1 without a widget)', () => {
  const card = { type: 'card' } as const;
  const create = (amount = 50000, defaultMethod: typeof card | null = null) => {
    const vendor = fakeVendor();
    const checkout = new MethodCheckout<Options, Driver>({ id: 'store-1', amount }, 'portone', vendor.create, vendor.validate, table, defaultMethod);
    return { vendor, checkout };
  };

  it('derives canPay: ready, a method picked, and the terms agreed while the checkbox is shown', async () => {
    const { checkout } = create();
    checkout.mount();
    expect(checkout.getState()).toMatchObject({ status: 'loading', canPay: false });
    await tick();
    await tick();
    expect(checkout.getState()).toMatchObject({ status: 'ready', selected: null, canPay: false });
    checkout.select(card);
    expect(checkout.getState().canPay).toBe(true);
    checkout.setAgreementShown(true);
    expect(checkout.getState().canPay).toBe(false);
    checkout.setAgreed(true);
    expect(checkout.getState().canPay).toBe(true);
  });

  it('refuses a bad amount before any script loads, and loads once it is fixed', async () => {
    const { vendor, checkout } = create(Number.NaN, card);
    checkout.mount();
    expect(checkout.getState()).toMatchObject({ status: 'error', error: { code: 'INVALID_AMOUNT' }, money: null, canPay: false });
    await tick();
    expect(vendor.create).not.toHaveBeenCalled();
    checkout.update({ id: 'store-1', amount: 30000 });
    await tick();
    await tick();
    expect(checkout.getState()).toMatchObject({ status: 'ready', money: { value: 30000, currency: 'KRW' }, canPay: true });
  });

  it('takes an amount change live (no reload) and pays the new amount with the picked method', async () => {
    const { vendor, checkout } = create(50000, card);
    checkout.mount();
    await tick();
    await tick();
    checkout.update({ id: 'store-1', amount: 45000, currency: 'CURRENCY_KRW' });
    await tick();
    expect(vendor.created).toHaveLength(1);
    const sent = await checkout.pay((driver, money, method) => driver.pay({ money, method }));
    expect(sent).toBe('paid store-1');
    expect(vendor.paid).toEqual([{ money: { value: 45000, currency: 'KRW' }, method: card }]);
  });
});
