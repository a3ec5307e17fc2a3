import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef, type MouseEvent, type ReactElement, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CheckoutError } from '@kcheckout/core';
import { Slot } from './slot.js';

/** Renders one slot at a time: the previous one is unmounted first. */
const renderSlot = (ours: Record<string, unknown>, child: ReactElement) => {
  cleanup();
  render(<StrictMode><Slot {...ours}>{child}</Slot></StrictMode>);
  return screen.getByRole('button');
};

describe('given <Slot> merging our props into the designer’s element (asChild)', () => {
  it("keeps the child's own aria-describedby when ours is undefined, and joins both when both are set", () => {
    const own = renderSlot({ 'aria-describedby': undefined }, <button type="button" aria-describedby="hint">결제</button>);
    expect(own.getAttribute('aria-describedby')).toBe('hint');
    const both = renderSlot({ 'aria-describedby': 'error-1' }, <button type="button" aria-describedby="hint">결제</button>);
    expect(both.getAttribute('aria-describedby')).toBe('error-1 hint');
  });

  it('joins className without "undefined" when either side has none', () => {
    expect(renderSlot({ className: undefined }, <button type="button" className="brand">결제</button>).className).toBe('brand');
    expect(renderSlot({ className: 'ours' }, <button type="button" className={undefined}>결제</button>).className).toBe('ours');
    expect(renderSlot({ className: 'ours' }, <button type="button" className="brand">결제</button>).className).toBe('ours brand');
  });

  it("lets the child's ordinary props win, but not over our state attributes, and an undefined prop overwrites nothing", () => {
    const element = renderSlot(
      { title: 'ours', 'data-state': 'ready', disabled: true, style: { color: 'red', margin: 0 } },
      <button type="submit" title="theirs" data-state="mine" disabled={false} style={{ color: 'blue' }} tabIndex={undefined}>
        결제
      </button>,
    ) as HTMLButtonElement;
    expect(element.title).toBe('theirs');
    expect(element.type).toBe('submit');
    expect(element.getAttribute('data-state')).toBe('ready');
    expect(element.disabled).toBe(true);
    expect(element.style.color).toBe('blue');
    expect(element.style.margin).toBe('0px');
  });

  it("runs the child's handler first, and its preventDefault() skips ours", () => {
    const order: string[] = [];
    const ours = vi.fn(() => order.push('ours'));
    const element = renderSlot({ onClick: ours }, <button type="button" onClick={() => order.push('theirs')}>결제</button>);
    fireEvent.click(element);
    expect(order).toEqual(['theirs', 'ours']);
    const blocked = renderSlot({ onClick: ours }, <button type="button" onClick={(event: MouseEvent) => event.preventDefault()}>결제</button>);
    fireEvent.click(blocked);
    expect(ours).toHaveBeenCalledTimes(1);
  });

  it("keeps our handler when the child's is undefined, and gives both refs the element", () => {
    const ours = vi.fn();
    const outer = createRef<HTMLElement>();
    const inner = createRef<HTMLButtonElement>();
    render(
      <Slot onClick={ours} ref={outer}>
        <button type="button" onClick={undefined} ref={inner}>결제</button>
      </Slot>,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(ours).toHaveBeenCalledTimes(1);
    expect(outer.current).toBe(screen.getByRole('button'));
    expect(inner.current).toBe(screen.getByRole('button'));
  });

  it('refuses anything but one element with INVALID_OPTION', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Slot>text</Slot>)).toThrow(CheckoutError);
    quiet.mockRestore();
  });
});
