import type { BillingKeyResult, CheckoutResult } from '@kcheckout/react';
import { type ReactNode, useState } from 'react';
import { expect, waitFor } from 'storybook/test';

// Pieces every checkout story shares: the result panel, the redirect capture and the play steps.

const RESULT_LINES: Record<CheckoutResult['status'] | 'issued', string> = {
  success: '결제가 승인되었습니다. 서버에서 결제 승인(confirm)이나 조회(verify)를 마쳐야 결제가 완료됩니다.',
  fail: '결제에 실패했습니다.',
  cancel: '구매자가 결제를 취소했습니다.',
  redirecting: '결제 결과 페이지로 이동합니다.',
  issued: '빌링키가 발급되었습니다. 서버에서 조회한 뒤 저장하고, 결제는 서버에서 요청합니다.',
};

/** The last result, as the page would hand it to its server. */
export function ResultPanel({ result }: { result: CheckoutResult | BillingKeyResult }) {
  const line = 'billingKey' in result && result.status === 'success' ? RESULT_LINES.issued : RESULT_LINES[result.status];
  return (
    <output data-testid="result" data-status={result.status} style={{ display: 'block', marginTop: 16 }}>
      <strong>{line}</strong>
      <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify({ ...result, raw: undefined }, null, 2)}</pre>
    </output>
  );
}

/**
 * Shows where the vendor would send the buyer instead of leaving Storybook: just before the
 * button's own handler runs, the sandbox's navigation is pointed at this panel.
 */
export function RedirectCapture({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<string | null>(null);
  const capture = () => {
    if (window.kcheckoutSandbox) window.kcheckoutSandbox.navigate = setTarget;
  };
  return (
    <div onClickCapture={capture}>
      {children}
      {target && (
        <p data-testid="redirect-target" style={{ wordBreak: 'break-all' }}>
          이동할 주소: <code>{target}</code>
        </p>
      )}
    </div>
  );
}

export const partState = (root: HTMLElement, part: string) => root.querySelector(`[data-kcheckout="${part}"]`)?.getAttribute('data-state');

export const errorCode = (root: HTMLElement) => root.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code');

/** Waits until a part reaches a state. */
export function waitForState(root: HTMLElement, part: string, state: string, timeout = 5000) {
  return waitFor(() => expect(partState(root, part)).toBe(state), { timeout });
}

/** Waits for the error box a story expects. */
export function waitForError(root: HTMLElement, code: string, timeout = 5000) {
  return waitFor(() => expect(errorCode(root)).toBe(code), { timeout });
}

/** Presses a kcheckout button once it is enabled. */
export async function press(root: HTMLElement, part = 'checkout-button') {
  const button = () => root.querySelector<HTMLButtonElement>(`button[data-kcheckout="${part}"]`);
  await waitFor(() => expect(button()).toHaveProperty('disabled', false), { timeout: 5000 });
  button()!.click();
}

/** Waits for the result panel and checks its status. */
export async function expectResult(root: HTMLElement, status: string) {
  await waitFor(() => expect(root.querySelector('[data-testid="result"]')?.getAttribute('data-status')).toBe(status), { timeout: 5000 });
}
