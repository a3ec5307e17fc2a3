import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // create-next-app's default: pages prerender what they can and stream the rest, so request-time
  // data (searchParams, a fresh order) has to sit inside <Suspense>.
  cacheComponents: true,
  partialPrefetching: true,
  // libsql is a native module: Node loads it at run time instead of the bundler copying it.
  serverExternalPackages: ['libsql'],
  // `next dev` and `next build` both run from this folder; the workspace root holds the lockfile.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default nextConfig;
