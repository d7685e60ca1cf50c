import * as z from 'zod';
import { singleLine } from './text.ts';

/**
 * TERYT TERC code of a municipality (gmina): voivodeship, county, municipality and its type,
 * seven digits. Częstochowa is 2464011. CAP and schema.org carry it as a geocode.
 */
export const TerytCodeSchema = z.string().refine((value) => /^\d{7}$/.test(value), { params: { rule: 'teryt' } });

export const AreaSchema = z.object({
  description: singleLine({ max: 200 }),
  teryt: z.array(TerytCodeSchema).max(50).default([]),
});

export type Area = z.output<typeof AreaSchema>;
