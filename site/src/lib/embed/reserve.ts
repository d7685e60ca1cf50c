/**
 * How much height an embedded <tablica-notices> may take, in `em` of the element's own font size.
 * The snippet reserves it (`min-height`) before the script has run, and the widget clamps every
 * line box (src/widget/embed.js) so it never grows past it: the host page does not shift when the
 * notices arrive. The figures follow embed.js's stylesheet (line-height 1.4); the widget tests
 * measure the real widget against them, so a change on one side without the other fails there.
 */
export const WIDGET_VARIANTS = ['list', 'banner', 'single'] as const;
export type WidgetVariant = (typeof WIDGET_VARIANTS)[number];

export const WIDGET_MAX_LIMIT = 10;

const LINE = 1.4;
const SMALL_LINE = 0.9 * LINE;
/** Padding (.75em top and bottom), the 1px borders and room for a fallback font's taller glyphs. */
const FRAME = 1.5 + 0.25 + 0.3;
/** The heading: two lines and its margin. */
const HEADING = 2 * LINE + 0.35;
/** One list item: padding, a title of at most two lines, a period of at most two, its border. */
const ITEM = 0.6 + 2 * LINE + 2 * SMALL_LINE + 0.125;
/** The "all notices" link below the list. */
const MORE = 0.4 + SMALL_LINE;
/** The tap-to-call line under a single notice's period. */
const CALL = 0.4 + LINE;
/**
 * A single notice: title (4 lines), period (2), the call line, summary (4), "read the notice" and
 * the link to its easy-to-read text.
 */
const SINGLE = 4 * LINE + 0.35 + 2 * SMALL_LINE + CALL + 0.4 + 4 * LINE + 2 * MORE;

/**
 * What embed.js needs to fill space reserved for more notices than are in force: each shown item
 * gets a share of the spare items' height for its call line (CALL) and summary lines (SMALL_LINE
 * each, after a 0.3em gap), so the list uses the space instead of leaving it empty, and still
 * never outgrows it.
 */
export const SPARE_SPACE = { item: ITEM, line: SMALL_LINE, call: CALL };

export function widgetReserveEm(variant: WidgetVariant, limit: number): number {
  const em =
    variant === 'banner'
      ? FRAME + LINE
      : variant === 'single'
        ? FRAME + SINGLE
        : FRAME + HEADING + clampLimit(limit) * ITEM + MORE;
  return Math.ceil(em * 10) / 10;
}

export const clampLimit = (limit: number) => Math.min(WIDGET_MAX_LIMIT, Math.max(1, Math.round(limit) || 1));
