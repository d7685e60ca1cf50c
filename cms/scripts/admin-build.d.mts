export declare const APP_DIR: string;
export declare const STRAPI_CLI: string;
export declare function adminBuildIsStale(): boolean;
export declare function ensureAdminBuild(options?: { stdio?: 'pipe' | 'inherit' }): boolean;
