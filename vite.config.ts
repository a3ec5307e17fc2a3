/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { scriptServer } from './test/script-server.ts';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Source-first in the workspace: tests and Storybook run the TypeScript sources, while the published
// packages point at dist/. The aliases keep both in step without a build before every test run.
const entry = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Subpath entries first: an alias also matches its key followed by `/`.
export const alias = {
  '@kcheckout/sandbox/node': entry('sandbox/src/rest/node.ts'),
  '@kcheckout/server/node': entry('server/src/node.ts'),
  '@kcheckout/server/libsql': entry('server/src/store/libsql.ts'),
  '@kcheckout/server/postgres': entry('server/src/store/postgres.ts'),
  '@kcheckout/react/toss': entry('react/src/toss.ts'),
  '@kcheckout/react/portone': entry('react/src/portone.ts'),
  '@kcheckout/core': pkg('core'),
  '@kcheckout/react': pkg('react'),
  '@kcheckout/sandbox': pkg('sandbox'),
  '@kcheckout/server': pkg('server'),
};

/** Debian's Chromium; a test tool's own browser download cannot run on this network. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Real Chromium with the test script server: component tests, and the bench that prints figures. */
function browserProject(name: string, include: string[]): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [scriptServer(fileURLToPath(new URL('./packages/sandbox/dist/scripts', import.meta.url)))],
    // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page, and the
    // reload leaves two copies of React behind.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-dev-runtime',
        'react-dom',
        'react-dom/client',
        'react-dom/server',
        '@testing-library/react',
        'axe-core',
        '@tosspayments/tosspayments-sdk',
        '@tosspayments/payment-widget-sdk',
        '@portone/browser-sdk/v2',
      ],
    },
    test: {
      name,
      include,
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  };
}

/**
 * The sources read the build constant `__DEV__` (packages/core/src/dev.d.ts), which the packages'
 * build replaces. Tests, Storybook and the bench run the sources, as a development build.
 */
export const define = { __DEV__: 'true' };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  define,
  test: {
    // Testing Library unmounts between tests only when it can see the test globals.
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.*', '**/*.server.test.*'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ssr',
          environment: 'node',
          include: ['packages/*/src/**/*.server.test.{ts,tsx}'],
        },
      },
      browserProject('browser', ['packages/*/src/**/*.browser.test.{ts,tsx}']),
      // `pnpm bench`: figures printed from Chromium, not part of the suite.
      browserProject('bench', ['bench/**/*.bench.tsx']),
    ],
  },
});
