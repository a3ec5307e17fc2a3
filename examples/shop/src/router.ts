import { useSyncExternalStore } from 'react';

// A few pages need no router library: the path is the state, and links push history entries.

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** `location.pathname + location.search`, re-rendering on every navigation. */
export function useLocation(): { path: string; search: string } {
  const href = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => location.pathname + location.search,
  );
  const url = new URL(href, 'http://shop');
  return { path: url.pathname, search: url.search };
}

/** An `<a>` that navigates without a page load. */
export function linkProps(to: string) {
  return {
    href: to,
    onClick(event: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(to);
    },
  };
}
