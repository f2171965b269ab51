#!/usr/bin/env node
/**
 * A peer library reading the same files, one at a time, as a process of its own:
 * `node bench/peer.cjs sheetjs|exceljs PATH...`. Each workbook is opened and every cell
 * of every sheet visited; a file the library cannot open is counted and skipped.
 */
const fs = require('fs');
const { walk } = require('./walk.cjs');

const [which, ...paths] = process.argv.slice(2);
const files = walk(paths);
let cells = 0;
let failed = 0;

async function main() {
  if (which === 'sheetjs') {
    const XLSX = require('@e965/xlsx');
    for (const file of files) {
      try {
        const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
        for (const name of wb.SheetNames) for (const key in wb.Sheets[name]) if (key[0] !== '!') cells++;
      } catch {
        failed++;
      }
    }
  } else if (which === 'exceljs') {
    const ExcelJS = require('exceljs');
    for (const file of files) {
      try {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(fs.readFileSync(file));
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
      } catch {
        failed++;
      }
    }
  } else throw new Error(`unknown peer ${which}`);
  process.stdout.write(JSON.stringify({ files: files.length, cells, failed }) + '\n');
}
main();
