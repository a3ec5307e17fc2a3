import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Agreement, Checkout, CheckoutButton, PaymentMethods, useIamport, usePortOne } from './index.js';

// Runs in Node: no window, no document. Every component must render a stable placeholder.
function Page(props: { clientKey?: string; amount?: number }) {
  return (
    <Checkout provider="toss" clientKey={props.clientKey ?? 'test_gck_kcheckout_sandbox'} customerKey="buyer_1" amount={props.amount ?? 50000}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '생수 외 1건' }} successUrl="/success" failUrl="/fail" />
    </Checkout>
  );
}

describe('given a server render', () => {
  it('renders every component in its loading state without touching the DOM', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(<Page />);
    expect(html).toContain('data-kcheckout="payment-methods" data-state="loading"');
    expect(html).toContain('data-kcheckout="agreement" data-state="loading"');
    expect(html).toContain('결제수단을 불러오는 중');
    expect(html).toMatch(/<button[^>]*data-state="loading"[^>]*disabled=""/);
    expect(html).toContain('50,000원 결제하기');
  });

  it('renders the same error on the server as on the client for bad props', () => {
    const html = renderToString(<Page clientKey="live_sk_FAKE_not_a_real_key" />);
    expect(html).toContain('data-code="SECRET_KEY_IN_BROWSER"');
    expect(html).not.toContain('live_sk_FAKE_not_a_real_key');
    expect(html).toContain('data-state="error"');
  });

  it('renders identically twice, so hydration has one answer', () => {
    expect(renderToString(<Page />)).toBe(renderToString(<Page />));
  });
});

describe('given usePortOne and useIamport in a server render', () => {
  it('render their loading status without touching window', () => {
    function Status() {
      const portone = usePortOne({ storeId: 'store-6b636865-636b-4f75-8000-73616e64626f', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' });
      const imp = useIamport({ impCode: 'imp00000000', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' });
      return <p>{`${portone.status}/${imp.status}`}</p>;
    }
    expect(renderToString(<Status />)).toBe('<p>loading/loading</p>');
  });
});
