import type { SandboxOutcome } from '../../types.js';
import { control } from './control.js';
import { h, theme, uniqueId } from './dom.js';

export interface PaymentWindowOptions {
  /** The window's accessible name, e.g. "토스페이먼츠 샌드박스 결제창". */
  title: string;
  /** Label and value rows: order name, amount, method. */
  details: Array<[label: string, value: string]>;
  /** Closes the window from outside (Toss `payment.destroy()`); it then answers `cancel`. */
  signal?: AbortSignal | undefined;
}

/**
 * How long the window's buttons stay unarmed after it opens. A double click on the page's pay button
 * opens the window with the first click; the second lands wherever the window put a button (the
 * 거절 button can sit exactly under pay). 500 ms is the default double-click time on Windows and
 * macOS, and real vendor windows take longer than that to load anyway.
 */
export const ARMING_MS = 500;

const BUTTONS: Array<{ outcome: SandboxOutcome; label: string; style: string }> = [
  { outcome: 'approve', label: '승인', style: `background:${theme.accent};color:#fff;border:none;` },
  { outcome: 'decline', label: '거절', style: `background:#fff;color:#d22030;border:1px solid #f2b8be;` },
  { outcome: 'cancel', label: '취소', style: `background:#fff;color:${theme.text};border:${theme.border};` },
];

/**
 * The vendor's payment window, as an in-page modal dialog with Approve, Decline and Cancel.
 * Resolves with the buyer's choice once the dialog has been removed. If `nextOutcome` is set, the
 * window answers by itself a macrotask later, so it is visible for a moment (and in screenshots).
 */
export function openPaymentWindow(options: PaymentWindowOptions): Promise<SandboxOutcome> {
  const titleId = uniqueId('kcheckout-sandbox-window-title');
  const noteId = uniqueId('kcheckout-sandbox-window-note');
  const dialog = h(
    'dialog',
    {
      'data-kcheckout-sandbox': 'payment-window',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': titleId,
      'aria-describedby': noteId,
      style:
        `width:min(360px, calc(100vw - 32px));box-sizing:border-box;padding:24px;border:none;border-radius:16px;` +
        `box-shadow:0 12px 40px rgba(0,0,0,.25);color:${theme.text};font:inherit;font-size:15px;`,
    },
    h('h2', { id: titleId, style: 'margin:0 0 4px;font-size:18px;' }, options.title),
    h(
      'p',
      { id: noteId, style: `margin:0 0 16px;color:${theme.muted};font-size:13px;` },
      '오프라인 샌드박스입니다. 실제 결제는 이루어지지 않습니다. 결과를 고르세요.',
    ),
    h(
      'dl',
      { style: 'display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0 0 20px;' },
      ...options.details.flatMap(([label, value]) => [
        h('dt', { style: `color:${theme.muted};` }, label),
        h('dd', { style: 'margin:0;font-weight:600;word-break:break-all;' }, value),
      ]),
    ),
  );
  const buttons = BUTTONS.map(({ outcome, label, style }) =>
    h(
      'button',
      {
        type: 'button',
        'data-outcome': outcome,
        // Until armed: Playwright's click waits for an enabled element, and screen readers say so.
        'aria-disabled': 'true',
        style: `flex:1;padding:10px 0;border-radius:10px;font:inherit;font-weight:600;cursor:pointer;${style}`,
      },
      label,
    ),
  );
  dialog.append(h('div', { style: 'display:flex;gap:8px;' }, ...buttons));

  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(dialog);
  // showModal gives the top layer, inert background and a focus trap for free; the attribute is a
  // fallback for DOMs without it.
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  buttons[0]!.focus();

  return new Promise<SandboxOutcome>((resolve) => {
    let answered = false;
    const armsAt = performance.now() + ARMING_MS;
    const arm = setTimeout(() => {
      for (const button of buttons) button.removeAttribute('aria-disabled');
    }, ARMING_MS);
    const answer = (outcome: SandboxOutcome) => {
      if (answered) return;
      answered = true;
      clearTimeout(arm);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      dialog.remove();
      if (previousFocus?.isConnected) previousFocus.focus();
      resolve(outcome);
    };
    // A pointer click counts only if its press started on that button after the window armed: the
    // second click of a double click on pay (or a press held from before) is dropped. A click with
    // `detail === 0` is a keyboard activation or a script's `.click()`, never half of a double click.
    let pressed: HTMLElement | null = null;
    for (const button of buttons) {
      button.addEventListener('pointerdown', () => {
        pressed = performance.now() >= armsAt ? button : null;
      });
      button.addEventListener('click', (event) => {
        const byPointer = event.detail > 0;
        const counts = !byPointer || pressed === button;
        pressed = null;
        if (!counts) return;
        answer(button.dataset.outcome as SandboxOutcome);
      });
    }
    // Escape closes the vendor's window, which is a cancel. The native `cancel` event covers the
    // modal case; keydown covers the attribute fallback.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer('cancel');
    });
    dialog.addEventListener('keydown', (event) => {
      // A key held down on the page's pay button repeats into the focused 승인 button.
      if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
      if (event.key === 'Escape') {
        event.preventDefault();
        answer('cancel');
      }
    });

    options.signal?.addEventListener('abort', () => answer('cancel'), { once: true });

    const sandbox = control();
    const scripted = sandbox.nextOutcome;
    if (scripted !== undefined) {
      delete sandbox.nextOutcome;
      if (BUTTONS.some((button) => button.outcome === scripted)) setTimeout(() => answer(scripted), 0);
      else console.warn(`[kcheckout sandbox] nextOutcome must be 'approve', 'decline' or 'cancel', not ${JSON.stringify(scripted)}; the window waits for a click.`);
    }
  });
}
