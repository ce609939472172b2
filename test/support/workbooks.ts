// Workbooks and files made on the fly for adapter tests.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

export async function tempDir(prefix = "jindu-test-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function fromBuffer(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The first bytes of an OLE2 compound file holding an encrypted OOXML package. */
export function encryptedWorkbookBytes(): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(50), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(400)]);
}

/** A legacy .xls has the same container without the encrypted package. */
export function legacyXlsBytes(): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(400)]);
}

/** A small bulletin: title row merged across, header on row 3, unit merged over rows 4–6. */
export function smallBulletin(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("通报");
  ws.getCell("A1").value = "2020年1-6月份民生工程项目进展情况";
  ws.mergeCells("A1:E1");
  ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"].forEach((h, i) => {
    ws.getCell(3, i + 1).value = h;
  });
  const rows: [number | null, string | null, string, string, string][] = [
    [1, "市水务局", "农村饮水安全巩固提升工程", "实施5处工程", "完成5处工程"],
    [null, null, "水利薄弱环节治理", "开工建设4个项目", "完成招标文件编制工作"],
    [null, null, "技能脱贫培训", "培训200人次", "培训209人次,完成任务104.5%"],
    [2, "市财政局", "资产收益扶贫", "帮助贫困群众分享红利", "资金已下达"],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => {
    if (v !== null) ws.getCell(4 + i, c + 1).value = v;
  }));
  ws.mergeCells("A4:A6");
  ws.mergeCells("B4:B6");
  return wb;
}
