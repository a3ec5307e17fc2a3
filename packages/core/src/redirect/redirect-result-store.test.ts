import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIRM_MARKER_PREFIX, readConfirmMarker, writeConfirmMarker } from './confirm-once.js';
import { parseRedirect } from './parse-redirect.js';
import { parseTossRedirect } from '../toss/parse-toss-redirect.js';
import { rememberOrder } from './pending-orders.js';
import { type ConfirmableRedirect, createRedirectResult, type RedirectResultOptions, type RedirectResultStore } from './redirect-result-store.js';

// The result page's rules without a renderer: what a binding sees through getState / subscribe.
// happy-dom gives a real sessionStorage, where the confirm-once markers and remembered orders live.

let serial = 0;
/** Ids unique to each test: the store's in-page map of running confirms outlives a test. */
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial += 1)}`;

function tossSuccess(amount = 50000) {
  const orderId = unique('order_');
  const paymentKey = unique('tviva');
  return { orderId, paymentKey, query: `?paymentType=NORMAL&orderId=${orderId}&paymentKey=${paymentKey}&amount=${amount}` };
}

/** A confirm that answers like a merchant server after a tick, and records every call. */
function fakeServer(answer: (result: ConfirmableRedirect, call: number) => unknown = (result) => ({ orderId: result.orderId, paid: true })) {
  let calls = 0;
  return vi.fn(async (result: ConfirmableRedirect) => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 1));
    return answer(result, calls);
  });
}

function store(options: Partial<RedirectResultOptions> & Pick<RedirectResultOptions, 'confirm'>): RedirectResultStore {
  return createRedirectResult({ parse: parseRedirect, ...options });
}

/** Resolves with the first state other than `pending` / `confirming`. */
function settled(redirect: RedirectResultStore) {
  return vi.waitFor(() => {
    const { state } = redirect.getState();
    if (state === 'pending' || state === 'confirming') throw new Error(`still ${state}`);
    return redirect.getState();
  });
}

const markerOf = (paymentKey: string) => readConfirmMarker(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`);

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('given a Toss success redirect', () => {
  it('is pending until mounted, reads nothing before, then confirms once and shows what confirm resolved', async () => {
    const { orderId, paymentKey, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const confirm = fakeServer();
    const redirect = store({ search: query, confirm });
    const listener = vi.fn();
    redirect.subscribe(listener);

    expect(redirect.getState()).toMatchObject({ state: 'pending', result: { status: 'success', paymentKey }, canRetry: false });
    expect(redirect.getState()).toBe(redirect.getInitialState());
    expect(getItem).not.toHaveBeenCalled();

    redirect.mount();
    // The request starts in the mount's own task, so the page shows `confirming` at once.
    expect(redirect.getState().state).toBe('confirming');
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(markerOf(paymentKey)?.state).toBe('started');

    expect(await settled(redirect)).toMatchObject({ state: 'success', outcome: { orderId, paid: true }, error: null, canRetry: false });
    expect(confirm.mock.calls[0]![0]).toMatchObject({ provider: 'toss', orderId, paymentKey, amount: 50000 });
    expect(markerOf(paymentKey)).toMatchObject({ state: 'done', outcome: { orderId, paid: true } });
    expect(listener).toHaveBeenCalledTimes(2);
    // The server render's snapshot stays what it was, for hydration.
    expect(redirect.getInitialState().state).toBe('pending');
  });

  it("runs confirm once through StrictMode's mount, cleanup, mount, and for a second store on the same payment", async () => {
    const { query } = tossSuccess();
    const confirm = fakeServer();
    const redirect = store({ search: query, confirm });
    const cleanup = redirect.mount();
    cleanup();
    redirect.mount();
    const twin = store({ search: query, confirm });
    twin.mount();
    expect((await settled(redirect)).state).toBe('success');
    expect((await settled(twin)).state).toBe('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('leaves the state alone after the cleanup, and still records the answer for the next visit', async () => {
    const { paymentKey, query } = tossSuccess();
    let answer!: (value: unknown) => void;
    const confirm = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const redirect = store({ search: query, confirm });
    redirect.mount()();
    answer({ paid: true });
    await vi.waitFor(() => expect(markerOf(paymentKey)?.state).toBe('done'));
    expect(redirect.getState().state).toBe('confirming');
  });

  it('reads location.search at mount when no search is given', async () => {
    const { paymentKey, query } = tossSuccess();
    history.replaceState(null, '', `/payment/success${query}`);
    const confirm = fakeServer();
    const redirect = store({ confirm });
    expect(redirect.getState()).toMatchObject({ state: 'pending', result: null });
    redirect.mount();
    expect((await settled(redirect)).result).toMatchObject({ paymentKey });
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('without sessionStorage, still confirms once through StrictMode and a second store in the page load', async () => {
    const { query } = tossSuccess();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const confirm = fakeServer();
    const first = store({ search: query, confirm });
    first.mount()();
    first.mount();
    expect((await settled(first)).state).toBe('success');
    const again = store({ search: query, confirm });
    again.mount();
    expect((await settled(again)).state).toBe('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});

describe('given another page load of the tab (reload, back-navigation, a duplicated tab): only the sessionStorage markers', () => {
  /** A fresh copy of the module: a new page load, with an empty in-page map and the same sessionStorage. */
  async function nextPageLoad() {
    vi.resetModules();
    const fresh = await import('./redirect-result-store.js');
    return (options: Pick<RedirectResultOptions, 'search' | 'confirm'>) => fresh.createRedirectResult({ parse: parseRedirect, ...options });
  }

  it('shows success with the stored outcome after a done marker, without calling confirm', async () => {
    const { query } = tossSuccess();
    const confirm = fakeServer(() => ({ receipt: 'R-1' }));
    const first = store({ search: query, confirm });
    first.mount();
    await settled(first);

    const reloaded = (await nextPageLoad())({ search: query, confirm });
    reloaded.mount();
    expect(reloaded.getState()).toMatchObject({ state: 'success', outcome: { receipt: 'R-1' } });
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('after a started marker (a page that left mid-confirm) waits for the buyer, then retries on request', async () => {
    const { paymentKey, query } = tossSuccess();
    writeConfirmMarker(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`, 'started');
    const confirm = fakeServer();
    const reloaded = (await nextPageLoad())({ search: query, confirm });
    reloaded.mount();
    expect(reloaded.getState()).toMatchObject({ state: 'pending', interrupted: true, canRetry: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(confirm).not.toHaveBeenCalled();

    reloaded.retry();
    expect(reloaded.getState()).toMatchObject({ state: 'confirming', interrupted: false });
    expect((await settled(reloaded)).state).toBe('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('confirms again when the marker is gone: the marker, not memory, holds a reload back', async () => {
    const { paymentKey, query } = tossSuccess();
    const confirm = fakeServer();
    const first = store({ search: query, confirm });
    first.mount();
    await settled(first);
    sessionStorage.removeItem(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`);
    const reloaded = (await nextPageLoad())({ search: query, confirm });
    reloaded.mount();
    await settled(reloaded);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});

describe('given a confirm that fails', () => {
  it('after a network error shows fail with CONFIRM_FAILED, clears the marker, and a retry confirms', async () => {
    const { paymentKey, query } = tossSuccess();
    const confirm = fakeServer((_, call) => {
      if (call === 1) throw new TypeError('Failed to fetch');
      return { paid: true };
    });
    const redirect = store({ search: query, confirm });
    redirect.mount();
    const failed = await settled(redirect);
    expect(failed).toMatchObject({ state: 'fail', canRetry: true, error: { code: 'CONFIRM_FAILED', provider: 'toss' } });
    expect(failed.error?.cause).toBeInstanceOf(TypeError);
    expect(markerOf(paymentKey)).toBeNull();

    redirect.retry();
    expect(redirect.getState().state).toBe('confirming');
    expect(await settled(redirect)).toMatchObject({ state: 'success', outcome: { paid: true }, error: null });
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('offers no retry when what confirm threw says retryable: false, and retry() then calls nothing', async () => {
    const { query } = tossSuccess();
    const refusal = Object.assign(new Error('refunded'), { code: 'PAYMENT_REFUNDED', retryable: false });
    const confirm = vi.fn(async () => {
      throw refusal;
    });
    const redirect = store({ search: query, confirm });
    redirect.mount();
    const failed = await settled(redirect);
    expect(failed).toMatchObject({ state: 'fail', canRetry: false, error: { code: 'CONFIRM_FAILED', vendorCode: 'PAYMENT_REFUNDED', cause: refusal } });
    redirect.retry();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(redirect.getState()).toBe(failed);
  });

  it('reports a synchronous throw as fail, and keeps a CheckoutError it threw as the error', async () => {
    const { query } = tossSuccess();
    const redirect = store({
      search: query,
      confirm: () => {
        throw Object.assign(new Error('order closed'), { code: 'ORDER_CLOSED' });
      },
    });
    redirect.mount();
    expect(await settled(redirect)).toMatchObject({ state: 'fail', canRetry: true, error: { code: 'CONFIRM_FAILED', vendorCode: 'ORDER_CLOSED' } });
  });
});

describe('given a redirect that must not be confirmed', () => {
  it('flags an amount other than the remembered one (50000 ordered, 100 in the address) as AMOUNT_MISMATCH and never confirms', async () => {
    const { orderId, paymentKey, query } = tossSuccess(100);
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    const redirect = store({ search: query, confirm });
    redirect.mount();
    expect(redirect.getState()).toMatchObject({ state: 'invalid', result: { code: 'AMOUNT_MISMATCH' }, canRetry: false });
    expect(redirect.getState().result).not.toHaveProperty('paymentKey');
    redirect.retry();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(confirm).not.toHaveBeenCalled();
    expect(markerOf(paymentKey)).toBeNull();
  });

  it('lets expectedAmount win over the remembered order', () => {
    const { orderId, query } = tossSuccess(50000);
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    const redirect = store({ search: query, confirm, expectedAmount: 45000 });
    redirect.mount();
    expect(redirect.getState()).toMatchObject({ state: 'invalid', result: { code: 'AMOUNT_MISMATCH' } });
    expect(confirm).not.toHaveBeenCalled();
  });

  it.each([
    ['a vendor failure', '?code=REJECT_CARD_COMPANY&message=x&orderId=order_123456', 'fail'],
    ['a cancel', '?code=PAY_PROCESS_CANCELED&message=x', 'cancel'],
    ['an invalid query', '?paymentKey=tviva1&orderId=order_123456&amount=1e3', 'invalid'],
    ['no payment result', '?tab=orders', 'idle'],
    ['an empty search', '', 'idle'],
  ])('shows %s from the first state on, and never confirms', (_, search, state) => {
    const confirm = fakeServer();
    const redirect = store({ search, confirm });
    expect(redirect.getInitialState().state).toBe(state);
    redirect.mount();
    expect(redirect.getState()).toMatchObject({ state, error: null, canRetry: false });
    expect(confirm).not.toHaveBeenCalled();
  });

  it("reads only its own vendor with a one-vendor parser: another vendor's success is idle", () => {
    const confirm = fakeServer();
    const redirect = createRedirectResult({ parse: parseTossRedirect, search: '?imp_uid=imp_123456789012&merchant_uid=mid_123467890', confirm });
    redirect.mount();
    expect(redirect.getState().state).toBe('idle');
    expect(confirm).not.toHaveBeenCalled();
  });
});
