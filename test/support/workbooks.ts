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

/** Sheets a user sees (Jindu's state sheet is very hidden). */
export const visibleSheets = (wb: ExcelJS.Workbook): string[] => wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name);

/** Cells each tagged highlight covers, by the status in its tag ("lagging" → {"14,3", …}). */
export function markedCells(ws: ExcelJS.Worksheet): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings ?? [];
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const cf of cfs) {
    for (const rule of cf.rules) {
      const tag = /"jindu:([a-z_]+)"/.exec((rule.formulae ?? []).join(" "))?.[1];
      if (!tag) continue;
      const set = out.get(tag) ?? new Set<string>();
      for (const part of cf.ref.split(/\s+/)) {
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
        if (!m) continue;
        const [c1, r1] = [col(m[1]!), Number(m[2])];
        const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
        for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) set.add(`${r},${c}`);
      }
      out.set(tag, set);
    }
  }
  return out;
}
