export declare const APP_DIR: string;
export declare const STRAPI_CLI: string;
/** Where to look: the CMS and the lock file of its dependencies (default: this repository's). */
export interface AdminBuildPlace {
  appDir?: string;
  lockFile?: string;
}
export declare function recordAdminBuild(place?: AdminBuildPlace): void;
export declare function adminBuildIsStale(place?: AdminBuildPlace): boolean;
export declare function buildAdminPanel(options?: { stdio?: 'pipe' | 'inherit' }): void;
export declare function ensureAdminBuild(options?: { stdio?: 'pipe' | 'inherit' }): boolean;
