import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Agreement, Checkout, CheckoutButton, en, ko, PaymentMethods, useIamport, usePortOne } from './index.js';

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

describe('given <Checkout provider="portone" | "iamport"> in a server render', () => {
  const ids = {
    portone: { provider: 'portone', storeId: 'store-6b636865-636b-4f75-8000-73616e64626f', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' },
    iamport: { provider: 'iamport', impCode: 'imp00000000', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' },
  } as const;

  it.each(['portone', 'iamport'] as const)('%s renders the method picker, the agreement and a disabled button, the same twice', (provider) => {
    const page = (
      <Checkout {...ids[provider]} amount={39000} defaultMethod={{ type: 'easyPay', provider: 'KAKAOPAY' }}>
        <PaymentMethods />
        <Agreement />
        <CheckoutButton order={{ orderName: '원두 1kg' }} redirectUrl="/payment/result" />
      </Checkout>
    );
    const html = renderToString(page);
    expect(html).toContain('data-kcheckout="payment-methods" data-state="loading"');
    expect(html).toContain('<legend>결제수단</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(7);
    expect(html).toMatch(/checked="" value="easyPay:KAKAOPAY"/);
    expect(html).toContain('결제 모듈을 불러오는 중');
    expect(html).toMatch(/<button[^>]*data-state="loading"[^>]*disabled=""/);
    expect(html).toContain('39,000원 결제하기');
    expect(renderToString(page)).toBe(html);
  });

  it.each(['portone', 'iamport'] as const)('%s speaks the messages table it is given: en, or ko with overrides', (provider) => {
    const page = (messages: typeof ko) =>
      renderToString(
        <Checkout {...ids[provider]} amount={39000} messages={messages}>
          <PaymentMethods />
          <Agreement />
          <CheckoutButton order={{ orderName: '원두 1kg' }} />
        </Checkout>,
      );
    const english = page(en);
    expect(english).toContain('<legend>Payment method</legend>');
    expect(english).toContain('Credit or debit card');
    expect(english).toContain('KakaoPay');
    expect(english).toContain('Pay ₩39,000');
    expect(english).not.toMatch(/[가-힣]/);

    // A partial table: what it names changes, the rest stays Korean.
    const custom = page({ ...ko, pay: (amount) => `${amount} 주문하기`, methods: { card: '카드' } });
    expect(custom).toContain('39,000원 주문하기');
    expect(custom).toContain('>카드<');
    expect(custom).toContain('카카오페이');
  });

  it('renders a bad amount as the same error the client shows', () => {
    const html = renderToString(
      <Checkout {...ids.portone} amount={0}>
        <PaymentMethods />
      </Checkout>,
    );
    expect(html).toContain('data-code="INVALID_AMOUNT"');
  });
});
