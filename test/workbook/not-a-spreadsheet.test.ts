/**
 * Files that are not spreadsheets — Word (.docx, .doc, WPS .wps, also renamed to .xlsx),
 * PDF, images, PowerPoint, OFD — are told apart by content, not by extension, and each
 * gets a Chinese reason that says what it is and what to do instead (fill the Excel
 * template, or retype into Excel) rather than a generic "no sheet".
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { getForm } from '../../src/forms';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { convert } from '../fixtures/libreoffice';

const OPTS = { asOf: '2019-05-10', stage: 'committee' as const };
const TEMPLATE = /Excel 模板/;
let dir: string;
let docx: string;
let doc: string;
let pdf: string;

/**
 * A minimal Word document as Word writes one (the parts a .docx cannot do without). The
 * machines running the tests have LibreOffice Calc only, without Writer to export one.
 */
function minimalDocx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>市直机关党支部“五化”建设申报表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>申报党支部名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>',
    ),
  });
}

/** A Word 97-2003 document: a compound file whose "WordDocument" stream starts with the FIB (wIdent 0xA5EC), as Word and WPS write it. */
function minimalDoc(): Uint8Array {
  const fib = new Uint8Array(1472);
  fib.set([0xec, 0xa5, 0xc1, 0x00]); // wIdent, nFib 193 (Word 97)
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', fib);
  XLSX.CFB.utils.cfb_add(cfb, '1Table', new Uint8Array(4096));
  return Uint8Array.from(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-notsheet-'));
  docx = join(dir, '申报表.docx');
  writeFileSync(docx, minimalDocx());
  doc = join(dir, '申报表.doc');
  writeFileSync(doc, minimalDoc());
  const form = join(dir, '附件2.xlsx');
  writeFileSync(form, await templateBytes(getForm('application')));
  [pdf] = convert([form], 'pdf', join(dir, 'pdf')); // a real PDF of the form, as a branch might send its printout
}, 300000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reason(bytes: Uint8Array, name: string): Promise<string> {
  const r = await intakeBytes(bytes, name, OPTS);
  if (r.ok) throw new Error(`${name} was read as a workbook`);
  return r.reason;
}
const bytesOf = (p: string) => new Uint8Array(readFileSync(p));

describe('Word documents', () => {
  test('a .docx: a Word document, fill the Excel template instead', async () => {
    const r = await reason(bytesOf(docx), '申报表.docx');
    expect(r).toMatch(/^这是 Word 文档（\.docx）/);
    expect(r).toMatch(TEMPLATE);
    expect(r).not.toMatch(/扩展名/);
  });

  test('the same .docx renamed to .xlsx: still a Word document, and the renaming is named', async () => {
    const p = join(dir, '申报表.xlsx');
    copyFileSync(docx, p);
    const r = await reason(bytesOf(p), p);
    expect(r).toMatch(/^这是 Word 文档（\.docx）.*扩展名是“\.xlsx”.*改了扩展名/);
    expect(r).toMatch(TEMPLATE);
  });

  test('a Word 97-2003 .doc (compound file with a WordDocument stream), also as WPS .wps or renamed .xls', async () => {
    for (const name of ['申报表.doc', '申报表.wps', '申报表.xls']) {
      const r = await reason(bytesOf(doc), name);
      expect([name, r]).toEqual([name, expect.stringMatching(/^这是 Word 97-2003 或 WPS 文字文档/)]);
      expect(r).toMatch(TEMPLATE);
    }
    expect(await reason(bytesOf(doc), '申报表.xls')).toMatch(/扩展名是“\.xls”/);
  });

  test('an OpenDocument text (.odt) and an RTF document', async () => {
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>'), 'META-INF/manifest.xml': strToU8('<manifest:manifest/>') });
    expect(await reason(odt, 'a.odt')).toMatch(/^这是 OpenDocument 文字文档/);
    expect(await reason(strToU8('{\\rtf1\\ansi\\ansicpg936 申报表}'), 'a.xlsx')).toMatch(/^这是 RTF 格式的文字文档.*扩展名是“\.xlsx”/);
  });
});

test('a PDF (LibreOffice export): what it is and what to do', async () => {
  const r = await reason(bytesOf(pdf), '申报表.pdf');
  expect(r).toMatch(/^这是 PDF 文件/);
  expect(r).toMatch(/录入 Excel 模板/);
});

describe('images (photos or scans of the paper form)', () => {
  test('PNG and JPEG rendered from the PDF by poppler, the add-in icon', async () => {
    execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-png', pdf, join(dir, 'page')]);
    execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-jpeg', pdf, join(dir, 'page')]);
    execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-tiff', pdf, join(dir, 'page')]);
    const pick = (ext: string) => join(dir, readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith(ext))!);
    expect(await reason(bytesOf(pick('.png')), 'scan.xlsx')).toMatch(/^这是图片（PNG.*录入 Excel 模板/);
    expect(await reason(bytesOf(pick('.jpg')), 'photo.jpg')).toMatch(/^这是图片（JPEG/);
    expect(await reason(bytesOf(pick('.tif')), 'scan.tif')).toMatch(/^这是图片（TIFF/);
    expect(await reason(bytesOf(join(__dirname, '..', '..', 'assets', 'icon-32.png')), 'icon.png')).toMatch(/^这是图片（PNG/);
  });

  test('GIF, WebP, HEIC (phone photos) and BMP by their headers', async () => {
    const heic = new Uint8Array([0, 0, 0, 0x18, ...strToU8('ftypheic'), 0, 0, 0, 0, ...strToU8('mif1heic')]);
    const webp = new Uint8Array([...strToU8('RIFF'), 0x24, 0, 0, 0, ...strToU8('WEBPVP8 '), 0, 0, 0, 0]);
    const bmp = new Uint8Array([...strToU8('BM'), 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
    expect(await reason(strToU8('GIF89a\u0001\u0000\u0001\u0000'), 'a.gif')).toMatch(/^这是图片（GIF/);
    expect(await reason(webp, 'a.webp')).toMatch(/^这是图片（WebP/);
    expect(await reason(heic, 'IMG_0001.HEIC')).toMatch(/^这是图片（HEIC/);
    expect(await reason(bmp, 'a.bmp')).toMatch(/^这是图片（BMP/);
    // A CSV that starts with "BM" is still text.
    expect(await reason(strToU8('BM,23\n一支部,5\n'), 'a.csv')).toMatch(/CSV/);
  });
});

test('PowerPoint, OFD and other compound files say what they are', async () => {
  expect(await reason(zipSync({ 'ppt/presentation.xml': strToU8('<p:presentation/>'), '[Content_Types].xml': strToU8('<Types/>') }), '汇报.xlsx')).toMatch(/^这是 PowerPoint 演示文稿.*扩展名是“\.xlsx”/);
  expect(await reason(zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>') }), '通知.ofd')).toMatch(/^这是 OFD 版式文件/);
});

test('a direct .xlsx-only read (readWorkbook) gives the same reasons', () => {
  expect(readWorkbook(bytesOf(docx), 'a.xlsx')).toEqual({ ok: false, reason: expect.stringMatching(/^这是 Word 文档/) });
  expect(readWorkbook(bytesOf(pdf), 'a.xlsx')).toEqual({ ok: false, reason: expect.stringMatching(/^这是 PDF/) });
});
