import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckoutButton, PaymentMethods, PaymentWindowCheckout } from './toss.js';

// Runs in Node: no window, no document. The payment window renders the same placeholder twice.
function Page({ clientKey = 'test_ck_kcheckout_sandbox' }: { clientKey?: string }) {
  return (
    <PaymentWindowCheckout clientKey={clientKey} customerKey="buyer_1" amount={39000} defaultMethod={{ type: 'card' }}>
      <PaymentMethods />
      <CheckoutButton order={{ orderName: '원두 1kg' }} successUrl="/success" failUrl="/fail" />
    </PaymentWindowCheckout>
  );
}

describe('given <PaymentWindowCheckout> in a server render', () => {
  it('renders the picker and a disabled button in the loading state, without touching the DOM', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(<Page />);
    expect(html).toContain('data-kcheckout="payment-methods" data-state="loading"');
    expect(html).toContain('data-method="card"');
    expect(html).toMatch(/<button[^>]*data-state="loading"[^>]*disabled=""/);
    expect(html).toContain('39,000원 결제하기');
    expect(renderToString(<Page />)).toBe(html);
  });

  it('renders INVALID_KEY for a widget key on the server as on the client', () => {
    expect(renderToString(<Page clientKey="test_gck_kcheckout_sandbox" />)).toContain('data-code="INVALID_KEY"');
  });
});
