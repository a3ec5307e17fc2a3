import { Agreement, Checkout, CheckoutButton, PaymentMethods } from '@kcheckout/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, waitFor } from 'storybook/test';
import { type Backend, tossBackend } from './backend';

/**
 * Each component on its own, inside the <Checkout> it needs, for designers styling one piece.
 * `data-state` and `data-disabled` are the hooks for CSS; the components ship no styles.
 */
function Frame({ backend, children, clientKey }: { backend?: Backend; children: ReactNode; clientKey?: string }) {
  const keys = tossBackend(backend, 'v2');
  return (
    <Checkout provider="toss" clientKey={clientKey ?? keys.clientKey} customerKey="storybook_buyer" amount={39000} scriptSrc={keys.scriptSrc}>
      {children}
    </Checkout>
  );
}

const meta = {
  title: 'Toss/Components',
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const state = (root: HTMLElement, part: string) => root.querySelector(`[data-kcheckout="${part}"]`)?.getAttribute('data-state');

/** <PaymentMethods> ready: the vendor UI inside our container. */
export const PaymentMethodsReady: Story = {
  render: (_args, { globals }) => (
    <Frame backend={globals.backend as Backend}>
      <PaymentMethods />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(state(canvasElement, 'payment-methods')).toBe('ready'));
  },
};

/** <PaymentMethods> when the props cannot work: the error and its fix, no retry button. */
export const PaymentMethodsInvalidProps: Story = {
  render: () => (
    <Frame clientKey="test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq">
      <PaymentMethods />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(state(canvasElement, 'payment-methods')).toBe('error'));
    await expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_KEY');
  },
};

/** <Agreement> ready; `data-agreed` appears once the required terms are ticked. */
export const AgreementReady: Story = {
  render: (_args, { globals }) => (
    <Frame backend={globals.backend as Backend}>
      <PaymentMethods />
      <Agreement />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(state(canvasElement, 'agreement')).toBe('ready'));
    canvasElement.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')?.click();
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="agreement"]')?.hasAttribute('data-agreed')).toBe(true));
  },
};

/** <CheckoutButton> before the widget is ready: disabled, `data-state="loading"`. */
export const ButtonLoading: Story = {
  render: () => (
    <Frame>
      <CheckoutButton order={{ orderName: '텀블러' }} />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('button')).toHaveProperty('disabled', true);
    await expect(canvasElement.querySelector('button')?.getAttribute('data-state')).toBe('loading');
  },
};

/** `asChild`: a design-system button becomes the checkout button and keeps its own look. */
export const ButtonAsChild: Story = {
  render: (_args, { globals }) => (
    <Frame backend={globals.backend as Backend}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '텀블러' }} asChild>
        <button
          type="button"
          style={{ background: '#0064ff', color: 'white', border: 0, borderRadius: 12, padding: '14px 28px', fontSize: 17 }}
        >
          39,000원 토스로 결제
        </button>
      </CheckoutButton>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(state(canvasElement, 'agreement')).toBe('ready'));
    canvasElement.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')?.click();
    await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', false));
  },
};

/** <CheckoutButton> given only one of successUrl / failUrl: an error that says to pass both or neither. */
export const ButtonInvalidUrls: Story = {
  render: () => (
    <Frame>
      <CheckoutButton order={{ orderName: '텀블러' }} successUrl="/success" />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_OPTION'));
  },
};
