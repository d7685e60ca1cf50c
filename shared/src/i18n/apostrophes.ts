/**
 * One mark, three characters: ' (most keyboards), ’ (typeset text, and what phones' smart
 * punctuation makes of ') and ʼ (U+02BC, the letter Unicode gives the Ukrainian apostrophe, used
 * in official Ukrainian texts). A reader types one, an editor pastes another: whatever spells or
 * finds words (an address, an SMS, the search) takes them as the same.
 */
export const APOSTROPHES: readonly string[] = ["'", '\u2019', '\u02bc'];
