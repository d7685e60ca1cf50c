import { defineCollection } from 'astro:content';
import { tablicaContentLoader } from './loaders/tablica.ts';

// One loader reads and checks the whole content while Astro syncs; pages read it through
// src/lib/content.ts, not through collections (why: src/loaders/tablica.ts).
export const collections = {
  content: defineCollection({ loader: tablicaContentLoader() }),
};
