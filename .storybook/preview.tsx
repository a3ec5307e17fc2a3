import type { Preview } from '@storybook/react-vite';
import { StrictMode, useEffect } from 'react';
import stylesheetUrl from '../packages/react/styles.css?url';
import './preview.css';

/** Adds or removes the optional `@kcheckout/react/styles.css`, so designers see both looks. */
function Stylesheet({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetUrl;
    document.head.appendChild(link);
    return () => link.remove();
  }, [enabled]);
  return null;
}

const preview: Preview = {
  globalTypes: {
    backend: {
      description: 'Where the vendor SDK comes from',
      toolbar: {
        title: 'Backend',
        icon: 'transfer',
        items: [
          { value: 'sandbox', title: '오프라인 샌드박스 (offline sandbox)' },
          { value: 'vendor', title: '벤더 공개 테스트 키 (online, vendor test keys)' },
        ],
        dynamicTitle: true,
      },
    },
    styles: {
      description: 'The optional @kcheckout/react/styles.css',
      toolbar: {
        title: 'Styles',
        icon: 'paintbrush',
        items: [
          { value: 'kcheckout', title: 'styles.css 사용 (with the optional stylesheet)' },
          { value: 'none', title: '스타일 없음 (unstyled, as shipped)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { backend: 'sandbox', styles: 'kcheckout' },
  // Every story runs under StrictMode, as a Next.js or Vite app does in development.
  decorators: [
    (Story, { globals, parameters }) => {
      // The device every stand-in acts for, as the story states it (`parameters.device`), never the
      // canvas width: the vendors tell a phone by its user agent. Unstated, the browser's own.
      // The control object is made here only when a story states a device; the stand-in completes it.
      const host = window as { kcheckoutSandbox?: { device?: 'pc' | 'mobile' } };
      if (parameters.device === 'pc' || parameters.device === 'mobile') (host.kcheckoutSandbox ??= {}).device = parameters.device;
      else if (host.kcheckoutSandbox) delete host.kcheckoutSandbox.device;
      return <Story />;
    },
    (Story, { globals }) => (
      <StrictMode>
        <Stylesheet enabled={globals.styles !== 'none'} />
        <Story />
      </StrictMode>
    ),
  ],
  // Every component file gets a docs page (props tables from the types, each story in its own frame).
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    options: {
      storySort: { order: ['Overview', 'Components', 'Hooks', 'Toss', 'PortOne V2', 'PortOne V1 (iamport)', 'Redirect'] },
    },
    // Toss allows one payment-methods widget per page: a docs page showing a file's stories inline
    // would put several on one page. Each story gets its own iframe (its own page), as in the canvas.
    docs: { story: { inline: false, iframeHeight: 560 } },
    controls: { sort: 'requiredFirst' },
  },
};

export default preview;
