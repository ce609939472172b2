// Limits every host applies alike, so a sheet refused by the add-in is refused by the command
// line and the page too.

/** Cells of a used range above which a sheet is refused outright (sheet_too_large). */
export const MAX_READ_CELLS = 1_000_000;
