// Benches of the other entry points (workbook report, add-in bundle), run after the engine's.
export async function extraBenches(): Promise<void> {}
