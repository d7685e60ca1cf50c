/**
 * Page numbers to link around `page`: the first, the last and two either side, with `null` for
 * a gap of more than one page. A 300-page archive links a dozen pages, not 300.
 */
export function pageWindow(page: number, pageCount: number, around = 2): (number | null)[] {
  const shown = new Set([1, pageCount]);
  for (let number = page - around; number <= page + around; number++) {
    if (number >= 1 && number <= pageCount) shown.add(number);
  }
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((number, index) => {
    const previous = sorted[index - 1];
    if (previous === undefined || number - previous === 1) return [number];
    // A gap of one page shows that page: "…" would take as much room.
    return number - previous === 2 ? [previous + 1, number] : [null, number];
  });
}

/** The items of one page of a list. */
export const pageOf = <T>(items: T[], page: number, size: number): T[] => items.slice((page - 1) * size, page * size);

export const pageCountOf = (length: number, size: number): number => Math.max(1, Math.ceil(length / size));
