import type { BillingKeyCancelled, BillingKeyFailed, BillingKeyResult, CheckoutResult } from '@kcheckout/react';
import { type ReactNode, useState } from 'react';
import { expect, waitFor } from 'storybook/test';

// Pieces every checkout story shares: the result card, the redirect capture and the play steps.

const RESULT_LINES: Record<CheckoutResult['status'] | 'issued', string> = {
  success: '결제가 승인되었습니다. 서버에서 결제 승인(confirm)이나 조회(verify)를 마쳐야 결제가 완료됩니다.',
  fail: '결제에 실패했습니다.',
  cancel: '구매자가 결제를 취소했습니다.',
  redirecting: '결제 결과 페이지로 이동합니다.',
  issued: '빌링키가 발급되었습니다. 서버에서 조회한 뒤 저장하고, 결제는 서버에서 요청합니다.',
};

const PROVIDER_NAMES = { toss: '토스페이먼츠', portone: '포트원 V2', iamport: '포트원 V1 (iamport)' } as const;

/** The rows worth showing for a result, in the order a designer reads them; absent ids are left out. */
function resultRows(result: CheckoutResult | BillingKeyResult | BillingKeyFailed | BillingKeyCancelled): [string, string][] {
  const record = result as unknown as Record<string, unknown>;
  const rows: [string, unknown][] = [
    ['결제사', PROVIDER_NAMES[result.provider as keyof typeof PROVIDER_NAMES] ?? result.provider],
    ['주문번호', record.orderId],
    ['금액', typeof record.amount === 'number' ? (record.currency === 'USD' ? `$${record.amount.toFixed(2)}` : `${record.amount.toLocaleString('ko-KR')}원`) : undefined],
    ['paymentKey', record.paymentKey],
    ['paymentId', record.paymentId],
    ['txId', record.txId],
    ['imp_uid', record.impUid],
    ['빌링키', record.billingKey],
    ['오류 코드', result.status === 'fail' || result.status === 'cancel' ? record.code : undefined],
    ['메시지', result.status === 'fail' || result.status === 'cancel' ? record.message : undefined],
  ];
  return rows.filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '');
}

const CARD_ACCENT: Record<string, string> = { success: '#1a7f37', fail: '#d22030', cancel: '#6b7684', redirecting: '#3182f6' };

/** The last result as a card: what happened in one line, then the ids the page hands to its server. */
export function ResultPanel({ result }: { result: CheckoutResult | BillingKeyResult | BillingKeyFailed | BillingKeyCancelled }) {
  const line = 'billingKey' in result && result.status === 'success' ? RESULT_LINES.issued : RESULT_LINES[result.status];
  const accent = CARD_ACCENT[result.status] ?? '#6b7684';
  return (
    <output
      data-testid="result"
      data-status={result.status}
      style={{ display: 'block', marginTop: 16, padding: 16, border: '1px solid #e5e8eb', borderLeft: `4px solid ${accent}`, borderRadius: 10 }}
    >
      <strong style={{ display: 'block', color: accent }}>{line}</strong>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', alignItems: 'baseline', gap: '4px 16px', margin: '12px 0 0', fontSize: 14 }}>
        {resultRows(result).map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt style={{ color: '#6b7684' }}>{term}</dt>
            <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{value}</dd>
          </div>
        ))}
      </dl>
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

/** Waits for the result card and checks its status and the line the buyer reads first. */
export async function expectResult(root: HTMLElement, status: CheckoutResult['status'], { billingKey = false } = {}) {
  await waitFor(() => expect(root.querySelector('[data-testid="result"]')?.getAttribute('data-status')).toBe(status), { timeout: 5000 });
  const line = billingKey && status === 'success' ? RESULT_LINES.issued : RESULT_LINES[status];
  await expect(root.querySelector('[data-testid="result"] strong')?.textContent).toBe(line);
}
