import { promises as fs } from "node:fs";
import * as path from "node:path";
import { writeWorkbookAtomic } from "../../src/xlsx/write";
import { fromBuffer, smallBulletin, tempDir } from "../support/workbooks";

describe("writeWorkbookAtomic", () => {
  test("writes a readable workbook and leaves no temporary file", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "a.jindu.xlsx");
    await writeWorkbookAtomic(smallBulletin(), out);
    const back = await fromBuffer(await fs.readFile(out));
    expect(back.getWorksheet("通报")?.getCell("C4").value).toBe("农村饮水安全巩固提升工程");
    expect(await fs.readdir(dir)).toEqual(["a.jindu.xlsx"]);
  });

  test("never replaces an existing output without force", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "a.jindu.xlsx");
    await fs.writeFile(out, "keep me");
    await expect(writeWorkbookAtomic(smallBulletin(), out)).rejects.toMatchObject({ code: "output_exists" });
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
    expect(await fs.readdir(dir)).toEqual(["a.jindu.xlsx"]);
  });

  test("replaces it with force", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "a.jindu.xlsx");
    await fs.writeFile(out, "old");
    await writeWorkbookAtomic(smallBulletin(), out, { force: true });
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe("PK");
    expect(await fs.readdir(dir)).toEqual(["a.jindu.xlsx"]);
  });

  test("a failure while writing leaves nothing behind", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "a.jindu.xlsx");
    const wb = smallBulletin();
    jest.spyOn(wb.xlsx, "writeBuffer").mockRejectedValueOnce(new Error("disk full"));
    await expect(writeWorkbookAtomic(wb, out)).rejects.toThrow("disk full");
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test("a failure after the temporary file was written leaves nothing behind either", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "a.jindu.xlsx");
    const link = jest.spyOn(fs, "link").mockRejectedValueOnce(Object.assign(new Error("EIO"), { code: "EIO" }));
    await expect(writeWorkbookAtomic(smallBulletin(), out)).rejects.toThrow("EIO");
    link.mockRestore();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test("creates the output folder", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "out", "sub", "a.jindu.xlsx");
    await writeWorkbookAtomic(smallBulletin(), out);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });
});
