import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { fileBaseName } from '../../src/model/text';
import { DEFAULT_READ_LIMITS, findAttr, isLockFileName, nextCellOrRow, parseSharedStrings, parseSheet, readWorkbook, sharedStringsByRegex, sheetDataStart, type Span, type Tag } from '../../src/workbook/xlsx/read';
import { cellKey, type SheetGrid, type WorkbookGrid } from '../../src/model/types';
import { parseCell } from '../../src/forms/address';
import { badInputs, lyingZipBomb, tinyWorkbook, zipBomb } from '../fixtures/bad';
import { rawXlsx } from '../fixtures/rawXlsx';
import { attr, decodeEntities, decodeText, richText } from '../../src/workbook/xlsx/xml';
import { sameIgnoringCase } from '../../src/workbook/xlsx/zip';

function ok(bytes: Uint8Array, name = 'x.xlsx'): WorkbookGrid {
  const r = readWorkbook(bytes, name);
  if (!r.ok) throw new Error(`expected a workbook, got: ${r.reason}`);
  return r.grid;
}
const at = (s: SheetGrid, a1: string) => {
  const { row, col } = parseCell(a1);
  return s.cells.get(cellKey(row, col));
};

describe('readWorkbook rejects what it cannot read, with a Chinese reason, never throwing', () => {
  test.each(badInputs().map((b) => [b.id, b] as const))('%s', (_id, b) => {
    const r = readWorkbook(b.bytes, b.fileName);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(b.reason);
  });

  test('a zip bomb over the part limit is refused on its declared size', () => {
    const r = readWorkbook(zipBomb(3 * 1024 * 1024), 'bomb.xlsx', { maxPartBytes: 2 * 1024 * 1024 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/压缩炸弹/) });
  });

  test('a zip bomb whose headers lie about its size is stopped while inflating', () => {
    const r = readWorkbook(lyingZipBomb(3 * 1024 * 1024), 'bomb.xlsx', { maxPartBytes: 2 * 1024 * 1024, maxRatio: 100000 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/压缩炸弹/) });
  });

  test('a lying bomb is also stopped by the ratio limit (actual bytes, not the header)', () => {
    const r = readWorkbook(lyingZipBomb(3 * 1024 * 1024), 'bomb.xlsx');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/压缩比异常/) });
  });

  test('with default limits, a sheet inflating past 64 MB is refused', () => {
    const r = readWorkbook(zipBomb(DEFAULT_READ_LIMITS.maxPartBytes + 1024), 'bomb.xlsx', { maxRatio: 1e9 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/超过 64 MB 的上限.*压缩炸弹/) });
  });

  test('parts each under the part limit but together over the total limit are refused', () => {
    const big = `<sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(30000)}</sheetData>`; // ~1.4 MB each
    const two = rawXlsx({ sheets: [{ name: 'A', xml: big }, { name: 'B', xml: big }] });
    expect(readWorkbook(two, 'two.xlsx', { maxPartBytes: 2 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 1e9 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/超过 2 MB 的上限/),
    });
    expect(readWorkbook(two, 'two.xlsx', { maxRatio: 1e9 }).ok).toBe(true);
  });

  test.each([
    ['understates', (n: number) => n - 1],
    ['understates to zero', () => 0],
    ['overstates', (n: number) => n + 5000],
  ])('a sheet whose header %s its inflated size is still read in full (the actual bytes count)', (_what, lie) => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i + 1}行</t></is></c></row>`);
    const z = rawXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${rows.join('')}</sheetData>` }] }).slice();
    const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
    let patched = 0;
    for (let p = 0; p + 46 < z.length; p++) {
      if (dv.getUint32(p, true) !== 0x02014b50) continue;
      const nameLen = dv.getUint16(p + 28, true);
      if (new TextDecoder().decode(z.subarray(p + 46, p + 46 + nameLen)) !== 'xl/worksheets/sheet1.xml') continue;
      const size = lie(dv.getUint32(p + 24, true));
      dv.setUint32(p + 24, size, true);
      dv.setUint32(dv.getUint32(p + 42, true) + 22, size, true);
      patched++;
    }
    expect(patched).toBe(1);
    const s = ok(z).sheets[0];
    expect(s.cells.size).toBe(200);
    expect(at(s, 'A1')).toEqual({ v: '第1行' });
    expect(at(s, 'A200')).toEqual({ v: '第200行' });
  });

  test('a part just under the limits is read', () => {
    const r = readWorkbook(zipBomb(1024 * 1024), 'big.xlsx', { maxPartBytes: 2 * 1024 * 1024 });
    expect(r.ok).toBe(true);
  });

  test('a corrupt deflate stream is reported as damaged', () => {
    const z = tinyWorkbook().slice();
    // Overwrite the middle of the archive's data (the parts, not the directory at the end).
    for (let i = 60; i < 200; i++) z[i] = 0xff;
    const r = readWorkbook(z, 'broken.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/损坏|不完整/);
  });

  test('an encrypted zip entry is refused', () => {
    const z = tinyWorkbook().slice();
    const dv = new DataView(z.buffer);
    for (let p = 0; p + 4 < z.length; p++) if (dv.getUint32(p, true) === 0x02014b50) dv.setUint16(p + 8, dv.getUint16(p + 8, true) | 1, true);
    const r = readWorkbook(z, 'x.xlsx');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/加密/) });
  });

  test('lock-file names: "~$" (Office) and ".~" (WPS) only', () => {
    expect(isLockFileName('dir/~$申报表.xlsx')).toBe(true);
    expect(isLockFileName('.~申报表.xlsx')).toBe(true);
    expect(isLockFileName('申报表~$.xlsx')).toBe(false);
    // The bytes of a real workbook do not rescue a lock-file name.
    expect(readWorkbook(tinyWorkbook(), '~$a.xlsx').ok).toBe(false);
    for (const f of ['', 'a.xlsx', '/', 'dir/', 'a/b\\c.xlsx', 'C:\\报送\\~$x.xlsx', '\\\\host/share\\', 'a//b', '..\\', 'x/y/z'])
      expect([f, fileBaseName(f)]).toEqual([f, f.split(/[\\/]/).pop()]);
  });

  test('a workbook with no worksheet (only a chartsheet) has no sheets to read', () => {
    const r = readWorkbook(rawXlsx({ sheets: [{ name: 'Chart1', xml: '<sheetView/>', chart: true }] }));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/没有可读取的工作表/) });
  });
});

