import { Agreement, Checkout, CheckoutButton, PaymentMethods } from '@kcheckout/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, waitFor } from 'storybook/test';
import { type Backend, tossBackend } from './backend';
import { waitForState } from './story-parts';

/**
 * Each component on its own, inside the <Checkout> it needs, for designers styling one piece.
 * `data-state` and `data-disabled` are the hooks for CSS; the components ship no styles.
 */
function Frame({ backend, children, clientKey, amount }: { backend?: Backend; children: ReactNode; clientKey?: string; amount: number }) {
  const keys = tossBackend(backend, 'v2');
  return (
    <Checkout provider="toss" clientKey={clientKey ?? keys.clientKey} customerKey="storybook_buyer" amount={amount} scriptSrc={keys.scriptSrc}>
      {children}
    </Checkout>
  );
}

interface PartArgs {
  /** The order's amount in won: the button's label follows it. */
  amount: number;
  /** What the order is called in the payment window. */
  orderName: string;
}

const meta = {
  title: 'Toss/Components',
  parameters: { layout: 'padded' },
  args: { amount: 39000, orderName: '텀블러' },
  argTypes: {
    amount: { control: { type: 'number', step: 1000 } },
    orderName: { control: 'text' },
  },
} satisfies Meta<PartArgs>;

export default meta;
type Story = StoryObj<PartArgs>;


/** <PaymentMethods> ready: the vendor UI inside our container. */
export const PaymentMethodsReady: Story = {
  render: (args, { globals }) => (
    <Frame backend={globals.backend as Backend} amount={args.amount}>
      <PaymentMethods />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
  },
};

/** <PaymentMethods> when the props cannot work: the error and its fix, no retry button. */
export const PaymentMethodsInvalidProps: Story = {
  render: (args) => (
    <Frame clientKey="test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq" amount={args.amount}>
      <PaymentMethods />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'error');
    await expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_KEY');
  },
};

/** <Agreement> ready; `data-agreed` appears once the required terms are ticked. */
export const AgreementReady: Story = {
  render: (args, { globals }) => (
    <Frame backend={globals.backend as Backend} amount={args.amount}>
      <PaymentMethods />
      <Agreement />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'agreement', 'ready');
    canvasElement.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')?.click();
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="agreement"]')?.hasAttribute('data-agreed')).toBe(true));
  },
};

/** <CheckoutButton> before the widget is ready: disabled, `data-state="loading"`. */
export const ButtonLoading: Story = {
  render: (args) => (
    <Frame amount={args.amount}>
      <CheckoutButton order={{ orderName: args.orderName }} />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('button')).toHaveProperty('disabled', true);
    await expect(canvasElement.querySelector('button')?.getAttribute('data-state')).toBe('loading');
  },
};

/** `asChild`: a design-system button becomes the checkout button and keeps its own look. */
export const ButtonAsChild: Story = {
  render: (args, { globals }) => (
    <Frame backend={globals.backend as Backend} amount={args.amount}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: args.orderName }} asChild>
        <button
          type="button"
          style={{ background: '#0064ff', color: 'white', border: 0, borderRadius: 12, padding: '14px 28px', fontSize: 17 }}
        >
          {args.amount.toLocaleString('ko-KR')}원 토스로 결제
        </button>
      </CheckoutButton>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'agreement', 'ready');
    canvasElement.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')?.click();
    await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', false));
    // Its own width, with styles.css on or off: the stylesheet's full-width rule is for our own button only.
    const button = canvasElement.querySelector<HTMLElement>('button[data-kcheckout="checkout-button"]')!;
    await expect(button.hasAttribute('data-as-child')).toBe(true);
    await expect(button.getBoundingClientRect().width).toBeLessThan(button.parentElement!.getBoundingClientRect().width / 2);
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(0, 100, 255)');
  },
};

/** <CheckoutButton> given only one of successUrl / failUrl: an error that says to pass both or neither. */
export const ButtonInvalidUrls: Story = {
  render: (args) => (
    <Frame amount={args.amount}>
      <CheckoutButton order={{ orderName: args.orderName }} successUrl="/success" />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_OPTION'));
  },
};
