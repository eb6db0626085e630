/** Types of scripts/node-flags.mjs (plain JavaScript so `npm start` needs no loader). */
export declare const DEFAULT_INITIAL_HEAP_MB: number;
export declare function serverNodeFlags(env?: Record<string, string | undefined>): string[];
export declare const SERVER_ONLY_HOOK: string;
export declare function tsxImports(): string[];
