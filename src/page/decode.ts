// The browser's side of src/text/decode.ts (swapped in by webpack for the offline page): the
// page's TextDecoder knows UTF-16 and GB18030, so iconv-lite's tables stay out of the bundle.
export function decodeAs(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be" | "gb18030"): string {
  return new TextDecoder(encoding).decode(bytes);
}
