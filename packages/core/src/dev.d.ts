/**
 * `true` in development builds, `false` in production ones. Never read at run time: every build
 * replaces it (the packages' build.mjs, vite.config.ts's `define`, examples/shop), so a production
 * build can drop the developer prose behind `__DEV__ ? … : ''`. The react package and the root
 * tsconfig include this file too.
 */
declare const __DEV__: boolean;
