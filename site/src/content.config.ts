import { defineCollection } from 'astro:content';
import { tablicaLoader } from './loaders/tablica.ts';

export const collections = {
  notices: defineCollection({ loader: tablicaLoader('notices') }),
  institutions: defineCollection({ loader: tablicaLoader('institutions') }),
  settings: defineCollection({ loader: tablicaLoader('settings') }),
};
