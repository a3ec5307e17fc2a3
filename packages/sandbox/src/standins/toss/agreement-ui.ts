import { control } from '../shared/control.js';
import { h, theme, uniqueId } from '../shared/dom.js';

export const TOSS_TERM = {
  id: 'kcheckout-sandbox-terms',
  title: '[필수] 결제 서비스 이용 약관, 개인정보 처리 동의',
  content:
    '오프라인 샌드박스의 예시 약관입니다. 실제 결제, 개인정보 수집은 이루어지지 않습니다. ' +
    'This is the offline sandbox: nothing is charged and no personal data is collected.',
  required: true,
} as const;

export interface AgreementUi {
  readonly root: HTMLElement;
  agreed(): boolean;
  onChange(listener: (agreed: boolean) => void): void;
  remove(): void;
}

/** The stand-in's own words in English, when `kcheckoutSandbox.locale` is `'en'`. */
const EN = {
  title: '[Required] Payment service terms and consent to personal data processing',
  badge: 'Sandbox',
  show: 'View terms',
  content: 'This is the offline sandbox: nothing is charged and no personal data is collected.',
};

/**
 * Whether the stand-ins speak English: set explicitly (`kcheckoutSandbox.locale = 'en'`), never guessed
 * from `<html lang>`, which many Korean shops leave at a template's "en".
 */
export function sandboxSpeaksEnglish(): boolean {
  return control().locale === 'en';
}

/** The sandbox's terms UI: one required term, unchecked as the buyer first sees it unless `ticked`. */
export function renderAgreementUi(container: HTMLElement, sdk: string, { ticked = false } = {}): AgreementUi {
  const en = sandboxSpeaksEnglish();
  const listeners: Array<(agreed: boolean) => void> = [];
  const checkboxId = uniqueId('kcheckout-sandbox-term');
  const checkbox = h('input', {
    type: 'checkbox',
    id: checkboxId,
    name: TOSS_TERM.id,
    required: true,
    checked: ticked,
    style: `width:18px;height:18px;margin:0;accent-color:${theme.accent};flex:none;`,
  });
  const root = h(
    'div',
    {
      'data-kcheckout-sandbox': 'agreement',
      'data-sdk': sdk,
      style: `box-sizing:border-box;padding:12px 16px;border:${theme.border};border-radius:${theme.radius};color:${theme.text};background:#fff;`,
    },
    h(
      'div',
      { style: 'display:flex;flex-wrap:wrap;align-items:center;gap:8px;' },
      checkbox,
      h('label', { for: checkboxId, style: 'cursor:pointer;' }, en ? EN.title : TOSS_TERM.title),
      h('span', { style: theme.badge }, en ? EN.badge : '샌드박스'),
    ),
    h(
      'details',
      { style: `margin:8px 0 0 26px;color:${theme.muted};font-size:13px;` },
      h('summary', { style: 'cursor:pointer;' }, en ? EN.show : '약관 보기'),
      h('p', { style: 'margin:6px 0 0;' }, en ? EN.content : TOSS_TERM.content),
    ),
  );
  checkbox.addEventListener('change', () => {
    for (const listener of listeners.slice()) listener(checkbox.checked);
  });
  container.append(root);

  return {
    root,
    agreed: () => checkbox.checked,
    onChange(listener) {
      listeners.push(listener);
    },
    remove() {
      listeners.length = 0;
      root.remove();
    },
  };
}
