// Reads a Fluent SpinButton change: a stepped value, or what was typed.
export function spinValue(data: { value?: number | null; displayValue?: string }): number | null {
  if (typeof data.value === "number") return data.value;
  const n = Number(data.displayValue);
  return data.displayValue !== undefined && data.displayValue.trim() !== "" && Number.isFinite(n) ? n : null;
}
