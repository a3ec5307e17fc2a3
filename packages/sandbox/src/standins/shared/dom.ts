type Child = Node | string | null | undefined | false;

/** A small element builder: the stand-ins render plain DOM, with no framework and no external CSS. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean>> & { style?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** The element a vendor `selector` names, or null (an invalid selector counts as no match, not a crash). */
export function findElement(selector: unknown): HTMLElement | null {
  if (typeof selector !== 'string' || selector.trim() === '') return null;
  try {
    return document.querySelector<HTMLElement>(selector);
  } catch {
    return null;
  }
}

let counter = 0;

/** A page-unique id for labelling (aria-labelledby, radio group names). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Shared look: inherits the page's font, neutral borders, enough contrast for a designer's screen. */
export const theme = {
  border: '1px solid #d1d6db',
  radius: '12px',
  text: '#191f28',
  muted: '#6b7684',
  accent: '#1b64da',
  badge:
    'display:inline-block;margin-left:8px;padding:1px 8px;border-radius:999px;background:#fff4e5;color:#8a4b00;' +
    'font-size:12px;font-weight:600;vertical-align:middle;',
};
