import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig, type Plugin } from 'vite';
import { alias, define } from '../vite.config.ts';
import { stalledScript } from './stalled-script.mjs';

/** Serves the never-ending script the Loading stories point at. */
const stalledScriptPlugin: Plugin = {
  name: 'kcheckout-stalled-script',
  configureServer(server) {
    server.middlewares.use((req, res, next) => stalledScript(req, res, next));
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Offline by design: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias }, define, plugins: [stalledScriptPlugin] }),
};

export default config;
