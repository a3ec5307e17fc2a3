import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
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
  // The MDX pages first: the overview is the landing page (preview.tsx sorts it to the top).
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  // MDX 3 leaves GitHub-flavoured tables out; the overview's state table and the hooks' tables need them.
  addons: [{ name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } }],
  framework: { name: '@storybook/react-vite', options: {} },
  // Props tables come from the components' TypeScript types and JSDoc (react-docgen-typescript reads
  // the interfaces the props extend, which plain react-docgen leaves out).
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // The DOM's own attributes would bury ours.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  // Offline by design: no telemetry, no "what's new" fetches, no onboarding checklist. The checklist
  // exists only under `storybook dev` (CONFIG_TYPE DEVELOPMENT): the sidebar's "Get started" widget
  // and the settings menu's "Onboarding guide" page each have their own flag (docs/storybook.md).
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias }, define, plugins: [stalledScriptPlugin] }),
};

export default config;
