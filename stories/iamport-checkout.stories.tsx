import type { Meta, StoryObj } from '@storybook/react-vite';
import { MethodShop, methodMeta, methodStories } from './method-shop';

/** PortOne V1 (`iamport.js`, `IMP.request_pay`): `<Checkout provider="iamport">`, on the offline sandbox. */
const meta = { title: 'PortOne V1 (iamport)/Checkout', ...methodMeta('iamport') } satisfies Meta<typeof MethodShop>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = methodStories('iamport');

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
