// Normalisation that keeps offsets: every character maps to exactly one character, so a
// match in the normalised text is a match at the same offsets in the cell's own text.

const MAP: Record<string, string> = {
  "，": ",", "、": "、", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "．": ".",
  "－": "-", "—": "-", "–": "-", "～": "~", "〜": "~", "＋": "+", "／": "/", "　": " ",
  "“": "“", "”": "”", "｜": "|", "［": "[", "］": "]", "【": "[", "】": "]", "！": "!",
  "？": "?", "﹪": "%", "‰": "‰", "\u00A0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
  "\t": " ", "\r": " ", "\n": " ",
};

// Traditional characters frequent in bulletins (資金, 項目, 進度, 萬元 …), one for one: a table
// reposted in traditional script reads like the simplified original.
const TRADITIONAL = "資產設項進況實際計劃達額時間數單號區縣務責負開業個萬億標準報統農醫藥療養險貧優學園鄉鎮戶財撥應總體點類據當後與為於並將對從這還無發動現狀態條規範環電網線橋鐵場長門關問題節處辦歷東車運輸機構導書記議會員級層組織擴費補貼獎勵災舊齡兒視聽廣蓋護傷殘孫婦檢驗濟價質綜勞創頭預備續種樹綠積參輔訓練職轉換崗汙淨遷塊壩溝燈飲廁廚餘帶歲樂藝術館圖鍛煉賽權證確認紀屬較漲減輛來們說築營銷稅錢銀貸擔絡訊鄰聯幫興隊傳輪週則採購審評結調遞衛寬戰紅綫幣細圓專廳";
const SIMPLIFIED = "资产设项进况实际计划达额时间数单号区县务责负开业个万亿标准报统农医药疗养险贫优学园乡镇户财拨应总体点类据当后与为于并将对从这还无发动现状态条规范环电网线桥铁场长门关问题节处办历东车运输机构导书记议会员级层组织扩费补贴奖励灾旧龄儿视听广盖护伤残孙妇检验济价质综劳创头预备续种树绿积参辅训练职转换岗污净迁块坝沟灯饮厕厨余带岁乐艺术馆图锻炼赛权证确认纪属较涨减辆来们说筑营销税钱银贷担络讯邻联帮兴队传轮周则采购审评结调递卫宽战红线币细圆专厅";
// A lookup by code unit: a character class of hundreds of scattered characters makes every
// regex pass over every cell slow, and traditional text is rare.
const TO_SIMPLIFIED = new Uint16Array(0x10000);
for (let i = 0; i < TRADITIONAL.length; i++) TO_SIMPLIFIED[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);

/** Traditional characters of the table to simplified ones; same length. */
function simplify(text: string): string {
  let i = 0;
  while (i < text.length && TO_SIMPLIFIED[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const t = TO_SIMPLIFIED[c]!;
    out += String.fromCharCode(t === 0 ? c : t);
  }
  return out;
}

const TO_MAP = new RegExp(`[\uff01-\uff5e${Object.keys(MAP).join("").replace(/[\]\\^-]/g, "\\$&")}]`, "g");

function mapChar(ch: string): string {
  const mapped = MAP[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
}

/** Full-width digits and letters to ASCII, Chinese punctuation to ASCII; same length. */
export function normalize(text: string): string {
  return simplify(text.replace(TO_MAP, mapChar));
}

/** Removes every kind of white space (header cells are often spaced out: 完  成  情  况). */
export function squeeze(text: string): string {
  return normalize(text).replace(/\s+/g, "");
}

/** Chinese characters (and ASCII letters) only: the words that carry meaning for similarity. */
export function hanOnly(text: string): string {
  return text.replace(/[^\u3400-\u9fffA-Za-z]/g, "");
}
