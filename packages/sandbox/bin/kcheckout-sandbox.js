#!/usr/bin/env node
// `kcheckout-sandbox serve --port 8787` or `kcheckout-sandbox copy-scripts public/kcheckout-sandbox`: see src/rest/cli.ts (built to dist/rest/cli.js).
import { runCli } from '../dist/rest/cli.js';

const [command] = process.argv.slice(2);
runCli(process.argv.slice(2)).then(
  (server) => {
    if (!server && !['help', '--help', '-h', 'copy-scripts'].includes(command ?? '')) process.exitCode = 1;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
