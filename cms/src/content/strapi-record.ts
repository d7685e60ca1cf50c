/**
 * A document or write as it crosses into Tablica's code from Strapi (document-service params,
 * lifecycle data, a populated entry): loosely typed on purpose, because it is parsed here, at
 * the boundary, by the shared Zod schemas (to-shared.ts → validate…). Reads and writes that
 * Strapi's generated types (types/generated) describe exactly use those instead.
 */
export type StrapiRecord = Record<string, unknown>;
