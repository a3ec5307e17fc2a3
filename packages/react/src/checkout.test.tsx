import { render, screen } from '@testing-library/react';
import { createRef, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Agreement, Checkout, CheckoutButton, CheckoutError, en, ko, PaymentMethods } from './index.js';
import { formatAmount } from './messages.js';

describe('given a component outside <Checkout>', () => {
  it.each([
    ['PaymentMethods', <PaymentMethods />],
    ['Agreement', <Agreement />],
    ['CheckoutButton', <CheckoutButton order={{ orderName: '생수' }} />],
  ])('<%s> throws an error that names the fix', (name, element) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    let caught: unknown;
    try {
      render(element);
    } catch (error) {
      caught = error;
    }
    quiet.mockRestore();
    expect(caught).toBeInstanceOf(CheckoutError);
    expect((caught as CheckoutError).code).toBe('MISSING_PROVIDER');
    expect((caught as CheckoutError).message).toContain(`<${name}>`);
    expect((caught as CheckoutError).message).toContain('<Checkout provider="toss"');
  });
});

describe('given <CheckoutButton asChild>', () => {
  it('gives our state and disabled-ness to the designer’s own element, and keeps its ref and class', () => {
    const ref = createRef<HTMLButtonElement>();
    const theirs = vi.fn();
    render(
      <StrictMode>
        <Checkout provider="toss" clientKey="test_gck_kcheckout_sandbox" customerKey="buyer_1" amount={12000}>
          <CheckoutButton order={{ orderName: '생수' }} asChild>
            <button type="button" className="brand" ref={ref} onClick={theirs} data-state="mine">
              지금 결제
            </button>
          </CheckoutButton>
        </Checkout>
      </StrictMode>,
    );
    const element = screen.getByRole('button', { name: '지금 결제' }) as HTMLButtonElement;
    expect(element.className).toBe('brand');
    expect(ref.current).toBe(element);
    expect(element.getAttribute('data-state')).toBe('loading');
    expect(element.disabled).toBe(true);
  });
});

describe('given messages={en}', () => {
  it('labels the button in English', () => {
    render(
      <Checkout provider="toss" clientKey="test_gck_kcheckout_sandbox" customerKey="buyer_1" amount={50000} messages={en}>
        <CheckoutButton order={{ orderName: 'Water' }} />
      </Checkout>,
    );
    expect(screen.getByRole('button').textContent).toBe('Pay ₩50,000');
  });
});

describe('formatAmount', () => {
  it('formats won the Korean way and other currencies with Intl', () => {
    expect(formatAmount(50000, 'KRW', ko)).toBe('50,000원');
    expect(formatAmount(50000, 'KRW', en)).toBe('₩50,000');
    expect(formatAmount(12.5, 'USD', en)).toBe('$12.50');
    expect(formatAmount(12.5, 'USD', ko)).toBe('US$12.50');
    expect(formatAmount(Number.NaN, 'KRW', ko)).toBe('');
  });
});
