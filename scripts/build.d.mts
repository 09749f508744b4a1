// Types of build.mjs for the TypeScript scripts that import it (scripts/web.ts).
export function buildApp(): Promise<void>;
export function buildRenderer(): Promise<void>;
