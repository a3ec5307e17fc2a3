import { act, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { Agreement, Checkout, CheckoutButton, PaymentMethods } from './index.js';
import { agreeToTerms, clientKey, resetPage, scriptSrcFor } from './test-utils/sandbox.js';
import { axeViolations } from './test-utils/axe.js';

function Page({ amount = 50000, secret = false }: { amount?: number; secret?: boolean }) {
  return (
    <Checkout provider="toss" clientKey={secret ? 'test_sk_FAKE_kcheckout_secret_tail' : clientKey} customerKey="buyer_1" amount={amount} scriptSrc={scriptSrcFor('v2')}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '생수 외 1건' }} />
    </Checkout>
  );
}

let root: Root | null = null;
beforeEach(resetPage);
afterEach(async () => {
  act(() => root?.unmount());
  root = null;
  await resetPage();
});

async function hydrate(element: React.ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.appendChild(container);
  const recoverable = vi.fn();
  await act(async () => {
    root = hydrateRoot(container, element, { onRecoverableError: recoverable });
  });
  return { container, recoverable };
}

describe('given server-rendered HTML', () => {
  it('hydrates without a mismatch and then loads the widget', async () => {
    const { container, recoverable } = await hydrate(<StrictMode><Page /></StrictMode>);
    await waitFor(() => expect(container.querySelector('[data-kcheckout="payment-methods"]')!.getAttribute('data-state')).toBe('ready'));
    expect(recoverable).not.toHaveBeenCalled();
  });

  it('hydrates the bad-props error without a mismatch', async () => {
    const { recoverable } = await hydrate(<StrictMode><Page secret /></StrictMode>);
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('SECRET_KEY_IN_BROWSER');
    expect(recoverable).not.toHaveBeenCalled();
  });
});

describe('given axe-core', () => {
  it('finds no violations while loading, when ready, once agreed, and in the error state', async () => {
    const { container } = await hydrate(<StrictMode><Page /></StrictMode>);
    expect(await axeViolations(container)).toEqual([]);
    await waitFor(() => expect(container.querySelector('[data-kcheckout="agreement"]')!.getAttribute('data-state')).toBe('ready'));
    expect(await axeViolations(container)).toEqual([]);
    agreeToTerms(container);
    await waitFor(() => expect((screen.getByRole('button', { name: /결제하기/ }) as HTMLButtonElement).disabled).toBe(false));
    expect(await axeViolations(container)).toEqual([]);
    act(() => root?.unmount());
    root = null;
    const error = await hydrate(<StrictMode><Page amount={-1} /></StrictMode>);
    expect(await axeViolations(error.container)).toEqual([]);
  });
});

function PortOnePage({ provider, amount = 39000 }: { provider: 'portone' | 'iamport'; amount?: number }) {
  const ids =
    provider === 'portone'
      ? ({ provider, ...sandboxClientKeys.portone, scriptSrc: sandboxScriptUrl('portone-v2') } as const)
      : ({ provider, ...sandboxClientKeys.iamport, scriptSrc: sandboxScriptUrl('iamport-v1') } as const);
  return (
    <Checkout {...ids} amount={amount}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '원두 1kg' }} />
    </Checkout>
  );
}

describe.each(['portone', 'iamport'] as const)('given server-rendered HTML for provider="%s"', (provider) => {
  it('hydrates without a mismatch, and axe finds nothing while loading, when ready, once a method is picked and agreed, and on error', async () => {
    const { container, recoverable } = await hydrate(<StrictMode><PortOnePage provider={provider} /></StrictMode>);
    expect(await axeViolations(container)).toEqual([]);
    await waitFor(() => expect(container.querySelector('[data-kcheckout="payment-methods"]')!.getAttribute('data-state')).toBe('ready'));
    expect(recoverable).not.toHaveBeenCalled();
    expect(await axeViolations(container)).toEqual([]);
    act(() => screen.getByRole('radio', { name: '카카오페이' }).click());
    act(() => screen.getByRole('checkbox').click());
    await waitFor(() => expect((screen.getByRole('button', { name: /결제하기/ }) as HTMLButtonElement).disabled).toBe(false));
    expect(await axeViolations(container)).toEqual([]);
    act(() => root?.unmount());
    root = null;
    const error = await hydrate(<StrictMode><PortOnePage provider={provider} amount={-1} /></StrictMode>);
    expect(error.recoverable).not.toHaveBeenCalled();
    expect(await axeViolations(error.container)).toEqual([]);
  });
});
