import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { alias } from '../vite.config.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Offline by design: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias } }),
};

export default config;
