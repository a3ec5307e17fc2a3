import type { IdentityVerificationResult } from '@kcheckout/core';
import { enIdentity, IdentityVerificationButton, type IdentityVerificationButtonProps } from '@kcheckout/react/portone';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { press, RedirectCapture, waitForState } from './story-parts';

// PortOne V2 identity verification (본인인증) on the offline sandbox: <IdentityVerificationButton>
// in every state, each story's play function asserting that state.

const RESULT_LINES: Record<IdentityVerificationResult['status'], string> = {
  success: '본인인증 창이 끝났습니다. 서버에서 verifyPortOneIdentity로 조회해 VERIFIED일 때만 믿으세요.',
  fail: '본인인증에 실패했습니다.',
  cancel: '사용자가 본인인증을 취소했습니다.',
  redirecting: '본인인증 결과 페이지로 이동합니다.',
};

interface DemoProps {
  script?: 'sandbox' | 'missing' | 'stalled';
  identityVerificationId?: string;
  redirectUrl?: string;
  english?: boolean;
}

/** The button and, under it, the last result as the page would hand it to its server. */
function IdentityDemo({ script = 'sandbox', identityVerificationId, redirectUrl, english }: DemoProps) {
  const [result, setResult] = useState<IdentityVerificationResult | null>(null);
  const scriptSrc = script === 'missing' ? '/kcheckout-missing-sdk.js' : script === 'stalled' ? STALLED_SCRIPT_PATH : sandboxScriptUrl('portone-v2');
  const props: IdentityVerificationButtonProps = {
    ...sandboxClientKeys.portone,
    scriptSrc,
    ...(script === 'missing' ? { retries: 0, timeoutMs: 2000 } : {}),
    identityVerificationId,
    redirectUrl,
    customer: { fullName: '김사랑', phoneNumber: '01012345678' },
    onVerified: setResult,
    onFail: setResult,
    onCancel: setResult,
    ...(english ? { messages: enIdentity } : {}),
  };
  return (
    <RedirectCapture>
      <IdentityVerificationButton {...props} />
      {result && (
        <output data-testid="result" data-status={result.status} style={{ display: 'block', marginTop: 16 }}>
          <strong>{RESULT_LINES[result.status]}</strong>
          <div>identityVerificationId: {result.identityVerificationId}</div>
        </output>
      )}
    </RedirectCapture>
  );
}

const meta = { title: 'PortOne V2/Identity verification', component: IdentityDemo } satisfies Meta<typeof IdentityDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

const part = 'identity-verification-button';
const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>(`[data-kcheckout="${part}"]`)!;
const expectResult = (root: HTMLElement, status: IdentityVerificationResult['status']) =>
  waitFor(() => expect(root.querySelector('[data-testid="result"]')?.getAttribute('data-status')).toBe(status), { timeout: 5000 });

export const Loading: Story = {
  args: { script: 'stalled' },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement).dataset.state).toBe('loading');
    await expect(button(canvasElement)).toHaveProperty('disabled', true);
  },
};

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    await expect(button(canvasElement).textContent).toBe('본인인증하기');
  },
};

export const English: Story = {
  args: { english: true },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    await expect(button(canvasElement).textContent).toBe('Verify your identity');
  },
};

/** The sandbox window is open and waits for a click: the button is pending and disabled. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, part);
    await waitForState(canvasElement, part, 'pending');
    await expect(document.querySelector('[data-kcheckout-sandbox="payment-window"]')).not.toBeNull();
  },
};

export const Verified: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    await press(canvasElement, part);
    await expectResult(canvasElement, 'success');
    await waitFor(() => expect(button(canvasElement).dataset.result).toBe('success'));
    await expect(button(canvasElement).textContent).toBe('본인인증을 마쳤습니다.');
  },
};

export const Fail: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    await press(canvasElement, part);
    await expectResult(canvasElement, 'fail');
    await waitFor(() => expect(button(canvasElement).dataset.result).toBe('fail'));
  },
};

export const Cancel: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    await press(canvasElement, part);
    await expectResult(canvasElement, 'cancel');
    await waitForState(canvasElement, part, 'ready');
  },
};

export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'error', 8000);
    await expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('SCRIPT_LOAD_FAILED');
  },
};

/** An id PortOne would refuse: the button says so before any vendor call. */
export const InvalidId: Story = {
  args: { identityVerificationId: 'not/an/id' },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement).dataset.state).toBe('error');
    await expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_ORDER_ID');
  },
};

/** On a phone PortOne redirects: the captured address carries the verification's id. */
export const MobileRedirect: Story = {
  args: { identityVerificationId: 'identity_story_0001', redirectUrl: 'https://shop.example/identity/done' },
  parameters: { device: 'mobile' },
  tags: ['mobile'],
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, part, 'ready');
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    await press(canvasElement, part);
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="redirect-target"]')?.textContent).toContain('identityVerificationId=identity_story_0001'), { timeout: 5000 });
  },
};
