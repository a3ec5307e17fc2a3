import { renderToString } from 'react-dom/server';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { en, RedirectResult, type RedirectFailProps, type RedirectPendingProps, useRedirectResult } from './index.js';

// Runs in Node: no window, no sessionStorage. The server decides what the query alone decides and
// leaves the rest (amount check, confirm-once markers, confirm) to the browser.

const tossSuccess = '?paymentType=NORMAL&orderId=order_ssr_0001&paymentKey=tviva20240101&amount=50000';

describe('given <RedirectResult> in a server render', () => {
  it('renders a success as pending, calls nothing, and renders the same HTML twice', () => {
    expect(typeof window).toBe('undefined');
    const confirm = vi.fn();
    const html = renderToString(<RedirectResult search={tossSuccess} confirm={confirm} />);
    expect(html).toContain('data-kcheckout="redirect-result"');
    expect(html).toContain('data-state="pending"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('role="status"');
    expect(html).toContain('결제 결과를 확인하는 중');
    expect(confirm).not.toHaveBeenCalled();
    expect(renderToString(<RedirectResult search={tossSuccess} confirm={confirm} />)).toBe(html);
  });

  it('accepts a Next.js searchParams record and URLSearchParams as well as a string', () => {
    const record = { paymentType: 'NORMAL', orderId: 'order_ssr_0001', paymentKey: 'tviva20240101', amount: '50000' };
    const confirm = () => undefined;
    const html = renderToString(<RedirectResult search={tossSuccess} confirm={confirm} />);
    expect(renderToString(<RedirectResult search={record} confirm={confirm} />)).toBe(html);
    expect(renderToString(<RedirectResult search={new URLSearchParams(tossSuccess)} confirm={confirm} />)).toBe(html);
  });

  it.each([
    ['fail', '?code=REJECT_CARD_COMPANY&message=%EA%B1%B0%EC%A0%88&orderId=order_ssr_0001', 'role="alert"', '결제에 실패했습니다.'],
    ['cancel', '?code=PAY_PROCESS_CANCELED&message=x&orderId=order_ssr_0001', 'role="status"', '결제가 취소되었습니다.'],
    ['invalid', '?paymentKey=tviva1&orderId=order_ssr_0001&amount=-5', 'role="alert"', 'INVALID_AMOUNT'],
    ['idle', '?tab=orders', 'role="status"', '결제 결과가 없습니다.'],
  ])('renders a %s the query alone decides in its final state', (state, search, role, text) => {
    const html = renderToString(<RedirectResult search={search} confirm={() => undefined} />);
    expect(html).toContain(`data-state="${state}"`);
    expect(html).toContain(role);
    expect(html).toContain(text);
  });

  it('escapes script and HTML in a vendor message', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = renderToString(<RedirectResult search={`?code=REJECT_CARD_COMPANY&message=${encodeURIComponent(payload)}`} confirm={() => undefined} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('without a search prop renders pending (location is read after mount)', () => {
    const html = renderToString(<RedirectResult confirm={() => undefined} messages={en} />);
    expect(html).toContain('data-state="pending"');
    expect(html).toContain('Checking the payment result');
  });

  it('useRedirectResult reports its server state without touching window or storage', () => {
    function Status({ search }: { search?: string }) {
      const { state, result, error } = useRedirectResult({ search, confirm: () => undefined });
      return <p>{`${state}/${result?.provider ?? '-'}/${error ? 'error' : '-'}`}</p>;
    }
    expect(renderToString(<Status search={tossSuccess} />)).toBe('<p>pending/toss/-</p>');
    expect(renderToString(<Status />)).toBe('<p>pending/-/-</p>');
    expect(renderToString(<Status search="" />)).toBe('<p>idle/-/-</p>');
  });
});

describe('given the render props\' types', () => {
  // Checked by `npm run typecheck`: once `interrupted` is narrowed, `retry` needs no `!`. A failed
  // confirm has it unless what confirm threw says `retryable: false`, so there it is optional.
  it('give retry exactly when interrupted, and when confirm failed', () => {
    expectTypeOf<Extract<RedirectPendingProps, { interrupted: true }>['retry']>().toEqualTypeOf<() => void>();
    expectTypeOf<Extract<RedirectPendingProps, { interrupted: false }>['retry']>().toEqualTypeOf<undefined>();
    expectTypeOf<Extract<RedirectFailProps, { error: null }>['retry']>().toEqualTypeOf<undefined>();
    expectTypeOf<Exclude<RedirectFailProps, { error: null }>['retry']>().toEqualTypeOf<(() => void) | undefined>();
    const page = (
      <RedirectResult
        confirm={() => undefined}
        pending={({ interrupted, retry }) => (interrupted ? <button onClick={() => retry()}>다시 확인</button> : '확인 중')}
        fail={(props) => (props.retry ? <button onClick={props.retry}>{props.error?.code}</button> : props.result.code)}
      />
    );
    expect(renderToString(page)).toContain('확인 중');
  });
});
