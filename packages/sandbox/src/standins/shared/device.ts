/**
 * The viewport width at or below which the stand-ins act as on a phone. PortOne decides per
 * device whether a window redirects (`windowType: { pc, mobile }`, V1 `m_redirect_url`); the
 * sandbox decides by viewport width rather than user agent, so resizing the browser, a devtools
 * device frame or Storybook's viewport toolbar switches modes without faking a user agent.
 */
export const MOBILE_MEDIA_QUERY = '(max-width: 767px)';

/** Whether the page currently counts as mobile (see MOBILE_MEDIA_QUERY). */
export function isMobileViewport(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(MOBILE_MEDIA_QUERY).matches;
}
