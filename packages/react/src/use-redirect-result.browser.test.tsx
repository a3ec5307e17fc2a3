import {
  CONFIRM_MARKER_PREFIX,
  paymentMarkerKey,
  parseRedirect,
  readConfirmMarker,
  rememberOrder,
  writeConfirmMarker,
} from '@kcheckout/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { type ReactElement, StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ConfirmableRedirect,
  en,
  RedirectResult,
  type RedirectResultProps,
  useRedirectResult,
  type UseRedirectResultOptions,
} from './index.js';
import { axeViolations } from './test-utils/axe.js';

// Real Chromium, real sessionStorage: the confirm-once markers and the remembered orders live there.

let serial = 0;
/** Ids unique to each test, so no test sees another's markers or in-flight confirms. */
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial += 1)}`;

function tossSuccess(amount = 50000) {
  const orderId = unique('order_');
  const paymentKey = unique('tviva');
  return { orderId, paymentKey, query: `?paymentType=NORMAL&orderId=${orderId}&paymentKey=${paymentKey}&amount=${amount}` };
}

function clearKcheckoutStorage() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('kcheckout:')) sessionStorage.removeItem(key);
}

const originalUrl = location.pathname + location.search;
let root: Root | null = null;
beforeEach(clearKcheckoutStorage);
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  cleanup();
  document.body.innerHTML = '';
  history.replaceState(history.state, '', originalUrl);
  clearKcheckoutStorage();
  vi.restoreAllMocks();
});

/** A confirm that answers like a merchant server and records every call. */
function fakeServer(answer: (result: ConfirmableRedirect, call: number) => unknown = (result) => ({ orderId: result.orderId, paid: true })) {
  let calls = 0;
  return vi.fn(async (result: ConfirmableRedirect) => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return answer(result, calls);
  });
}

/** What the hook returns, printed as attributes so a test can wait on it. */
function Probe(props: UseRedirectResultOptions) {
  const { state, result, error, outcome, interrupted, retry } = useRedirectResult(props);
  return (
    <div data-testid="probe" data-state={state} data-code={result?.code ?? ''} data-error={error?.code ?? ''} data-interrupted={String(interrupted)}>
      <output data-testid="outcome">{outcome === undefined ? '' : JSON.stringify(outcome)}</output>
      <button type="button" onClick={retry}>retry</button>
    </div>
  );
}

const probe = () => screen.getByTestId('probe');
const stateOf = () => probe().getAttribute('data-state');
const view = () => document.querySelector('[data-kcheckout="redirect-result"]')!;

async function settled(state: string) {
  await waitFor(() => expect(stateOf()).toBe(state));
}

async function resultState(state: string) {
  await waitFor(() => expect(view().getAttribute('data-state')).toBe(state));
}

describe('given a Toss success redirect', () => {
  it('calls confirm exactly once under StrictMode and shows what it resolved', async () => {
    const { orderId, paymentKey, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toMatchObject({ provider: 'toss', status: 'success', orderId, paymentKey, amount: 50000 });
    expect(JSON.parse(screen.getByTestId('outcome').textContent!)).toEqual({ orderId, paid: true });
    expect(readConfirmMarker(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`)?.state).toBe('done');
  });

  it('does not call confirm again on a reload: the sessionStorage marker answers, with the stored outcome', async () => {
    const { orderId, paymentKey, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    const first = render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    first.unmount();

    // The "reloaded" page: a new tree, the same query, the markers still in sessionStorage.
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(JSON.parse(screen.getByTestId('outcome').textContent!)).toEqual({ orderId, paid: true });
    cleanup();

    // It is the marker that held it back, not memory: without it the next visit confirms again.
    sessionStorage.removeItem(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`);
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('trusts a done marker from an earlier page load without calling confirm', async () => {
    const { paymentKey, query } = tossSuccess();
    const parsed = parseRedirect(query)!;
    expect(paymentMarkerKey(parsed)).toBe(`${CONFIRM_MARKER_PREFIX}toss:${paymentKey}`);
    writeConfirmMarker(paymentMarkerKey(parsed)!, 'done', { receipt: 'r_1' });
    const confirm = fakeServer();
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('outcome').textContent).toBe('{"receipt":"r_1"}');
  });

  it('does not call confirm again after back-navigation to the result page (location.search, no search prop)', async () => {
    const { orderId, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    history.pushState(null, '', location.pathname + query);
    const page = render(<StrictMode><Probe confirm={confirm} /></StrictMode>);
    await settled('success');

    // The buyer goes on to another page, then presses Back.
    page.unmount();
    history.pushState(null, '', `${location.pathname}?tab=orders`);
    const back = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await back;
    expect(location.search).toBe(query);
    render(<StrictMode><Probe confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('shows fail with a retry when confirm rejects, and the retry confirms again and succeeds', async () => {
    const { query } = tossSuccess();
    const confirm = fakeServer((_, call) => {
      if (call === 1) throw new Error('502 Bad Gateway');
      return { paid: true };
    });
    render(<StrictMode><RedirectResult search={query} confirm={confirm} /></StrictMode>);
    await resultState('fail');
    expect(confirm).toHaveBeenCalledTimes(1);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('결제 승인을 완료하지 못했습니다.');
    // What confirm threw is the developer's to read (the console), not the buyer's.
    expect(alert.textContent).not.toContain('502 Bad Gateway');
    // The failed call leaves no marker, so a reload could also try again.
    expect(readConfirmMarker(paymentMarkerKey(parseRedirect(query))!)).toBeNull();

    act(() => screen.getByRole('button', { name: '다시 시도' }).click());
    await resultState('success');
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain('결제가 완료되었습니다.');
    expect(screen.getByRole('status').textContent).toContain('50,000원');
  });

  it('reports a synchronous throw as fail with error CONFIRM_FAILED carrying the thrown code', async () => {
    const { query } = tossSuccess();
    const confirm = vi.fn(() => {
      throw Object.assign(new Error('order closed'), { code: 'ORDER_CLOSED' });
    });
    render(<Probe search={query} confirm={confirm} />);
    await settled('fail');
    expect(probe().getAttribute('data-error')).toBe('CONFIRM_FAILED');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('after an interrupted confirm (a started marker from an earlier visit), waits for the buyer before asking again', async () => {
    const { query } = tossSuccess();
    writeConfirmMarker(paymentMarkerKey(parseRedirect(query))!, 'started');
    const confirm = fakeServer();
    render(<StrictMode><RedirectResult search={query} confirm={confirm} /></StrictMode>);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('결제 승인 확인이 중단되었습니다.'));
    expect(view().getAttribute('data-state')).toBe('pending');
    expect(confirm).not.toHaveBeenCalled();

    act(() => screen.getByRole('button', { name: '결제 다시 확인하기' }).click());
    await resultState('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('records the answer of a confirm that settles after an unmount, so the next visit does not call it again', async () => {
    const { query } = tossSuccess();
    let answer!: (value: unknown) => void;
    const confirm = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const page = render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('confirming');
    expect(readConfirmMarker(paymentMarkerKey(parseRedirect(query))!)?.state).toBe('started');
    page.unmount();
    await act(async () => answer({ paid: true }));
    expect(readConfirmMarker(paymentMarkerKey(parseRedirect(query))!)).toMatchObject({ state: 'done', outcome: { paid: true } });

    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('without sessionStorage, still confirms once under StrictMode and on a remount in the same page load', async () => {
    const { query } = tossSuccess();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const confirm = fakeServer();
    const page = render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    page.unmount();
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});

describe('given an amount that differs from the order', () => {
  it('flags AMOUNT_MISMATCH against the remembered order (50000 ordered, 100 in the address) and never confirms', async () => {
    const { orderId, query } = tossSuccess(100);
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    render(<StrictMode><RedirectResult search={query} confirm={confirm} /></StrictMode>);
    await resultState('invalid');
    expect(view().getAttribute('data-code')).toBe('AMOUNT_MISMATCH');
    expect(screen.getByRole('alert').textContent).toContain('결제 금액이 주문 금액과 달라');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(confirm).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(paymentMarkerKey(parseRedirect(query))!)).toBeNull();
  });

  it('flags AMOUNT_MISMATCH against expectedAmount, which wins over the remembered order', async () => {
    const { orderId, query } = tossSuccess(50000);
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    render(<Probe search={query} confirm={confirm} expectedAmount={45000} />);
    await settled('invalid');
    expect(probe().getAttribute('data-code')).toBe('AMOUNT_MISMATCH');
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('given the vendor examples', () => {
  const confirmed = async (search: string, expected: Partial<ConfirmableRedirect>) => {
    const confirm = fakeServer();
    render(<StrictMode><Probe search={search} confirm={confirm} /></StrictMode>);
    await settled('success');
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toMatchObject({ status: 'success', ...expected });
  };

  it('PortOne V2 payment: confirms paymentId with txId', async () => {
    const paymentId = unique('payment-');
    const txId = '0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e0f';
    await confirmed(`/payment/result?paymentId=${paymentId}&transactionType=PAYMENT&txId=${txId}`, { provider: 'portone', paymentId, txId, orderId: paymentId });
  });

  it('PortOne V2 billing key: confirms the issued billingKey, and the default view says it was registered', async () => {
    const billingKey = unique('billing-key-');
    await confirmed(`?billingKey=${billingKey}&transactionType=ISSUE_BILLING_KEY`, { provider: 'portone', billingKey });
    cleanup();
    render(<RedirectResult search={`?billingKey=${billingKey}&transactionType=ISSUE_BILLING_KEY`} confirm={fakeServer()} />);
    await resultState('success');
    expect(screen.getByRole('heading').textContent).toBe('결제수단이 등록되었습니다.');
  });

  it('iamport V1: confirms imp_uid and merchant_uid, whatever the deprecated imp_success says', async () => {
    const impUid = unique('imp_');
    const merchantUid = unique('mid_');
    await confirmed(`?imp_uid=${impUid}&merchant_uid=${merchantUid}&imp_success=false`, { provider: 'iamport', impUid, orderId: merchantUid });
  });

  it.each([
    ['Toss fail', 'fail', `?code=REJECT_CARD_COMPANY&message=${encodeURIComponent('카드사에서 결제를 거절했습니다.')}&orderId=order_123456`, '카드사에서 결제를 거절했습니다.'],
    ['Toss cancel', 'cancel', `?code=PAY_PROCESS_CANCELED&message=${encodeURIComponent('사용자에 의해 결제가 취소되었습니다.')}&orderId=order_123456`, '결제가 취소되었습니다.'],
    ['Toss invalid (no paymentKey)', 'invalid', '?orderId=order_123456&amount=50000', '결제 결과를 확인할 수 없습니다.'],
    ['Toss invalid (amount=1e3)', 'invalid', '?paymentKey=tviva1&orderId=order_123456&amount=1e3', 'INVALID_AMOUNT'],
    ['PortOne fail', 'fail', `?paymentId=payment-1a&txId=tx-1&code=FAILURE_TYPE_PG&message=${encodeURIComponent('[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.')}`, '카드사에서 승인을 거절했습니다.'],
    ['PortOne cancel', 'cancel', `?paymentId=payment-1a&code=FAILURE_TYPE_PG&message=${encodeURIComponent('사용자가 결제를 취소하였습니다.')}`, '결제가 취소되었습니다.'],
    ['iamport fail', 'fail', `?imp_uid=imp_1&merchant_uid=mid_1&error_code=F400&error_msg=${encodeURIComponent('[카드사 승인 거절] 카드사에서 승인을 거절했습니다.')}`, '카드사에서 승인을 거절했습니다.'],
    ['iamport cancel', 'cancel', `?imp_uid=imp_1&merchant_uid=mid_1&imp_success=true&error_code=F400&error_msg=${encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다')}`, '결제가 취소되었습니다.'],
  ])('%s: shows %s without calling confirm', async (_, state, search, text) => {
    const confirm = fakeServer();
    render(<StrictMode><RedirectResult search={search} confirm={confirm} /></StrictMode>);
    await resultState(state);
    expect(view().textContent).toContain(text);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('given script or HTML in the vendor message', () => {
  const payload = '<script>window.__kcheckoutPwned = 1</script><img src=x onerror="window.__kcheckoutPwned = 2"><b>bold</b>';

  it.each([
    ['Toss', `?code=REJECT_CARD_COMPANY&message=${encodeURIComponent(payload)}&orderId=order_123456`],
    ['PortOne', `?paymentId=payment-1a&code=FAILURE_TYPE_PG&message=${encodeURIComponent(payload)}`],
    ['iamport', `?imp_uid=imp_1&merchant_uid=mid_1&error_code=F400&error_msg=${encodeURIComponent(payload)}`],
  ])('%s: prints it as text and injects no element', async (_, search) => {
    render(<RedirectResult search={search} confirm={fakeServer()} />);
    await resultState('fail');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(view().textContent).toContain(payload);
    expect(view().querySelectorAll('script, img, b')).toHaveLength(0);
    expect((window as { __kcheckoutPwned?: number }).__kcheckoutPwned).toBeUndefined();
  });
});

describe('given no payment result in the address', () => {
  it('is idle when location.search has none, and never calls confirm', async () => {
    history.replaceState(null, '', `${location.pathname}?tab=orders`);
    const confirm = fakeServer();
    render(<StrictMode><RedirectResult confirm={confirm} /></StrictMode>);
    await resultState('idle');
    expect(screen.getByRole('status').textContent).toContain('결제 결과가 없습니다.');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('is idle from the first render with an empty search prop', () => {
    render(<Probe search="" confirm={fakeServer()} />);
    expect(stateOf()).toBe('idle');
  });
});

describe('given render props and messages', () => {
  it('hands each state its props: success gets the result and outcome', async () => {
    const { query, paymentKey } = tossSuccess();
    const props: RedirectResultProps<{ receipt: string }> = {
      search: query,
      confirm: async () => ({ receipt: 'R-1' }),
      success: ({ result, outcome }) => <p data-testid="mine">{`${result.paymentKey} ${outcome?.receipt}`}</p>,
      pending: ({ state }) => <p data-testid="mine">{state}</p>,
    };
    render(<RedirectResult {...props} />);
    // render() flushes the effect, so the first state on screen is already the running confirm.
    expect(screen.getByTestId('mine').textContent).toBe('confirming');
    await waitFor(() => expect(screen.getByTestId('mine').textContent).toBe(`${paymentKey} R-1`));
  });

  it('hands fail no retry when what confirm threw says retryable: false, and a retry otherwise', async () => {
    const seen: Record<string, boolean> = {};
    const failWith = (retryable: boolean) => async () => {
      throw Object.assign(new Error('refused'), { code: 'PAYMENT_REFUNDED', retryable });
    };
    for (const retryable of [false, true]) {
      render(
        <RedirectResult
          search={tossSuccess().query}
          confirm={failWith(retryable)}
          fail={({ error, retry }) => {
            if (error) seen[String(retryable)] = typeof retry === 'function';
            return <p data-testid="mine">{error ? 'failed' : 'vendor'}</p>;
          }}
        />,
      );
      await waitFor(() => expect(screen.getByTestId('mine').textContent).toBe('failed'));
      cleanup();
    }
    expect(seen).toEqual({ false: false, true: true });
  });

  it('renders English copy with messages={en}', async () => {
    render(<RedirectResult messages={en} search="?code=PAY_PROCESS_CANCELED&message=x" confirm={fakeServer()} />);
    await resultState('cancel');
    expect(screen.getByRole('heading').textContent).toBe('The payment was cancelled.');
  });
});

// --- Hydration and accessibility --------------------------------------------------------------

async function hydrate(element: ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.appendChild(container);
  const serverHtml = container.innerHTML;
  const recoverable = vi.fn();
  await act(async () => {
    root = hydrateRoot(container, element, { onRecoverableError: recoverable });
  });
  return { container, recoverable, serverHtml };
}

/** The server's HTML alone, in a detached-from-React container. */
function serverMarkup(search: string, locale?: string): Element {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<RedirectResult search={search} confirm={() => undefined} messages={locale === 'en' ? en : undefined} />);
  document.body.appendChild(container);
  return container;
}

describe('given server-rendered HTML', () => {
  it('hydrates a success with a search prop without a mismatch, then confirms once', async () => {
    const { orderId, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const confirm = fakeServer();
    const { container, recoverable, serverHtml } = await hydrate(<StrictMode><RedirectResult search={query} confirm={confirm} /></StrictMode>);
    expect(serverHtml).toContain('data-state="pending"');
    await resultState('success');
    expect(recoverable).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain(orderId);
  });

  it('hydrates without a search prop (location.search read after mount) without a mismatch', async () => {
    const { orderId, query } = tossSuccess();
    rememberOrder({ orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    history.replaceState(null, '', location.pathname + query);
    const confirm = fakeServer();
    const { recoverable } = await hydrate(<StrictMode><RedirectResult confirm={confirm} /></StrictMode>);
    await resultState('success');
    expect(recoverable).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('finds no axe violations in any state, and hydrates each without a mismatch', async () => {
    const mismatch = tossSuccess(100);
    rememberOrder({ orderId: mismatch.orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
    const interrupted = tossSuccess();
    writeConfirmMarker(paymentMarkerKey(parseRedirect(interrupted.query))!, 'started');
    const never = () => new Promise<never>(() => {});
    const failing = async () => {
      throw new Error('502 Bad Gateway');
    };
    const cases: [string, string, RedirectResultProps['confirm'], string?][] = [
      ['idle', '?tab=orders', fakeServer()],
      ['confirming', tossSuccess().query, never],
      ['pending', interrupted.query, fakeServer()],
      ['success', tossSuccess().query, fakeServer()],
      ['success', `?billingKey=${unique('billing-key-')}&transactionType=ISSUE_BILLING_KEY`, fakeServer()],
      ['fail', tossSuccess().query, failing],
      ['fail', '?code=REJECT_CARD_COMPANY&message=%EA%B1%B0%EC%A0%88&orderId=order_123456', fakeServer()],
      ['cancel', '?code=PAY_PROCESS_CANCELED&message=x', fakeServer()],
      ['invalid', mismatch.query, fakeServer()],
      ['success', tossSuccess().query, fakeServer(), 'en'],
    ];
    for (const [state, search, confirm, locale] of cases) {
      const element = <StrictMode><RedirectResult search={search} confirm={confirm} messages={locale === 'en' ? en : undefined} /></StrictMode>;
      const { container, recoverable } = await hydrate(element);
      // The server's markup, before any effect: pending, or a final state the query alone decides.
      expect(await axeViolations(serverMarkup(search, locale)), `${state} as rendered by the server`).toEqual([]);
      await resultState(state);
      expect(recoverable, state).not.toHaveBeenCalled();
      expect(await axeViolations(container), state).toEqual([]);
      act(() => root?.unmount());
      root = null;
      document.body.innerHTML = '';
    }
  });
});
