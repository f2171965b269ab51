#!/usr/bin/env node
/**
 * The floor: the least any reader of these workbooks must do, as a process of its own.
 * For each file: read it, inflate the parts a reader needs (workbook, shared strings,
 * worksheets — not styles, themes or properties), decode them to text and scan them for
 * cells and strings. `node bench/floor.cjs PATH...`; prints {files, cells}.
 */
const fs = require('fs');
const { strFromU8, unzipSync } = require('fflate');
const { walk } = require('./walk.cjs');

const NEEDED = /^xl\/(?:workbook\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;
const CELL = /<c r="[A-Z]+\d+"[^>]*?(?:\/>|>(?:<v>[^<]*<\/v>|<is><t[^>]*>[^<]*<\/t><\/is>)?)/g;
const TEXT = /<t[^>]*>[^<]*<\/t>/g;

let cells = 0;
const files = walk(process.argv.slice(2));
for (const file of files) {
  let parts;
  try {
    parts = unzipSync(fs.readFileSync(file), { filter: (f) => NEEDED.test(f.name) });
  } catch {
    continue; // not a zip: a reader refuses it
  }
  for (const name in parts) {
    const xml = strFromU8(parts[name]);
    const re = name.endsWith('sharedStrings.xml') ? TEXT : CELL;
    re.lastIndex = 0;
    while (re.exec(xml)) cells++;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, cells }) + '\n');
