export declare const kcheckoutSources: Record<string, string>;
