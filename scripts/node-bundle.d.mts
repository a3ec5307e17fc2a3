import type { BuildOptions } from 'esbuild';
export declare function nodeBundleOptions(options: { dev: boolean }): BuildOptions;
