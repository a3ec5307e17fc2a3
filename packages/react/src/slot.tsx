import { cloneElement, forwardRef, isValidElement, type ReactElement, type ReactNode, type Ref } from 'react';
import { CheckoutError } from '@kcheckout/core';

type AnyProps = Record<string, unknown>;

/**
 * Renders its only child with our props merged in, for `asChild`: a designer's own <Button> becomes
 * the checkout button and keeps its look. The child's handlers run first; calling
 * `event.preventDefault()` there skips ours.
 */
export const Slot = forwardRef<HTMLElement, AnyProps & { children?: ReactNode }>(function Slot(
  { children, ...slotProps },
  forwardedRef,
) {
  if (!isValidElement(children)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `asChild에는 React 요소 하나를 자식으로 넘겨야 합니다 (예: <CheckoutButton asChild><MyButton /></CheckoutButton>). ` +
          `asChild needs exactly one React element as its child.`
        : '',
    );
  }
  const child = children as ReactElement<AnyProps>;
  // React 19 keeps the ref in props; React 18 on the element.
  const childRef = (child.props.ref ?? (child as unknown as { ref?: Ref<HTMLElement> }).ref) as Ref<HTMLElement> | undefined;
  return cloneElement(child, { ...mergeProps(slotProps, child.props), ref: composeRefs(forwardedRef, childRef) });
});

/**
 * Merges as Radix's Slot does: the child's props win, handlers compose, `className` and
 * `aria-describedby` join, styles merge, and `undefined` on either side never overwrites a value.
 * Our state attributes (`data-*`, `aria-*`, `disabled`) are the exception: they describe our state,
 * so the child must not mask them.
 */
function mergeProps(slot: AnyProps, child: AnyProps): AnyProps {
  const merged: AnyProps = { ...slot };
  for (const key of Object.keys(child)) {
    const ours = slot[key];
    const theirs = child[key];
    if (theirs === undefined) continue;
    if (ours === undefined) merged[key] = theirs;
    else if (/^on[A-Z]/.test(key) && typeof ours === 'function' && typeof theirs === 'function') {
      merged[key] = composeEventHandlers(theirs as (event: unknown) => void, ours as (event: unknown) => void);
    } else if (key === 'className' || key === 'aria-describedby') merged[key] = [ours, theirs].filter(Boolean).join(' ');
    else if (key === 'style') merged[key] = { ...(ours as object), ...(theirs as object) };
    else if (!(key.startsWith('data-') || key.startsWith('aria-') || key === 'disabled')) merged[key] = theirs;
  }
  return merged;
}

/** Theirs first; ours unless they called preventDefault(). */
export function composeEventHandlers<E>(theirs: ((event: E) => void) | undefined, ours: (event: E) => void) {
  return (event: E) => {
    theirs?.(event);
    if (!(event as { defaultPrevented?: boolean }).defaultPrevented) ours(event);
  };
}

function composeRefs<T>(...refs: Array<Ref<T> | undefined>) {
  return (node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}
