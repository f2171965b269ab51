#!/usr/bin/env node
/**
 * The floor: the least any reader of these workbooks must do, as a process of its own.
 * For each file: read it, find the parts a reader needs (workbook, shared strings,
 * worksheets — not styles, themes or properties) in its central directory, inflate them,
 * decode them to text and scan them for cells and strings. `node bench/floor.cjs PATH...`;
 * prints {files, cells}.
 *
 * Inflated with Node's zlib into a buffer of the declared size, as the command line does:
 * side by side on 1,000 files that used 0.42–0.48 s of CPU where fflate's unzipSync
 * (the floor before) used 0.48–0.72 s, and the floor is the fastest way, not ours.
 */
const fs = require('fs');
const zlib = require('zlib');
const { walk } = require('./walk.cjs');

const NEEDED = /^xl\/(?:workbook\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;
const CELL = /<c r="[A-Z]+\d+"[^>]*?(?:\/>|>(?:<v>[^<]*<\/v>|<is><t[^>]*>[^<]*<\/t><\/is>)?)/g;
const TEXT = /<t[^>]*>[^<]*<\/t>/g;
const utf8 = new TextDecoder();

/** The needed parts of a zip, [name, bytes]; null when it is not one (a reader refuses it). */
function neededParts(b) {
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const name = b.latin1Slice(p + 46, p + 46 + nameLen);
    if (NEEDED.test(name)) {
      const local = b.readUInt32LE(p + 42);
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + b.readUInt32LE(p + 20));
      out.push([name, method === 0 ? data : zlib.inflateRawSync(data, { chunkSize: Math.max(64, size + 1) })]);
    }
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

let cells = 0;
const files = walk(process.argv.slice(2));
for (const file of files) {
  let parts;
  try {
    parts = neededParts(fs.readFileSync(file));
  } catch {
    continue; // a damaged zip: a reader refuses it
  }
  if (!parts) continue;
  for (const [name, bytes] of parts) {
    const xml = utf8.decode(bytes);
    const re = name.endsWith('sharedStrings.xml') ? TEXT : CELL;
    re.lastIndex = 0;
    while (re.exec(xml)) cells++;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, cells }) + '\n');
