import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { MethodShop, methodMeta, methodStories } from './method-shop';
import { expectResult, press, waitForState } from './story-parts';

/** PortOne V2 (`@portone/browser-sdk/v2`): `<Checkout provider="portone">`, on the offline sandbox. */
const meta = { title: 'PortOne V2/Checkout', ...methodMeta('portone') } satisfies Meta<typeof MethodShop>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = methodStories('portone');

export const Ready: Story = stories.Ready;
export const English: Story = stories.English;
export const Loading: Story = stories.Loading;
export const AwaitingMethod: Story = stories.AwaitingMethod;
export const Pending: Story = stories.Pending;
export const Success: Story = stories.Success;
export const Fail: Story = stories.Fail;
export const Cancel: Story = stories.Cancel;
export const ScriptFailure: Story = stories.ScriptFailure;
export const InvalidKey: Story = stories.InvalidKey;
export const InvalidSecretKey: Story = stories.InvalidSecretKey;
export const InvalidAmount: Story = stories.InvalidAmount;
export const InvalidOrderId: Story = stories.InvalidOrderId;
// The tag is written here, not in the factory: Storybook reads tags statically, and e2e opens "mobile" stories on a phone-sized page.
export const MobileRedirect: Story = { ...stories.MobileRedirect, tags: ['mobile'] };
export const AllStates: Story = stories.AllStates;

/** Subscriptions: <BillingKeyButton> issues a billing key (빌링키); your server charges it later. */
export const BillingKey: Story = {
  args: { billing: true },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
    canvasElement.querySelector<HTMLInputElement>('[data-method="card"] input')!.click();
    canvasElement.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!.click();
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    await press(canvasElement, 'billing-key-button');
    await expectResult(canvasElement, 'success', { billingKey: true });
    await expect(canvasElement.querySelector('[data-testid="result"]')?.textContent).toContain('billing-key-');
  },
};
