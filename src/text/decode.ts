// Decoding a named encoding, for the command line: iconv-lite, since Node's TextDecoder knows
// UTF-16 BE and GB18030 only with full ICU. The offline page swaps this module for
// src/page/decode.ts (the browser's TextDecoder knows them all), keeping iconv's tables out.
import * as iconv from "iconv-lite";

export function decodeAs(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be" | "gb18030"): string {
  return iconv.decode(Buffer.from(bytes), encoding);
}
