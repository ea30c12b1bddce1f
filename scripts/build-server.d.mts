/** Types of scripts/build-server.mjs for the TypeScript that imports it (bench/memory.ts). */
export declare const SERVER_NODE_FLAGS: string[];
export declare const SERVER_ENVIRONMENT: Record<string, string>;
