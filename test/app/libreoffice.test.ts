// The annotated workbook opens in LibreOffice: converted to PDF headless. Skipped, with a
// message, where LibreOffice is not installed.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { report } from "../../src/cli/files";
import { buildSample } from "../../scripts/build-sample";
import { SEED_TEXT } from "../support/fakeAnalyze";
import { tempDir } from "../support/workbooks";

function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync(name, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (r.status === 0) return name;
  }
  return null;
}

const soffice = findSoffice();
if (soffice === null) {
  // Visible in the test output, so a skipped check is not mistaken for a passed one.
  console.warn("LibreOffice (soffice) not found: skipping the LibreOffice open check. Install: apt-get install -y libreoffice-calc-nogui");
}

(soffice === null ? test.skip : test)(
  "the output converts to PDF in LibreOffice",
  async () => {
    const dir = await tempDir();
    const input = path.join(dir, "bulletin.xlsx");
    await buildSample(SEED_TEXT, input);
    const { output } = await report({ input, date: "2020-07-15" });
    const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
    const r = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, output], {
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(r.status).toBe(0);
    const pdf = await fs.readFile(path.join(dir, "bulletin.jindu.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Data sheet, summary and lagging list: more than one page.
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
  },
  180_000,
);
