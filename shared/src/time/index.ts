export * from './entered.ts';
export * from './zoned.ts';
