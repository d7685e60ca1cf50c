export declare const APP_DIR: string;
export declare const STRAPI_CLI: string;
export declare function adminBuildEnv(): NodeJS.ProcessEnv;
export declare function recordAdminBuild(): void;
export declare function adminBuildIsStale(): boolean;
export declare function buildAdminPanel(options?: { stdio?: 'pipe' | 'inherit' }): void;
export declare function ensureAdminBuild(options?: { stdio?: 'pipe' | 'inherit' }): boolean;
