import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // create-next-app's default: pages prerender what they can and stream the rest, so request-time
  // data (searchParams, a fresh order) has to sit inside <Suspense>.
  cacheComponents: true,
  // Next 16.4 asks new Cache Components projects to turn this on too: a <Link> prefetch takes the
  // static shell only.
  partialPrefetching: true,
  // Next's default for the App Router, stated because the e2e's next dev checks rely on it: every
  // effect runs twice in development, and the checkout must still load one script and render once.
  reactStrictMode: true,
  // libsql is a native module: Node loads it at run time instead of the bundler copying it.
  serverExternalPackages: ['libsql'],
  // `next dev` and `next build` both run from this folder; the workspace root holds the lockfile.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default nextConfig;
