// Benches of the other entry points (workbook report, add-in bundle), run after the engine's.
import { benchXlsx } from "./xlsx";

export async function extraBenches(): Promise<void> {
  await benchXlsx();
}
