/** Types of scripts/build-if-stale.mjs for the TypeScript that imports it (scripts/build-server.test.ts). */
export type BuildTarget = { stamp: string; outputs: string[]; sources: string[]; ignored: string[]; command: string[] };
export declare const targets: { web: BuildTarget; server: BuildTarget };
export declare function fingerprintSources(target: BuildTarget, base?: string): string;
export declare function isStale(target: BuildTarget, base?: string): boolean;
export declare function buildIfStale(name: keyof typeof targets, base?: string): boolean;