describe('readWorkbook grid contents', () => {
  test('exceljs file: strings, numbers, dates, booleans, formula results, rich text, merges, defined names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1 表');
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '隐藏表内容';
    ws.getCell('A1').value = '党 员\n人 数';
    ws.getCell('B1').value = 23;
    ws.getCell('C1').value = new Date(Date.UTC(2019, 3, 20));
    ws.getCell('D1').value = true;
    ws.getCell('E1').value = { formula: 'B1*2', result: 46 };
    ws.getCell('F1').value = { richText: [{ text: '同意' }, { font: { bold: true }, text: '推荐' }] };
    ws.getCell('G1').value = 3.25;
    ws.getCell('H1').numFmt = '0.00'; // styled but empty: not stored
    ws.getCell('A2').value = '=1+1';
    ws.getCell('B2').value = '+86 138';
    ws.getCell('C2').value = '-';
    ws.getCell('D2').value = '@x';
    ws.getCell('E2').value = 'a & b <c> "d"';
    ws.mergeCells('A8:A10');
    ws.mergeCells('B6:H6');
    wb.definedNames.add("'附件1 表'!$B$1", 'WUHUA_demonstration_v1');
    const grid = ok(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid.sheets.map((s) => s.name)).toEqual(['附件1 表', '隐藏']);
    const s = grid.sheets[0];
    expect(at(s, 'A1')).toEqual({ v: '党 员\n人 数' });
    expect(at(s, 'B1')).toEqual({ v: 23 });
    expect(at(s, 'C1')).toEqual({ v: 43575, date: true });
    expect(at(s, 'D1')).toEqual({ v: true });
    expect(at(s, 'E1')).toEqual({ v: 46 });
    expect(at(s, 'F1')).toEqual({ v: '同意推荐' });
    expect(at(s, 'G1')).toEqual({ v: 3.25 });
    expect(at(s, 'H1')).toBeUndefined();
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((a) => at(s, a))).toEqual([{ v: '=1+1' }, { v: '+86 138' }, { v: '-' }, { v: '@x' }, { v: 'a & b <c> "d"' }]);
    expect([...s.merges].sort()).toEqual(['A8:A10', 'B6:H6']);
    expect(s.maxRow).toBe(10);
    expect(s.maxCol).toBe(8);
    expect(at(grid.sheets[1], 'A1')).toEqual({ v: '隐藏表内容' });
    expect(grid.names).toEqual([{ name: 'WUHUA_demonstration_v1', ref: "'附件1 表'!$B$1" }]);
    expect(grid.date1904).toBeUndefined();
  });

  test('raw XML: rich runs without phonetic text, entities, _x000D_, inline strings, cells without r, errors skipped', () => {
    const sst =
      '<si><r><rPr><b/></rPr><t>党员</t></r><r><t xml:space="preserve"> 人数</t></r><rPh sb="0" eb="2"><t>トウイン</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>A&amp;B &lt;&#x4E2D;&#22269;&gt;</t></si>' +
      '<si><t>第一行_x000D_\n第二行 _x005F_x000D_</t></si>' +
      '<si><t/></si>';
    const sheet =
      '<sheetData>' +
      '<row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>7</v></c></row>' +
      '<row><c t="s"><v>2</v></c><c t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c><c t="e"><v>#DIV/0!</v></c><c t="s"><v>3</v></c><c t="str"><f>A1</f><v>公式文本</v></c><c t="b"><v>0</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="$b$5:$c$6"/></mergeCells>';
    const grid = ok(rawXlsx({ sheets: [{ name: 'S', xml: sheet }], sharedStrings: sst }));
    const s = grid.sheets[0];
    expect(at(s, 'B2')).toEqual({ v: '党员 人数' });
    expect(at(s, 'C2')).toEqual({ v: 'A&B <中国>' });
    expect(at(s, 'D2')).toEqual({ v: 7 });
    expect(at(s, 'A3')).toEqual({ v: '第一行\r\n第二行 _x000D_' });
    expect(at(s, 'B3')).toEqual({ v: '内联文本' });
    expect(at(s, 'C3')).toBeUndefined(); // #DIV/0!
    expect(at(s, 'D3')).toBeUndefined(); // empty shared string
    expect(at(s, 'E3')).toEqual({ v: '公式文本' });
    expect(at(s, 'F3')).toEqual({ v: false });
    expect(s.merges).toEqual(['B5:C6']);
    expect(s.maxRow).toBe(6);
  });

  test('raw XML: namespace-prefixed elements, absolute targets, hidden sheet, chartsheet skipped, scoped names, date1904', () => {
    const prefixed =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const grid = ok(
      rawXlsx({
        sheets: [
          { name: 'Chart', xml: '', chart: true },
          { name: "O'Brien 表", xml: prefixed, state: 'hidden' },
        ],
        styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>',
        definedNames:
          '<definedName name="WUHUA_progress_v1" localSheetId="1">\'O\'\'Brien 表\'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">\'O\'\'Brien 表\'!$A$1:$E$16</definedName><definedName name="glob">Sheet9!$A$1&amp;1</definedName>',
        date1904: true,
        absoluteTargets: true,
      }),
    );
    expect(grid.sheets.map((s) => s.name)).toEqual(["O'Brien 表"]);
    expect(at(grid.sheets[0], 'A1')).toEqual({ v: '前缀' });
    expect(at(grid.sheets[0], 'B1')).toEqual({ v: 1, date: true });
    expect(grid.date1904).toBe(true);
    expect(grid.names).toEqual([
      { name: 'WUHUA_progress_v1', scope: "O'Brien 表", ref: "'O''Brien 表'!$A$1" },
      { name: '_xlnm.Print_Area', scope: "O'Brien 表", ref: "'O''Brien 表'!$A$1:$E$16" },
      { name: 'glob', ref: 'Sheet9!$A$1&1' },
    ]);
  });

  test('date styles: built-in ids 14–22, 27–36, 45–47, 50–58 and custom date formats; numbers otherwise', () => {
    const ids = [0, 1, 2, 10, 13, 14, 22, 23, 27, 36, 37, 45, 47, 49, 50, 58, 59, 176, 177, 178, 179, 180, 181];
    const styles =
      '<numFmts count="6"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0&quot;人&quot;"/>' +
      '<numFmt numFmtId="178" formatCode="[DBNum1][$-804]yyyy年m月d日"/><numFmt numFmtId="179" formatCode="[Red]0.00;[Blue]\\-0.00"/>' +
      '<numFmt numFmtId="180" formatCode="&quot;day&quot;\\ #,##0"/><numFmt numFmtId="181" formatCode="[$-F800]dddd, mmmm dd, yyyy"/></numFmts>' +
      `<cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs>`;
    const cells = ids.map((_id, i) => `<c r="A${i + 1}" s="${i}"><v>43575</v></c>`).join('');
    const grid = ok(rawXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${cells}</sheetData>` }], styles }));
    const dated = ids.filter((_id, i) => at(grid.sheets[0], `A${i + 1}`)?.date === true);
    expect(dated).toEqual([14, 22, 27, 36, 45, 47, 50, 58, 176, 178, 181]);
  });


  test('a zip made by fflate without sharedStrings or styles reads numbers and inline strings', () => {
    const grid = ok(
      zipSync({
        '_rels/.rels': strToU8(
          '<Relationships><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
        ),
        'xl/workbook.xml': strToU8('<workbook xmlns:r="x"><sheets><sheet name="严格" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/../worksheets/s.xml"/></Relationships>',
        ),
        'xl/worksheets/s.xml': strToU8('<worksheet><sheetData><row r="3"><c r="C3" t="d"><v>2019-04-20</v></c><c r="D3"><v>5</v></c></row></sheetData></worksheet>'),
      }),
    );
    expect(grid.sheets[0].name).toBe('严格');
    expect(at(grid.sheets[0], 'C3')).toEqual({ v: 43575, date: true });
    expect(at(grid.sheets[0], 'D3')).toEqual({ v: 5 });
  });

  test('two relationships with one id: a sheet is the one the last of them names (as a Map of the relationships by id had it)', () => {
    const W = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
    const grid = ok(
      zipSync({
        'xl/workbook.xml': strToU8('<workbook xmlns:r="x"><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8(
          `<Relationships><Relationship Id="rId1" Type="${W}" Target="worksheets/first.xml"/><Relationship Id="rId2" Type="${W}" Target="worksheets/first.xml"/><Relationship Id="rId1" Type="${W}" Target="worksheets/second.xml"/></Relationships>`,
        ),
        'xl/worksheets/first.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'),
        'xl/worksheets/second.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>'),
      }),
    );
    expect(grid.sheets.map((s) => [s.name, at(s, 'A1')?.v])).toEqual([['A', 2], ['B', 1]]);
  });
});

describe('parts repeated across files (relationships, styles, workbook.xml, shared strings) are parsed once and read the same', () => {
  const styles = (dateXf: boolean) =>
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${dateXf ? 164 : 0}"/></cellXfs>`;
  const book = (dateXf: boolean, v: number) => rawXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1"><c r="A1" s="1"><v>${v}</v></c></row></sheetData>` }], styles: styles(dateXf) });

  test('files with the same styles part each get its date styles; a file whose styles differ gets its own', () => {
    expect(at(ok(book(true, 43575)).sheets[0], 'A1')).toEqual({ v: 43575, date: true });
    expect(at(ok(book(true, 43576)).sheets[0], 'A1')).toEqual({ v: 43576, date: true });
    expect(at(ok(book(false, 43577)).sheets[0], 'A1')).toEqual({ v: 43577 });
    expect(at(ok(book(true, 43578)).sheets[0], 'A1')).toEqual({ v: 43578, date: true });
  });

  test('files sharing workbook.xml and shared strings each read their own sheet; files whose strings, names or sheets differ by a byte get their own', () => {
    const sheet = (v: number) => `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>${v}</v></c></row></sheetData>`;
    const file = (strings: string[], v: number, opts: { name?: string; ref?: string; date1904?: boolean } = {}) =>
      rawXlsx({
        sheets: [{ name: opts.name ?? '附件1', xml: sheet(v) }],
        sharedStrings: strings,
        definedNames: `<definedName name="WUHUA_x">${opts.ref ?? "'附件1'!$A$1"}</definedName>`,
        date1904: opts.date1904,
      });
    const read = (bytes: Uint8Array) => {
      const g = ok(bytes);
      const s = g.sheets[0];
      return { sheet: s.name, cells: [at(s, 'A1'), at(s, 'B1'), at(s, 'C1')], names: g.names, date1904: g.date1904 };
    };
    // Texts of the same length (the same stored size, likely): told apart by their bytes.
    const cases: [Uint8Array, unknown][] = [
      [file(['甲', '乙'], 1), { sheet: '附件1', cells: [{ v: '甲' }, { v: '乙' }, { v: 1 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$1" }], date1904: undefined }],
      [file(['甲', '乙'], 2), { sheet: '附件1', cells: [{ v: '甲' }, { v: '乙' }, { v: 2 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$1" }], date1904: undefined }],
      [file(['丙', '乙'], 3), { sheet: '附件1', cells: [{ v: '丙' }, { v: '乙' }, { v: 3 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$1" }], date1904: undefined }],
      [file(['甲', '乙'], 4, { ref: "'附件1'!$A$2" }), { sheet: '附件1', cells: [{ v: '甲' }, { v: '乙' }, { v: 4 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$2" }], date1904: undefined }],
      [file(['甲', '乙'], 5, { name: '附件2' }), { sheet: '附件2', cells: [{ v: '甲' }, { v: '乙' }, { v: 5 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$1" }], date1904: undefined }],
      [file(['甲', '乙'], 6, { date1904: true }), { sheet: '附件1', cells: [{ v: '甲' }, { v: '乙' }, { v: 6 }], names: [{ name: 'WUHUA_x', ref: "'附件1'!$A$1" }], date1904: true }],
    ];
    // Twice round, in another order the second time: each file reads as it did alone.
    for (const [bytes, want] of [...cases, ...cases.reverse()]) expect(read(bytes)).toEqual(want);
  });

  test('a remembered part is a copy: the buffer a file was read from may hold the next file', () => {
    // Two files alike but for one byte of styles.xml, stored (not deflated): every part at the same place.
    const file = (code: string) =>
      zipSync(unzipSync(rawXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43575</v></c></row></sheetData>' }], styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="${code}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>` })), { level: 0 });
    const date = file('yyyy-mm-dd');
    const number = file('0000.00.00');
    expect(number.length).toBe(date.length);
    const buffer = Buffer.from(date); // a Buffer, as the command line reads files: its slice() is a view
    expect(at(ok(buffer).sheets[0], 'A1')).toEqual({ v: 43575, date: true });
    buffer.set(number);
    expect(at(ok(buffer).sheets[0], 'A1')).toEqual({ v: 43575 });
    buffer.set(date);
    expect(at(ok(buffer).sheets[0], 'A1')).toEqual({ v: 43575, date: true });
  });

  test('a remembered part still counts its inflated size toward the total limit, as on first reading', () => {
    const z = book(true, 1);
    const tight = { maxTotalBytes: 200 }; // below the relationship and styles parts
    const first = readWorkbook(z, 'a.xlsx', tight);
    expect(ok(z).sheets[0].cells.size).toBe(1); // now every small part of z is remembered
    const again = readWorkbook(z, 'a.xlsx', tight);
    expect(first).toEqual({ ok: false, reason: expect.stringMatching(/压缩炸弹/) });
    expect(again).toEqual(first);
  });
});

describe('decodeEntities', () => {
  test('named and numeric references are decoded once; anything else stays as written', () => {
    expect(decodeEntities('&apos;附件1&apos;!$A$1')).toBe("'附件1'!$A$1");
    expect(decodeEntities('a &amp;lt; b')).toBe('a &lt; b');
    expect(decodeEntities('&&amp;;')).toBe('&&;');
    expect(decodeEntities('&#x4e2d;&#X56FD;&#65;')).toBe('中国A');
    expect(decodeEntities('&#xD800; &#99999999; &#x; &#; &; &nbsp; &amp')).toBe('&#xD800; &#99999999; &#x; &#; &; &nbsp; &amp');
    // Only the five XML entities: an Object.prototype member is not one.
    expect(decodeEntities('&constructor; &toString;')).toBe('&constructor; &toString;');
  });
});

describe('worksheet end tags found by plain search or by pattern read the same', () => {
  test('values with "<v>" first, "<v attr>", formulas before the value, and a text holding ":c>" (pattern path)', () => {
    const rows = (extra: string) =>
      `<sheetData><row r="1"><c r="A1"><v>7</v></c><c r="B1"><f>A1*2</f><v>14</v></c><c r="C1"><v xml:space="preserve">3</v></c>` +
      `<c r="D1" t="inlineStr"><is><t>${extra}</t></is></c></row></sheetData>`;
    for (const extra of ['普通文本', '含有 a:c> 与 b:v> 的文本']) {
      const s = ok(rawXlsx({ sheets: [{ name: 'S', xml: rows(extra) }] })).sheets[0];
      expect([at(s, 'A1'), at(s, 'B1'), at(s, 'C1'), at(s, 'D1')]).toEqual([{ v: 7 }, { v: 14 }, { v: 3 }, { v: extra }]);
    }
  });
});

describe('nextCellOrRow finds what its regular expression finds', () => {
  const TOKEN = /<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(\/?)>/g;
  const scan = (s: string) => {
    const out: unknown[] = [];
    const tag: Tag = { row: false, attrsFrom: 0, attrsTo: 0, selfClosing: false, end: 0 };
    for (let at = 0; nextCellOrRow(s, at, tag); at = tag.end) out.push([tag.row ? 'row' : 'c', s.slice(tag.attrsFrom, tag.attrsTo), tag.selfClosing ? '/' : '', tag.end]);
    return out;
  };
  const byRegex = (s: string) => [...s.matchAll(TOKEN)].map((m) => [m[1], m[2], m[3], m.index! + m[0].length]);

  test('written cases: prefixes, look-alike names, self-closing, no ">"', () => {
    for (const s of [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>',
      '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row>',
      '<cx/><rows/><row-x/><c.x a="1"/><c:foo b="2"/><a.b-c:row/><_:c/><1:c/><row',
      '<c>',
      '<c/>',
      '<c r="A1" / >',
      '< c/><c',
    ])
      expect([s, scan(s)]).toEqual([s, byRegex(s)]);
  });

  test('random tag soup', () => {
    const pieces = ['<', '>', '/', 'c', 'row', 'x:', 'r', ':', ' ', '"', '=', 'a', '.', '-', '_', '1', '</c>', '<c r="A1">', '<row>'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect([s, scan(s)]).toEqual([s, byRegex(s)]);
    }
  });
});

describe('shared strings and rich text read by hand give what their regular expressions give', () => {
  // richText as it was, by regular expressions only.
  const RPH = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>)/g;
  const T = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>)/g;
  const richTextByRegex = (inner: string) => decodeText([...inner.replace(RPH, '').matchAll(T)].map((m) => m[1] ?? '').join(''));
  const written = [
    '<si><t>党支部</t></si><si/><si><r><t>a</t></r><r><rPr/><t xml:space="preserve"> b </t></r></si>',
    '<si><t/></si><si><t /></si><si><t a="/"/></si><si><t\u3000>x</t></si><si><t\u00a0/>y</si>',
    '<si><tab>x</tab><text>y</text><t>z</t></si><sin><t>no</t></sin><si-x><t>w</t></si-x>',
    '<si><t>a&amp;b_x000D_c</t></si><si ><t>1</t></si ><si/ ><t>2</t></si>',
    '<si><t>unclosed</si><si/><si><t>x</t>',
    '<si><t>x</t><si/><si><t>y</t></si>',
    '<x:si><x:t>p</x:t></x:si><si><t>q</t><rPh><t>r</t></rPh></si>',
    '<si><t/ >x</t></si><si><t',
    '<si><t>a</t><t>b</t>',
  ];
  const pieces = ['<si>', '</si>', '<si/>', '<si ', '<sin>', '<t>', '</t>', '<t/>', '<t ', '<tab>', '<r>', '</r>', 'x:', '/', '>', '<', ' ', '\u3000', 'a', '党', '&amp;', '&#x41;', '_x000D_', '"', '=', 't', 'si'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const soup = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

  test('shared string items: written cases and random tag soup', () => {
    for (const s of [...written, ...soup]) expect([s, parseSharedStrings(s)]).toEqual([s, sharedStringsByRegex(s)]);
  });

  test('rich text: written cases and random tag soup', () => {
    for (const s of [...written, ...soup]) expect([s, richText(s)]).toEqual([s, richTextByRegex(s)]);
  });
});

describe('findAttr finds in place what attr() finds in the attribute text', () => {
  // The attribute text inside a longer text, as parseSheet meets it (a quote or name may follow it).
  const inPlace = (attrs: string, name: string) => {
    const s = `<c${attrs}>x="1" r="B2" 't' s='</c>`;
    const v: Span = { from: 0, to: 0 };
    return findAttr(s, 2, 2 + attrs.length, name, v) ? decodeEntities(s.slice(v.from, v.to)) : undefined;
  };
  test('written cases and random attribute soup', () => {
    const written = [' r="A1" t="s"', ' t="s" r="A1"', " r='B2'", ' r = "C3"', ' xr="A1" r="D4"', ' r="A&amp;1"', ' r="A1', ' r=A1', '', ' r', ' s="12" r="A1" t="inlineStr"', '\tr="A1"', 'r="A1"'];
    const pieces = [' ', 'r', 't', 's', '=', '"', "'", 'A1', '12', 'x', '&amp;', '\n', 'str', ':'];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const soup = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 16) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    for (const a of [...written, ...soup]) for (const name of ['r', 't', 's']) expect([a, name, inPlace(a, name)]).toEqual([a, name, attr(a, name)]);
  });
});

describe('part names are matched ignoring case (writers disagree on case)', () => {
  test('a sheet and shared strings stored under other cases are read; a name that matches nothing stays unread', () => {
    const parts = unzipSync(rawXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData>' }], sharedStrings: ['党支部'] }));
    const renamed: Record<string, Uint8Array> = {};
    for (const [n, b] of Object.entries(parts)) renamed[n === 'xl/worksheets/sheet1.xml' ? 'XL/Worksheets/Sheet1.XML' : n === 'xl/sharedStrings.xml' ? 'xl/SHAREDstrings.xml' : n] = b;
    const sheet = ok(zipSync(renamed)).sheets[0];
    expect(at(sheet, 'A1')).toEqual({ v: '党支部' });
    expect(at(sheet, 'B1')).toEqual({ v: 7 });
    // A name that differs in more than case (here one letter) is not the part.
    const other: Record<string, Uint8Array> = { ...parts };
    delete other['xl/worksheets/sheet1.xml'];
    other['xl/worksheets/sheet1.xmm'] = parts['xl/worksheets/sheet1.xml'];
    const r = readWorkbook(zipSync(other), 'x.xlsx');
    expect(r.ok).toBe(false);
  });

  test('sameIgnoringCase answers as comparing the lower-cased texts: written names and random texts of other lengths, İ (which lower-cases to two characters), Σ, ẞ, non-ASCII letters', () => {
    const written: [string, string][] = [
      ['xl/workbook.xml', 'XL/Workbook.XML'], ['mimetype', 'xl/styles.xml'], ['', ''], ['a', ''], ['İ', 'i\u0307'], ['xİ', 'Xi\u0307'], ['İ', 'i'],
      ['ΣΑΣ', 'σας'], ['ẞ', 'ß'], ['Ä', 'ä'], ['K', '\u212a'], ['[Content_Types].xml', '[content_types].XML'], ['@', '`'], ['_', '\u007f'],
    ];
    const pieces = ['a', 'A', 'z', 'Z', '/', '.', '_', '@', '[', '`', '{', 'İ', 'i', 'I', '\u0307', 'Σ', 'σ', 'ς', 'ẞ', 'ß', 'Ä', 'ä', '\u212a', 'k', '党'];
    let seed = 29;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = () => Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const pairs = [...written, ...Array.from({ length: 20000 }, (): [string, string] => [text(), text()])];
    for (const [a, b] of pairs) expect([a, b, sameIgnoringCase(a, b)]).toEqual([a, b, a.toLowerCase() === b.toLowerCase()]);
    expect(pairs.filter(([a, b]) => a.length !== b.length && a.toLowerCase() === b.toLowerCase()).length).toBeGreaterThan(5); // İ's pairs of other lengths are there
  });
});

describe('a worksheet is decoded from its <sheetData> on (sheetDataStart): parseSheet reads the same', () => {
  const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/;
  const enc = (t: string) => new TextEncoder().encode(t);
  const dec = (b: Uint8Array) => new TextDecoder().decode(b);
  const same = (bytes: Uint8Array) => {
    const text = dec(bytes);
    const m = SHEET_DATA.exec(text);
    const k = sheetDataStart(bytes);
    if (!m || m[1] === '/') expect([text, k]).toEqual([text, 0]);
    else expect([text, dec(bytes.subarray(k))]).toEqual([text, text.slice(m.index)]);
    expect(parseSheet(dec(bytes.subarray(k)), 'S', ['共'], new Set([1]))).toEqual(parseSheet(text, 'S', ['共'], new Set([1])));
    return k;
  };
  const cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>党支部</t></is></c></row>';
  const merge = '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>';

  test('written cases: after namespaces and columns, prefixed, self-closed, merged cells before and after, a BOM, look-alikes first', () => {
    expect(same(enc(`<?xml version="1.0"?><worksheet xmlns="x"><cols><col min="1"/></cols><sheetData>${cells}</sheetData>${merge}</worksheet>`))).toBeGreaterThan(40);
    expect(same(enc(`<x:worksheet xmlns:x="x"><x:sheetData>${cells}</x:sheetData>${merge}</x:worksheet>`))).toBe(25);
    expect(same(enc(`<worksheet>${merge}<sheetData/>${cells}</worksheet>`))).toBe(0); // self-closed: the whole text (merged cells before it count)
    expect(same(enc(`<worksheet>${merge}<sheetData a="/"/>${cells}</worksheet>`))).toBe(0);
    expect(same(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(`<sheetData>${cells}</sheetData>`)]))).toBe(3);
    expect(same(enc(`<sheetDatas/><1x:sheetData/><:sheetData>x<a.b-c:sheetData>${cells}</a.b-c:sheetData>`))).toBe(41);
    expect(same(enc(`<v>sheetData</v><sheetData `))).toBe(0); // no ">" after: no match
    expect(same(enc(`<c>党</c><sheetData>${cells}</sheetData>`))).toBe(10);
  });

  test('random byte soup: ASCII tags, Chinese, invalid and cut UTF-8', () => {
    const pieces: number[][] = ['<', '>', '/', 'sheetData', 'sheetDat', 'heetData', 'D', 'x:', ':', '1', '_', '.', '-', ' ', 'a', '党', '="/"', '<sheetData', '<sheetData>', '<y.z:sheetData ', cells, merge].map((t) => [...enc(t)]);
    pieces.push([0xff], [0xe4, 0xb8], [0x80], [0xef, 0xbb, 0xbf]);
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let matched = 0;
    for (let n = 0; n < 4000; n++) {
      const bytes = Uint8Array.from(Array.from({ length: Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]).flat());
      if (same(bytes) > 0) matched++;
    }
    expect(matched).toBeGreaterThan(200);
  });
});
