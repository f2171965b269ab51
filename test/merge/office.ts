import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';

/** LibreOffice's PDF export of a workbook into `<its folder>/out/`: the PDF's path. */
export function toPdf(xlsx: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-merge-'));
  const out = join(dirname(xlsx), 'out');
  mkdirSync(out, { recursive: true });
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, xlsx], {
      stdio: 'pipe',
      timeout: 180000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(out, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
}

/** Exports a workbook with LibreOffice: page count and each page's size in points. */
export function pdfPages(xlsx: string): { pages: number; sizes: { width: number; height: number }[] } {
  const pdf = toPdf(xlsx);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const detail = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  const sizes = [...detail.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return { pages, sizes };
}
