import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BillingAuthResult, BillingKeyButton, PaymentMethods, TossBillingCheckout } from './toss.js';

// Runs in Node: no window, no document. The billing checkout and its result page render the same placeholder twice.
function Page({ customerKey = 'member_42' }: { customerKey?: string }) {
  return (
    <TossBillingCheckout clientKey="test_ck_kcheckout_sandbox" customerKey={customerKey}>
      <PaymentMethods />
      <BillingKeyButton redirectUrl="/billing/result" />
    </TossBillingCheckout>
  );
}

describe('given <TossBillingCheckout> in a server render', () => {
  it('renders card and transfer and a disabled button in the loading state, without touching the DOM', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(<Page />);
    expect(html).toContain('data-kcheckout="payment-methods" data-state="loading"');
    expect(html).toContain('data-method="card"');
    expect(html).toContain('data-method="transfer"');
    expect(html).not.toContain('data-method="virtualAccount"');
    expect(html).toMatch(/<button[^>]*data-kcheckout="billing-key-button"[^>]*data-state="loading"[^>]*disabled=""/);
    expect(html).toContain('결제수단 등록하기');
    expect(renderToString(<Page />)).toBe(html);
  });

  it('renders INVALID_OPTION for ANONYMOUS on the server as on the client', () => {
    expect(renderToString(<Page customerKey="@@ANONYMOUS" />)).toContain('data-code="INVALID_OPTION"');
  });
});

describe('given <BillingAuthResult> in a server render', () => {
  it('renders the pending placeholder for a billing success query, in the registration’s words', () => {
    const html = renderToString(<BillingAuthResult search="?customerKey=member_42&authKey=bln_1" confirm={() => undefined} />);
    expect(html).toContain('data-state="pending"');
    expect(html).toContain('결제수단 등록 결과를 확인하는 중…');
  });
});
