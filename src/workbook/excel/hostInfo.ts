/** Whether the page runs inside Excel, and what the host's Excel API can do. */
export interface HostInfo {
  /** Office.js loaded and the host is Excel. */
  inExcel: boolean;
  /** Office's platform ("PC", "Mac", "OfficeOnline", …) when in Excel. */
  platform?: string;
  /** ExcelApi 1.7: everything but print setup and input prompts (the manifest's minimum). */
  supported: boolean;
  /** ExcelApi 1.8: input prompts and checks on inserted forms; Excel.createWorkbook (templates, print pack). */
  canValidateInputs: boolean;
  /** ExcelApi 1.9: page layout, print titles, autofilter (applyPrintSetup). */
  canSetUpPrinting: boolean;
  /** ExcelApi 1.13: merged areas are read back. */
  canReadMerges: boolean;
  /** ExcelApi 1.14: the add-in's own writes are told apart by triggerSource. */
  canTellOwnChanges: boolean;
}

const OUTSIDE: HostInfo = {
  inExcel: false,
  supported: false,
  canValidateInputs: false,
  canSetUpPrinting: false,
  canReadMerges: false,
  canTellOwnChanges: false,
};

/** office.js outside Office resolves onReady with host null after about a second; if it never does, give up. */
export const ON_READY_TIMEOUT_MS = 5000;

/**
 * Waits for Office.onReady and says whether this is Excel and which features it has.
 * Never throws: outside Office (no office.js, CDN unreachable, a plain browser) it
 * answers inExcel: false. Syncs: 0.
 */
export async function hostInfo(timeoutMs = ON_READY_TIMEOUT_MS): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return OUTSIDE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  let info: { host: Office.HostType | null; platform: Office.PlatformType | null } | null;
  try {
    info = await Promise.race([Office.onReady(), timeout]);
  } catch {
    // onReady only rejects when office.js itself failed to start: that is "not in Excel".
    info = null;
  } finally {
    clearTimeout(timer);
  }
  if (!info || String(info.host) !== 'Excel' || typeof Excel === 'undefined') return OUTSIDE;
  const requirements = Office.context.requirements;
  return {
    inExcel: true,
    platform: info.platform === null ? undefined : String(info.platform),
    supported: requirements.isSetSupported('ExcelApi', '1.7'),
    canValidateInputs: requirements.isSetSupported('ExcelApi', '1.8'),
    canSetUpPrinting: requirements.isSetSupported('ExcelApi', '1.9'),
    canReadMerges: requirements.isSetSupported('ExcelApi', '1.13'),
    canTellOwnChanges: requirements.isSetSupported('ExcelApi', '1.14'),
  };
}
