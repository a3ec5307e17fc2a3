import type { Preview } from '@storybook/react-vite';
import { StrictMode } from 'react';

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
  },
  initialGlobals: { backend: 'sandbox' },
  // Every story runs under StrictMode, as a Next.js or Vite app does in development.
  decorators: [(Story) => <StrictMode><Story /></StrictMode>],
  parameters: { layout: 'padded' },
};

export default preview;
