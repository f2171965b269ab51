/** LibreOffice and poppler from tests: every call gets its own profile directory, so parallel runs do not collide. */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

export const SOFFICE = '/usr/bin/soffice';

/** Converts `file` with LibreOffice (`pdf`, `xlsx` …) into `outDir`; returns the new file's path. */
export function sofficeConvert(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-c-'));
  try {
    execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: 120000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = to.split(':')[0];
  const out = join(outDir, basename(file).replace(/\.[^.]+$/, '') + '.' + ext);
  if (!readdirSync(outDir).includes(basename(out))) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}
