/**
 * A small but strict test double of the Excel JavaScript API, for the adapter tests.
 *
 * Like Office.js:
 * - every property set and method call is queued and runs at context.sync(), in order;
 *   a failing command rejects the sync with an OfficeExtension-like error {code, debugInfo};
 * - a property can be read only after load() + sync(); otherwise it throws PropertyNotLoaded;
 * - a sync whose queued payload exceeds 5 MB fails with RequestPayloadSizeLimitExceeded
 *   (Excel on the web's request limit) before anything runs; one whose loaded values
 *   (the response) exceed 5 MB fails with ResponsePayloadSizeLimitExceeded after its
 *   commands ran, as Excel on the web does;
 * - Excel's limits: a row height above 409 points is InvalidArgument; a string set as a
 *   value that starts with = + - @ into a cell whose number format is not '@' becomes a
 *   formula (so a missing '@' shows in a test);
 * - conditional formats cannot be added to or deleted from a protected sheet, even one
 *   protected with allowFormatCells (whether Office.js honours that permission for
 *   conditionalFormats is not documented: the fake assumes it does not);
 * - Excel.createWorkbook (ExcelApi 1.8) records the base64 file it was given;
 * - what Excel rejects (issue 11 §5), each with the page or issue it rests on:
 *   a proxy used after its Excel.run ends is InvalidObjectPath and an object passed to
 *   another context's call is InvalidRequestContext (OfficeExtension.ErrorCodes,
 *   https://learn.microsoft.com/javascript/api/office/officeextension.errorcodes; Range.track:
 *   "outside the sequential execution of a .run batch … InvalidObjectPath");
 *   protect on a protected sheet and unprotect on an unprotected one are AccessDenied
 *   (https://github.com/OfficeDev/office-js/issues/6784); page layout, freeze panes and
 *   sizes of a protected sheet are refused (column widths / row heights unless
 *   allowFormatColumns / allowFormatRows, WorksheetProtectionOptions; page layout and
 *   freeze panes: no source found, the fake is strict); a value into a non-anchor cell
 *   of a merged area is InvalidOperation (no source found; strict); more than 512
 *   merged areas fail getMergedAreasOrNullObject (Range.getMergedAreasOrNullObject
 *   reference: "if the merged areas count … is more than 512, then this method will
 *   fail"; the code is not documented: GeneralException here); validation prompts and
 *   error alerts over Excel's lengths (title 32, prompt 255, alert 225 characters) are
 *   InvalidArgument; cell-edit mode fails every sync with InvalidOperationInCellEditMode
 *   unless the run asked for delayForCellEdit, which waits for the edit to end
 *   (https://learn.microsoft.com/javascript/api/excel/excel.runoptions);
 * - onChanged fires for format changes as well as values ("onChanged fires when either
 *   the format or value of the data changes",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes):
 *   conditional formats, number formats, fonts, fills, borders, merges raise it too;
 * - flavour 'web': sheet.names also lists the workbook's names
 *   (https://github.com/OfficeDev/office-js/issues/1011) and an oversized request may come
 *   back as GeneralException (`oversizeCode`, https://github.com/OfficeDev/office-js/issues/1314);
 * - host quirks on request: fit-to-page zoom not applied (`ignoresFitToPages`,
 *   https://github.com/OfficeDev/office-js/issues/1860), freezeRows failing
 *   (`freezeRowsFails`, Excel 2019 builds, https://github.com/OfficeDev/office-js/issues/2196);
 * - it records what clears the user's Undo stack (`undoClears`): WorksheetProtection
 *   protect/unprotect, Worksheet.delete, and on desktop Worksheet.name/position
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities);
 * - `*OrNullObject` gives a proxy whose isNullObject is known after sync;
 * - event handlers are registered/removed at sync, in the context they belong to;
 *   the add-in's own value writes raise onChanged (triggerSource "ThisLocalAddin" when the
 *   host "supports" ExcelApi 1.14) shortly after the sync;
 * - an Excel.run that ends with queued commands not synced fails (Excel would drop them).
 * It counts syncs. It implements only what the adapter uses.
 */
import { cellAddress, columnLetters, columnNumber, parseRange, type RangeRef } from '../../src/forms/address';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const RESPONSE_LIMIT = 5 * 1024 * 1024;
/** getMergedAreasOrNullObject fails above this many merged areas. */
export const MAX_MERGED_AREAS = 512;
/** Excel's lengths for data validation texts (its own dialog's limits). */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
export const ALERT_MESSAGE_MAX = 225;
/** Excel's highest row height, in points. */
export const MAX_ROW_HEIGHT_POINTS = 409;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string; innerError?: { code: string } };
  constructor(readonly code: string, message: string, location?: string, inner?: string) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location, innerError: inner ? { code: inner } : undefined };
  }
}

// ------------------------------------------------------------------ the model

export interface BorderModel {
  style?: string;
  weight?: string;
  color?: string;
}

export interface CellModel {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  /** RangeFormat.indentLevel (ExcelApi 1.9). */
  indent: number;
  /** RangeFormat.shrinkToFit (ExcelApi 1.9). */
  shrink: boolean;
  locked: boolean;
  /** The cell's own lines, as Excel keeps them: an edge of a range lines the cells along it. */
  borders: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderModel>>;
}

export interface NameModel {
  name: string;
  /** For a workbook-level name: the sheet its range is on. */
  sheet?: string;
  /** Sheet-local A1 range. */
  address: string;
  comment?: string;
  /** How NamedItem.scope reports it (default: Worksheet in a sheet's names, Workbook in the workbook's). */
  scope?: 'Worksheet' | 'Workbook';
}

export interface CfModel {
  id: number;
  /** The sheet it is on (set by conditionalFormats.add). */
  sheet?: SheetModel;
  type: string;
  address: string;
  formula?: string;
  fill?: string;
  borders: Record<string, BorderModel>;
  priority: number;
  stopIfTrue: boolean;
  /** A DataBar's bounds and bar colour. */
  dataBar?: { lowerBoundRule?: { type: string; formula?: string }; upperBoundRule?: { type: string; formula?: string }; fillColor?: string };
}

export interface ValidationModel {
  address: string;
  prompt?: unknown;
  rule?: unknown;
  errorAlert?: unknown;
}

type Handler = (args: any) => Promise<unknown> | unknown;

export class SheetModel {
  cells = new Map<string, CellModel>();
  merges: RangeRef[] = [];
  names: NameModel[] = [];
  protection = { protected: false, options: {} as Record<string, boolean>, password: undefined as string | undefined };
  pageLayout: Record<string, unknown> = {};
  freezeRows = 0;
  autoFilter?: string;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  conditionalFormats: CfModel[] = [];
  validations: ValidationModel[] = [];
  changedHandlers: { handler: Handler; ctx: FakeContext }[] = [];
  deleted = false;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  constructor(readonly id: string, public name: string, public position: number) {}

  cell(a1: string): CellModel | undefined {
    return this.cells.get(a1);
  }

  /** The cell, created with Excel's defaults when absent. */
  touch(row: number, col: number): CellModel {
    const key = cellAddress(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '', numberFormat: 'General', fontName: '等线', fontSize: 11, bold: false, fill: null, hAlign: 'General', vAlign: 'Bottom', wrap: false, indent: 0, shrink: false, locked: true, borders: {} };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Sets what a user would type (a string with "=" becomes a formula unless the cell is text). */
  type(a1: string, value: string | number | boolean): void {
    const r = parseRange(a1);
    writeValue(this.touch(r.top, r.left), value, TYPED_FORMULA);
  }

  /** Bounding box of cells with a value (valuesOnly) or with anything set, optionally only those inside `within`. */
  used(valuesOnly: boolean, within?: RangeRef): RangeRef | null {
    let r: RangeRef | null = null;
    const inside = (x: RangeRef) => !within || (x.top >= within.top && x.bottom <= within.bottom && x.left >= within.left && x.right <= within.right);
    const grow = (x: RangeRef) => {
      if (!inside(x)) return;
      r = r ? { top: Math.min(r.top, x.top), left: Math.min(r.left, x.left), bottom: Math.max(r.bottom, x.bottom), right: Math.max(r.right, x.right) } : { ...x };
    };
    for (const [a1, c] of this.cells) {
      if (valuesOnly ? c.value !== '' : true) grow(parseRange(a1));
    }
    if (!valuesOnly) for (const m of this.merges) grow(m);
    return r;
  }
}

/** Range.values: Excel takes a string starting with = + - @ for a formula unless the cell is text ('@'). */
const API_FORMULA = /^[=+\-@]/;
/** What the fake's `type` (a user typing) treats as a formula. */
const TYPED_FORMULA = /^=/;

function writeValue(c: CellModel, v: unknown, formula: RegExp = API_FORMULA): void {
  if (typeof v === 'string' && formula.test(v) && c.numberFormat !== '@') {
    c.formula = v.startsWith('=') ? v : `=${v}`;
    c.value = 0;
  } else {
    c.formula = undefined;
    c.value = (v ?? '') as string | number | boolean;
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  active?: SheetModel;
  selection?: { sheet: string; address: string };
  addedHandlers: { handler: Handler; ctx: FakeContext }[] = [];
  private nextId = 1;
  nextCf = 1;

  addSheet(name: string): SheetModel {
    const s = new SheetModel(`{sheet-${this.nextId++}}`, name, this.sheets.length);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name} in the fake`);
    return s;
  }

  find(nameOrId: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === nameOrId.toLowerCase());
  }

  renumber(): void {
    this.sheets.forEach((s, i) => (s.position = i));
  }
}

// ------------------------------------------------------------------ context and proxies

interface Command {
  bytes: number;
  run: () => void;
}

/** The fake whose sync is running: model changes during it raise onChanged. */
let syncing: FakeExcel | null = null;

/** A change Excel reports through onChanged (values or formats of cells). */
function changed(sheet: SheetModel): void {
  syncing?.changedSheets.push(sheet);
}

const invalidObjectPath = () =>
  new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: the object was used after its Excel.run ended, or it is not tracked.');

export class FakeContext {
  queue: Command[] = [];
  /** After its Excel.run: any further command or sync is InvalidObjectPath. */
  closed = false;
  /** Bytes of the values loaded during the current sync (the response). */
  responseBytes = 0;
  readonly workbook: WorkbookProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(payload: unknown, run: () => void): void {
    if (this.closed) throw invalidObjectPath();
    const bytes = payload === undefined ? 16 : Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8') + 16;
    this.queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    if (this.closed) throw invalidObjectPath();
    const commands = this.queue.splice(0);
    const bytes = commands.reduce((n, c) => n + c.bytes, 0);
    this.fake.syncs++;
    this.fake.payloads.push(bytes);
    if (this.fake.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', "The operation isn't available while Excel is in Edit cell mode.");
    }
    if (bytes > this.fake.requestLimit) {
      const code = this.fake.oversizeCode;
      throw new FakeOfficeError(code, code === 'GeneralException' ? 'An internal error has occurred.' : 'The request payload size has exceeded the limit.');
    }
    const before = this.fake.changedSheets.length;
    this.responseBytes = 0;
    syncing = this.fake;
    try {
      for (const c of commands) c.run();
    } finally {
      syncing = null;
      this.fake.raiseOwnChanges(this.fake.changedSheets.slice(before));
    }
    this.fake.responses.push(this.responseBytes);
    if (this.responseBytes > RESPONSE_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    await Promise.resolve();
  }
}

type Getter = (m: any) => unknown;
type Setter = (m: any, v: any) => void;
interface PropDef {
  get?: Getter;
  set?: Setter;
}

const notLoaded = (what: string) =>
  new FakeOfficeError('PropertyNotLoaded', `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

function splitPaths(spec: string | string[] | undefined): string[][] {
  const list = spec === undefined ? [] : Array.isArray(spec) ? spec : spec.split(',');
  return list.map((p) => p.trim()).filter(Boolean).map((p) => p.split('/'));
}

/** Base of every proxy: queued writes, loads snapshotted at sync, strict reads. */
abstract class ClientObject {
  private loadedValues = new Map<string, unknown>();
  private synced = false;
  private isNull = false;
  private resolved: any;
  private navs = new Map<string, ClientObject>();

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => any,
    private readonly nullable = false,
  ) {}

  protected abstract props(): Record<string, PropDef>;
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }

  /** The model object, resolved once at command time. */
  model(): any {
    if (this.resolved === undefined) {
      const m = this.resolver();
      if (m === null || m === undefined) {
        if (this.nullable) return null;
        throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
      }
      if (m.deleted) throw new FakeOfficeError('ItemNotFound', 'The requested resource was deleted.');
      this.resolved = m;
    }
    return this.resolved;
  }

  /** Model for a command: a null object cannot be written to. */
  target(): any {
    const m = this.model();
    if (m === null) throw new FakeOfficeError('InvalidOperation', 'The object is a null object.');
    return m;
  }

  nav(name: string): ClientObject {
    let n = this.navs.get(name);
    if (!n) {
      n = this.navigation(name);
      if (!n) throw new Error(`fake: no navigation ${name} on ${this.constructor.name}`);
      this.navs.set(name, n);
    }
    return n;
  }

  read(name: string): any {
    if (!this.loadedValues.has(name)) throw notLoaded(name);
    return this.loadedValues.get(name);
  }

  write(name: string, value: unknown): void {
    const def = this.props()[name];
    if (!def?.set) throw new Error(`fake: ${this.constructor.name}.${name} cannot be set`);
    const copy = structuredClone(value);
    this.context.enqueue(copy, () => def.set!(this.target(), copy));
  }

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('isNullObject');
    return this.isNull;
  }

  load(spec?: string | string[]): this {
    const paths = splitPaths(spec);
    this.context.enqueue(spec, () => this.snapshot(paths));
    return this;
  }

  /** Runs at sync: copies the loaded properties (and navigations) from the model. */
  snapshot(paths: string[][]): void {
    const m = this.model();
    this.synced = true;
    this.isNull = m === null;
    if (m === null) return;
    const props = this.props();
    const all = paths.length === 0 ? Object.keys(props).filter((k) => props[k].get).map((k) => [k]) : paths;
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of all) groups.set(head, [...(groups.get(head) ?? []), ...(rest.length ? [rest] : [])]);
    for (const [head, rests] of groups) {
      if (head === 'items' && this instanceof CollectionProxy) {
        const items = this.itemProxies();
        this.loadedValues.set('items', items);
        for (const item of items) item.snapshot(rests);
      } else if (props[head]?.get) {
        const value = structuredClone(props[head].get!(m));
        this.context.responseBytes += Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
        this.loadedValues.set(head, value);
      } else {
        this.nav(head).snapshot(rests);
      }
    }
  }

  protected define(names: string[]): void {
    for (const name of names) {
      Object.defineProperty(this, name, { get: () => this.read(name), set: (v) => this.write(name, v), enumerable: true });
    }
  }

  /** A method call: queued, runs at sync. */
  protected call(payload: unknown, run: (m: any) => void): void {
    this.context.enqueue(payload, () => run(this.target()));
  }
}

abstract class CollectionProxy extends ClientObject {
  abstract itemProxies(): ClientObject[];
  get items(): any[] {
    return this.read('items');
  }
}

const protectedError = () => new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');

/** A change of the cells' values or formats: refused where protection forbids it; raises onChanged. */
function checkEditable(sheet: SheetModel, ref: RangeRef, what: 'values' | 'format'): void {
  if (sheet.protection.protected) {
    if (what === 'format') {
      if (!sheet.protection.options.allowFormatCells) throw protectedError();
    } else {
      for (let r = ref.top; r <= ref.bottom; r++) {
        for (let c = ref.left; c <= ref.right; c++) {
          if (sheet.touch(r, c).locked) throw protectedError();
        }
      }
    }
  }
  changed(sheet);
}

/** Sheet-level settings (page layout, freeze panes) and, without the option that allows it, sizes: refused on a protected sheet. */
function checkSheetSetting(sheet: SheetModel, allowedBy?: 'allowFormatColumns' | 'allowFormatRows'): void {
  if (!sheet.protection.protected) return;
  if (allowedBy && sheet.protection.options[allowedBy]) return;
  throw protectedError();
}

/** A value other than '' into a merged area anywhere but its top-left cell. */
function checkMergedAnchors(m: { sheet: SheetModel; ref: RangeRef }, v: unknown): void {
  const rows = Array.isArray(v) ? (v as unknown[][]) : [];
  for (const area of m.sheet.merges) {
    for (let r = Math.max(area.top, m.ref.top); r <= Math.min(area.bottom, m.ref.bottom); r++) {
      for (let c = Math.max(area.left, m.ref.left); c <= Math.min(area.right, m.ref.right); c++) {
        if (r === area.top && c === area.left) continue;
        const x = rows[r - m.ref.top]?.[c - m.ref.left];
        if (x !== '' && x !== null && x !== undefined) throw new FakeOfficeError('InvalidOperation', 'Cannot change part of a merged cell.', 'Range.values');
      }
    }
  }
}

/** "A1:B2", "B:B", "5:5", or the whole sheet (undefined). */
export function refOf(address?: string): RangeRef {
  if (!address) return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  if (cols) return { top: 1, bottom: MAX_ROWS, left: columnNumber(cols[1]), right: columnNumber(cols[2]) };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLS };
  try {
    return parseRange(address);
  } catch {
    throw new FakeOfficeError('InvalidArgument', `bad address ${address}`, 'Worksheet.getRange');
  }
}

function a1Of(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const isWhole = (r: RangeRef) => r.bottom === MAX_ROWS || r.right === MAX_COLS;

function eachCell(sheet: SheetModel, r: RangeRef, f: (c: CellModel, row: number, col: number) => void): void {
  if (isWhole(r)) {
    for (const [a1, c] of sheet.cells) {
      const x = parseRange(a1);
      if (x.top >= r.top && x.top <= r.bottom && x.left >= r.left && x.left <= r.right) f(c, x.top, x.left);
    }
    return;
  }
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(sheet.touch(row, col), row, col);
}

/** A property of every cell: its single value when all agree, else null (as Excel reports it). */
function uniform(sheet: SheetModel, r: RangeRef, get: (c: CellModel) => unknown): unknown {
  let v: unknown;
  let first = true;
  let mixed = false;
  eachCell(sheet, r, (c) => {
    const x = get(c);
    if (first) {
      v = x;
      first = false;
    } else if (x !== v) mixed = true;
  });
  return mixed ? null : v;
}

function matrixOf(sheet: SheetModel, r: RangeRef, get: (c: CellModel) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(get(sheet.cell(cellAddress(row, col)) ?? sheet.touch(row, col)));
    out.push(line);
  }
  return out;
}

function setMatrix(m: { sheet: SheetModel; ref: RangeRef }, v: unknown, set: (c: CellModel, x: unknown) => void): void {
  const r = m.ref;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) set(m.sheet.touch(r.top + i, r.left + j), (v as unknown[][])[i][j]);
}

interface RangeModel {
  sheet: SheetModel;
  ref: RangeRef;
}

export class RangeProxy extends ClientObject {
  declare values: any[][];
  declare numberFormat: any[][];
  declare address: string;
  constructor(ctx: FakeContext, resolver: () => RangeModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.define(['values', 'numberFormat', 'address']);
  }

  protected props(): Record<string, PropDef> {
    return {
      values: {
        get: (m: RangeModel) => matrixOf(m.sheet, m.ref, (c) => c.value),
        set: (m: RangeModel, v) => {
          checkEditable(m.sheet, m.ref, 'values');
          checkMergedAnchors(m, v);
          setMatrix(m, v, writeValue);
        },
      },
      numberFormat: {
        get: (m: RangeModel) => matrixOf(m.sheet, m.ref, (c) => c.numberFormat),
        set: (m: RangeModel, v) => {
          checkEditable(m.sheet, m.ref, 'format');
          setMatrix(m, v, (c, x) => (c.numberFormat = String(x)));
        },
      },
      address: { get: (m: RangeModel) => `${quoteSheet(m.sheet.name)}!${a1Of(m.ref)}` },
    };
  }

  protected override navigation(name: string): ClientObject | undefined {
    if (name === 'format') return new RangeFormatProxy(this.context, () => this.model());
    if (name === 'dataValidation') return new DataValidationProxy(this.context, () => this.model());
    if (name === 'conditionalFormats') return new ConditionalFormatCollectionProxy(this.context, () => this.model());
    return undefined;
  }

  get format(): RangeFormatProxy {
    return this.nav('format') as RangeFormatProxy;
  }
  get dataValidation(): DataValidationProxy {
    return this.nav('dataValidation') as DataValidationProxy;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.nav('conditionalFormats') as ConditionalFormatCollectionProxy;
  }

  merge(across = false): void {
    this.call({ across }, (m: RangeModel) => {
      if (across) throw new Error('fake: merge(across) not implemented');
      checkEditable(m.sheet, m.ref, 'format');
      const overlaps = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
      m.sheet.merges = m.sheet.merges.filter((x) => !overlaps(x, m.ref));
      m.sheet.merges.push({ ...m.ref });
    });
  }

  select(): void {
    this.call(undefined, (m: RangeModel) => {
      const wb = this.context.fake.workbook;
      if (wb.active !== m.sheet) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      wb.selection = { sheet: m.sheet.name, address: a1Of(m.ref) };
    });
  }

  /** The bounding box of the used cells inside this range (ExcelApi 1.4); a null object when none is. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const m = this.model() as RangeModel;
        const within = m.sheet.used(valuesOnly, m.ref);
        return within ? { sheet: m.sheet, ref: within } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const m = this.model() as RangeModel | null;
      if (!m) return null;
      const inside = m.sheet.merges.filter((x) => x.top >= m.ref.top && x.bottom <= m.ref.bottom && x.left >= m.ref.left && x.right <= m.ref.right);
      if (inside.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.', 'Range.getMergedAreasOrNullObject');
      return inside.length ? { sheet: m.sheet, areas: inside } : null;
    });
  }
}

class RangeAreasProxy extends ClientObject {
  declare address: string;
  constructor(ctx: FakeContext, resolver: () => any) {
    super(ctx, resolver, true);
    this.define(['address']);
  }
  protected props(): Record<string, PropDef> {
    return { address: { get: (m: { sheet: SheetModel; areas: RangeRef[] }) => m.areas.map((a) => `${quoteSheet(m.sheet.name)}!${a1Of(a)}`).join(',') } };
  }
}

/** A format property set on every cell of the range (or the column/row size). */
function cellProp(key: keyof CellModel): PropDef {
  return {
    get: (m: RangeModel) => uniform(m.sheet, m.ref, (c) => c[key]),
    set: (m: RangeModel, v) => {
      checkEditable(m.sheet, m.ref, 'format');
      eachCell(m.sheet, m.ref, (c) => ((c as any)[key] = v));
    },
  };
}

class RangeFormatProxy extends ClientObject {
  constructor(ctx: FakeContext, resolver: () => any) {
    super(ctx, resolver);
    this.define(['horizontalAlignment', 'verticalAlignment', 'wrapText', 'indentLevel', 'shrinkToFit', 'columnWidth', 'rowHeight']);
  }
  protected props(): Record<string, PropDef> {
    return {
      horizontalAlignment: cellProp('hAlign'),
      verticalAlignment: cellProp('vAlign'),
      wrapText: cellProp('wrap'),
      indentLevel: cellProp('indent'),
      shrinkToFit: cellProp('shrink'),
      columnWidth: {
        set: (m: RangeModel, v) => {
          checkSheetSetting(m.sheet, 'allowFormatColumns');
          for (let c = m.ref.left; c <= Math.min(m.ref.right, 200); c++) m.sheet.columnWidths.set(c, v);
        },
      },
      rowHeight: {
        set: (m: RangeModel, v) => {
          checkSheetSetting(m.sheet, 'allowFormatRows');
          if (typeof v !== 'number' || v < 0 || v > MAX_ROW_HEIGHT_POINTS) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (rowHeight ${v}).`, 'RangeFormat.rowHeight');
          for (let r = m.ref.top; r <= Math.min(m.ref.bottom, 5000); r++) m.sheet.rowHeights.set(r, v);
        },
      },
    };
  }
  protected override navigation(name: string): ClientObject | undefined {
    const m = () => this.model();
    if (name === 'font') return new SimpleProxy(this.context, m, { name: cellProp('fontName'), size: cellProp('fontSize'), bold: cellProp('bold') });
    if (name === 'fill') return new SimpleProxy(this.context, m, { color: cellProp('fill') });
    if (name === 'protection') return new SimpleProxy(this.context, m, { locked: cellProp('locked') });
    if (name === 'borders') return new BorderCollectionProxy(this.context, m);
    return undefined;
  }
  get font(): any {
    return this.nav('font');
  }
  get fill(): any {
    return this.nav('fill');
  }
  get protection(): any {
    return this.nav('protection');
  }
  get borders(): BorderCollectionProxy {
    return this.nav('borders') as BorderCollectionProxy;
  }
}

/** A proxy that is just a bag of properties over a model. */
class SimpleProxy extends ClientObject {
  constructor(ctx: FakeContext, resolver: () => any, private readonly defs: Record<string, PropDef>, methods: Record<string, (m: any, ...args: any[]) => void> = {}) {
    super(ctx, resolver);
    this.define(Object.keys(defs));
    for (const [name, run] of Object.entries(methods)) {
      (this as any)[name] = (...args: any[]) => this.call(args, (m) => run(m, ...args));
    }
  }
  protected props(): Record<string, PropDef> {
    return this.defs;
  }
}

const EDGE_NAMES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

class BorderCollectionProxy extends ClientObject {
  protected props(): Record<string, PropDef> {
    return {};
  }
  getItem(edge: string): any {
    if (!EDGE_NAMES.includes(edge)) throw new Error(`fake: border ${edge}`);
    const prop = (key: keyof BorderModel): PropDef => ({
      set: (m: RangeModel, v) => {
        checkEditable(m.sheet, m.ref, 'format');
        const r = m.ref;
        const side = (row: number, col: number, which: 'top' | 'bottom' | 'left' | 'right') => {
          const c = m.sheet.touch(row, col);
          c.borders[which] = { ...(c.borders[which] ?? {}), [key]: v };
        };
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            if (edge === 'EdgeTop' && row === r.top) side(row, col, 'top');
            if (edge === 'EdgeBottom' && row === r.bottom) side(row, col, 'bottom');
            if (edge === 'EdgeLeft' && col === r.left) side(row, col, 'left');
            if (edge === 'EdgeRight' && col === r.right) side(row, col, 'right');
            if (edge === 'InsideHorizontal' && row < r.bottom) side(row, col, 'bottom');
            if (edge === 'InsideHorizontal' && row > r.top) side(row, col, 'top');
            if (edge === 'InsideVertical' && col < r.right) side(row, col, 'right');
            if (edge === 'InsideVertical' && col > r.left) side(row, col, 'left');
          }
        }
      },
    });
    return new SimpleProxy(this.context, () => this.model(), { style: prop('style'), weight: prop('weight'), color: prop('color') });
  }
}

class DataValidationProxy extends ClientObject {
  constructor(ctx: FakeContext, resolver: () => any) {
    super(ctx, resolver);
    this.define(['prompt', 'rule', 'errorAlert']);
  }
  protected props(): Record<string, PropDef> {
    const tooLong = (text: unknown, max: number) => typeof text === 'string' && text.length > max;
    const prop = (key: 'prompt' | 'rule' | 'errorAlert'): PropDef => ({
      set: (m: RangeModel, v) => {
        const texts = v as { title?: unknown; message?: unknown };
        const messageMax = key === 'prompt' ? PROMPT_MESSAGE_MAX : ALERT_MESSAGE_MAX;
        if (key !== 'rule' && (tooLong(texts?.title, PROMPT_TITLE_MAX) || tooLong(texts?.message, messageMax))) {
          throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', `DataValidation.${key}`);
        }
        const a1 = a1Of(m.ref);
        let dv = m.sheet.validations.find((x) => x.address === a1);
        if (!dv) m.sheet.validations.push((dv = { address: a1 }));
        dv[key] = v;
      },
    });
    return { prompt: prop('prompt'), rule: prop('rule'), errorAlert: prop('errorAlert') };
  }
}

// ------------------------------------------------------------------ conditional formats

/** Conditional formats of a protected sheet: refused, unless the fake is told Excel honours allowFormatCells for them. */
function checkConditionalFormats(fake: FakeExcel, sheet: SheetModel): void {
  if (!sheet.protection.protected) return;
  if (fake.conditionalFormatsHonourAllowFormatCells && sheet.protection.options.allowFormatCells) return;
  throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
}

class ConditionalFormatCollectionProxy extends CollectionProxy {
  protected props(): Record<string, PropDef> {
    return {};
  }
  itemProxies(): ClientObject[] {
    const m = this.model() as RangeModel;
    const overlaps = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
    return m.sheet.conditionalFormats.filter((cf) => overlaps(parseRange(cf.address), m.ref)).map((cf) => new ConditionalFormatProxy(this.context, () => (m.sheet.conditionalFormats.includes(cf) ? cf : { deleted: true }), m.sheet));
  }
  add(type: string): ConditionalFormatProxy {
    let created: CfModel | undefined;
    let sheet: SheetModel | undefined;
    this.call({ type }, (m: RangeModel) => {
      checkConditionalFormats(this.context.fake, m.sheet);
      created = { id: this.context.fake.workbook.nextCf++, sheet: m.sheet, type, address: a1Of(m.ref), borders: {}, priority: 0, stopIfTrue: false };
      changed(m.sheet);
      m.sheet.conditionalFormats.unshift(created);
      sheet = m.sheet;
    });
    return new ConditionalFormatProxy(this.context, () => created, undefined, () => sheet);
  }
}

class ConditionalFormatProxy extends ClientObject {
  declare type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  constructor(ctx: FakeContext, resolver: () => any, private readonly sheet?: SheetModel, private readonly sheetLater?: () => SheetModel | undefined) {
    super(ctx, resolver);
    this.define(['type', 'priority', 'stopIfTrue']);
  }
  protected props(): Record<string, PropDef> {
    return {
      type: { get: (m: CfModel) => m.type },
      priority: { get: (m: CfModel) => m.priority, set: (m: CfModel, v) => (m.priority = v) },
      stopIfTrue: { get: (m: CfModel) => m.stopIfTrue, set: (m: CfModel, v) => (m.stopIfTrue = v) },
    };
  }
  protected override navigation(name: string): ClientObject | undefined {
    if (name === 'dataBar') return dataBarProxy(this.context, () => this.model() as CfModel);
    if (name === 'custom' || name === 'customOrNullObject') {
      const nullable = name === 'customOrNullObject';
      return new CustomCfProxy(this.context, () => {
        const m = this.model() as CfModel;
        if (m.type !== 'Custom') {
          if (nullable) return null;
          throw new FakeOfficeError('InvalidOperation', 'not a custom conditional format');
        }
        return m;
      }, nullable);
    }
    return undefined;
  }
  get custom(): CustomCfProxy {
    return this.nav('custom') as CustomCfProxy;
  }
  get dataBar(): any {
    return this.nav('dataBar');
  }
  get customOrNullObject(): CustomCfProxy {
    return this.nav('customOrNullObject') as CustomCfProxy;
  }
  delete(): void {
    this.call(undefined, (m: CfModel) => {
      const sheet = this.sheet ?? this.sheetLater?.();
      if (!sheet) throw new Error('fake: cf without sheet');
      checkConditionalFormats(this.context.fake, sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== m);
      changed(sheet);
    });
  }
}

/**
 * DataBarConditionalFormat (ExcelApi 1.6): only a DataBar has one (InvalidOperation
 * otherwise, as for `custom`); a bound rule is a JSON object set whole ("must be set as a
 * JSON object", https://learn.microsoft.com/javascript/api/excel/excel.databarconditionalformat),
 * so one without a type is InvalidArgument; positiveFormat.fillColor is the bar's colour.
 */
function dataBarProxy(ctx: FakeContext, cf: () => CfModel): any {
  const model = () => {
    const m = cf();
    if (m.type !== 'DataBar') throw new FakeOfficeError('InvalidOperation', 'not a data bar');
    m.dataBar ??= {};
    return m;
  };
  const bound = (key: 'lowerBoundRule' | 'upperBoundRule'): PropDef => ({
    get: (m: CfModel) => m.dataBar![key],
    set: (m: CfModel, v) => {
      if (typeof v !== 'object' || v === null || typeof v.type !== 'string') throw new FakeOfficeError('InvalidArgument', `${key} must be a ConditionalDataBarRule object`);
      m.dataBar![key] = { ...v };
      changed(m.sheet!);
    },
  });
  const bar = new SimpleProxy(ctx, model, { lowerBoundRule: bound('lowerBoundRule'), upperBoundRule: bound('upperBoundRule') });
  (bar as any).positiveFormat = new SimpleProxy(ctx, model, {
    fillColor: {
      get: (m: CfModel) => m.dataBar!.fillColor,
      set: (m: CfModel, v) => {
        m.dataBar!.fillColor = v;
        changed(m.sheet!);
      },
    },
  });
  return bar;
}

class CustomCfProxy extends ClientObject {
  protected props(): Record<string, PropDef> {
    return {};
  }
  protected override navigation(name: string): ClientObject | undefined {
    const m = () => this.model();
    if (name === 'rule') return new SimpleProxy(this.context, m, { formula: { get: (x: CfModel) => x.formula, set: (x: CfModel, v) => (x.formula = v) } });
    if (name === 'format') {
      const fmt = new SimpleProxy(this.context, m, {});
      (fmt as any).fill = new SimpleProxy(this.context, m, { color: { get: (x: CfModel) => x.fill, set: (x: CfModel, v) => (x.fill = v) } });
      (fmt as any).borders = {
        getItem: (edge: string) =>
          new SimpleProxy(this.context, m, {
            style: { set: (x: CfModel, v) => (x.borders[edge] = { ...(x.borders[edge] ?? {}), style: v }) },
            color: { set: (x: CfModel, v) => (x.borders[edge] = { ...(x.borders[edge] ?? {}), color: v }) },
          }),
      };
      return fmt;
    }
    return undefined;
  }
  get rule(): any {
    return this.nav('rule');
  }
  get format(): any {
    return this.nav('format');
  }
}

// ------------------------------------------------------------------ names

class NamedItemProxy extends ClientObject {
  declare name: string;
  declare formula: string;
  declare type: string;
  declare scope: string;
  constructor(ctx: FakeContext, resolver: () => any) {
    super(ctx, resolver);
    this.define(['name', 'formula', 'type', 'scope']);
  }
  protected props(): Record<string, PropDef> {
    return {
      name: { get: (m: NameModel & { sheet: string }) => m.name },
      formula: {
        get: (m: NameModel & { sheet: string }) => {
          const r = refOf(m.address);
          const abs = r.top === r.bottom && r.left === r.right ? `$${columnLetters(r.left)}$${r.top}` : `$${columnLetters(r.left)}$${r.top}:$${columnLetters(r.right)}$${r.bottom}`;
          return `=${quoteSheet(m.sheet)}!${abs}`;
        },
      },
      type: { get: () => 'Range' },
      scope: { get: (m: NameModel & { defaultScope: string }) => m.scope ?? m.defaultScope },
    };
  }
}

class NamedItemCollectionProxy extends CollectionProxy {
  constructor(ctx: FakeContext, private readonly list: () => { names: NameModel[]; sheetName: (n: NameModel) => string; sheet?: SheetModel }) {
    super(ctx, () => list());
  }
  protected props(): Record<string, PropDef> {
    return {};
  }
  itemProxies(): ClientObject[] {
    const l = this.list();
    return l.names.map((n) => new NamedItemProxy(this.context, () => ({ ...n, sheet: l.sheetName(n), defaultScope: l.sheet ? 'Worksheet' : 'Workbook' })));
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    if (typeof reference !== 'string' && reference.context !== this.context) {
      throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
    }
    let created: NameModel | undefined;
    this.call({ name, comment }, () => {
      const l = this.list();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeOfficeError('InvalidArgument', `bad name ${name}`);
      const store = l.sheet ? l.sheet.names : this.context.fake.workbook.names;
      if (store.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `name ${name} exists`);
      if (typeof reference === 'string') throw new Error('fake: names.add with a string reference');
      const r = reference.model() as RangeModel;
      if (l.sheet && r.sheet !== l.sheet) throw new Error('fake: sheet-scoped name to another sheet');
      created = { name, address: a1Of(r.ref), comment };
      store.push(created);
    });
    return new NamedItemProxy(this.context, () => created);
  }
}

// ------------------------------------------------------------------ events

class EventHandlerResult {
  constructor(readonly context: FakeContext, private readonly list: () => { handler: Handler; ctx: FakeContext }[], private readonly handler: Handler) {}
  remove(): void {
    this.context.enqueue(undefined, () => {
      const l = this.list();
      const i = l.findIndex((h) => h.handler === this.handler && h.ctx === this.context);
      if (i < 0) throw new FakeOfficeError('InvalidArgument', 'handler not registered in this context');
      l.splice(i, 1);
    });
  }
}

class EventSource {
  constructor(private readonly context: FakeContext, private readonly list: () => { handler: Handler; ctx: FakeContext }[]) {}
  add(handler: Handler): EventHandlerResult {
    this.context.enqueue(undefined, () => this.list().push({ handler, ctx: this.context }));
    return new EventHandlerResult(this.context, this.list, handler);
  }
}

// ------------------------------------------------------------------ worksheet and workbook

export class WorksheetProxy extends ClientObject {
  declare name: string;
  declare position: number;
  declare id: string;
  declare visibility: SheetModel['visibility'];
  constructor(ctx: FakeContext, resolver: () => SheetModel | null | undefined, nullable = false) {
    super(ctx, resolver, nullable);
    this.define(['name', 'position', 'id', 'visibility']);
  }
  protected props(): Record<string, PropDef> {
    const wb = this.context.fake.workbook;
    return {
      name: {
        get: (m: SheetModel) => m.name,
        set: (m: SheetModel, v: string) => {
          if (wb.sheets.some((s) => s !== m && s.name.toLowerCase() === v.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${v} exists`);
          m.name = v;
          if (this.context.fake.flavor === 'desktop') this.context.fake.clearUndo('Worksheet.name', m);
        },
      },
      position: {
        get: (m: SheetModel) => m.position,
        set: (m: SheetModel, v: number) => {
          wb.sheets.splice(wb.sheets.indexOf(m), 1);
          wb.sheets.splice(Math.min(v, wb.sheets.length), 0, m);
          wb.renumber();
          if (this.context.fake.flavor === 'desktop') this.context.fake.clearUndo('Worksheet.position', m);
        },
      },
      id: { get: (m: SheetModel) => m.id },
      visibility: { get: (m: SheetModel) => m.visibility, set: (m: SheetModel, v: SheetModel['visibility']) => (m.visibility = v) },
    };
  }
  protected override navigation(name: string): ClientObject | undefined {
    const m = () => this.model();
    const wb = this.context.fake.workbook;
    switch (name) {
      case 'protection':
        return new SimpleProxy(
          this.context,
          () => (this.model() as SheetModel | null)?.protection,
          { protected: { get: (p) => p.protected }, options: { get: (p) => p.options } },
          {
            protect: (p, options?: Record<string, boolean>) => {
              if (p.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is already protected.', 'WorksheetProtection.protect');
              p.protected = true;
              p.options = { ...(options ?? {}) };
              this.context.fake.clearUndo('WorksheetProtection.protect', this.model() as SheetModel);
            },
            unprotect: (p, password?: string) => {
              if (!p.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is not protected.', 'WorksheetProtection.unprotect');
              if (p.password && p.password !== password) throw new FakeOfficeError('InvalidArgument', 'bad password', 'WorksheetProtection.unprotect');
              p.protected = false;
              this.context.fake.clearUndo('WorksheetProtection.unprotect', this.model() as SheetModel);
            },
          },
        );
      case 'pageLayout': {
        const fake = this.context.fake;
        const set = (key: string): PropDef => ({
          get: (s: SheetModel) => s.pageLayout[key],
          set: (s: SheetModel, v) => {
            checkSheetSetting(s);
            s.pageLayout[key] = v;
          },
        });
        const keys = ['paperSize', 'orientation', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'centerHorizontally'];
        const zoom: PropDef = {
          get: (s: SheetModel) => s.pageLayout.zoom ?? { scale: 100 },
          set: (s: SheetModel, v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) => {
            checkSheetSetting(s);
            // Issue #1860: some hosts silently keep the old zoom when asked to fit to pages.
            if (fake.ignoresFitToPages && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) return;
            s.pageLayout.zoom = v;
          },
        };
        return new SimpleProxy(this.context, m, { ...Object.fromEntries(keys.map((k) => [k, set(k)])), zoom }, {
          setPrintArea: (s: SheetModel, a: string) => {
            checkSheetSetting(s);
            s.pageLayout.printArea = a;
          },
          setPrintTitleRows: (s: SheetModel, a: string) => {
            checkSheetSetting(s);
            s.pageLayout.printTitleRows = a;
          },
        });
      }
      case 'freezePanes':
        return new SimpleProxy(this.context, m, {}, {
          freezeRows: (s: SheetModel, n: number) => {
            checkSheetSetting(s);
            if (this.context.fake.freezeRowsFails) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.', 'WorksheetFreezePanes.freezeRows');
            s.freezeRows = n;
          },
        });
      case 'autoFilter':
        return new SimpleProxy(this.context, m, {}, { apply: (s: SheetModel, a: string) => (s.autoFilter = a) });
      case 'names':
        return new NamedItemCollectionProxy(this.context, () => {
          const s = this.target() as SheetModel;
          // Excel on the web lists the workbook's names here too (issue #1011).
          const book = this.context.fake.flavor === 'web' ? wb.names.map((n) => ({ ...n, scope: 'Workbook' as const })) : [];
          return { names: [...s.names, ...book], sheetName: (n: NameModel) => (n.scope === 'Workbook' ? (n.sheet ?? '') : s.name), sheet: s };
        });
      default:
        return undefined;
    }
  }
  get protection(): any {
    return this.nav('protection');
  }
  get pageLayout(): any {
    return this.nav('pageLayout');
  }
  get freezePanes(): any {
    return this.nav('freezePanes');
  }
  get autoFilter(): any {
    return this.nav('autoFilter');
  }
  get names(): NamedItemCollectionProxy {
    return this.nav('names') as NamedItemCollectionProxy;
  }
  get onChanged(): EventSource {
    return new EventSource(this.context, () => (this.target() as SheetModel).changedHandlers);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.target(), ref: refOf(address) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this.target() as SheetModel;
        const r = s.used(valuesOnly);
        return r ? { sheet: s, ref: r } : null;
      },
      true,
    );
  }
  activate(): void {
    this.call(undefined, (s: SheetModel) => (this.context.fake.workbook.active = s));
  }
  delete(): void {
    this.call(undefined, (s: SheetModel) => {
      const wb = this.context.fake.workbook;
      if (wb.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      wb.sheets = wb.sheets.filter((x) => x !== s);
      s.deleted = true;
      wb.renumber();
      this.context.fake.clearUndo('Worksheet.delete', s);
      if (wb.active === s) wb.active = wb.sheets[0];
    });
  }
}

const BAD_SHEET_NAME = /[\\/?*[\]:]|^'|'$/;

class WorksheetCollectionProxy extends CollectionProxy {
  protected props(): Record<string, PropDef> {
    return {};
  }
  itemProxies(): ClientObject[] {
    return this.context.fake.workbook.sheets.map((s) => new WorksheetProxy(this.context, () => s));
  }
  add(name: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.context.enqueue({ name }, () => {
      const wb = this.context.fake.workbook;
      if (!name || name.length > 31 || BAD_SHEET_NAME.test(name)) throw new FakeOfficeError('InvalidArgument', `bad sheet name ${name}`);
      if (wb.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
      created = wb.addSheet(name);
      this.context.fake.raiseAdded(created);
    });
    return new WorksheetProxy(this.context, () => created);
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.fake.workbook.find(key));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.fake.workbook.find(key) ?? null, true);
  }
  get onAdded(): EventSource {
    return new EventSource(this.context, () => this.context.fake.workbook.addedHandlers);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx, () => ctx.fake.workbook);
    this.names = new NamedItemCollectionProxy(ctx, () => ({
      names: ctx.fake.workbook.names,
      sheetName: (n) => n.sheet ?? '',
    }));
  }
}

// ------------------------------------------------------------------ the globals

function versionAtMost(v: string, max: string): boolean {
  const [a, b] = v.split('.').map(Number);
  const [x, y] = max.split('.').map(Number);
  return a < x || (a === x && (b ?? 0) <= (y ?? 0));
}

export class FakeExcel {
  workbook = new WorkbookModel();
  syncs = 0;
  payloads: number[] = [];
  /** Bytes of loaded values per sync (what Excel would send back). */
  responses: number[] = [];
  runs = 0;
  /** Whether conditional formats may change on a sheet protected with allowFormatCells (unknown for Excel: default no). */
  conditionalFormatsHonourAllowFormatCells = false;
  /** The base64 files given to Excel.createWorkbook. */
  createdWorkbooks: string[] = [];
  /** Sheets whose cells (values or formats) changed during the current sync. */
  changedSheets: SheetModel[] = [];
  /** 'web': Excel on the web's differences (sheet.names lists workbook names, issue #1011). */
  flavor: 'desktop' | 'web' = 'desktop';
  /** How an oversized request fails: RequestPayloadSizeLimitExceeded, or GeneralException as Excel on the web sometimes reports it. */
  oversizeCode: 'RequestPayloadSizeLimitExceeded' | 'GeneralException' = 'RequestPayloadSizeLimitExceeded';
  /** Request size above which a sync is refused (Excel on the web: 5 MB; lower to stand for a host whose real overhead is larger than estimated). */
  requestLimit = REQUEST_LIMIT;
  /** Issue #1860: fit-to-page zoom is silently not applied. */
  ignoresFitToPages = false;
  /** Issue #2196: freezeRows throws GeneralException (some Excel 2019 builds). */
  freezeRowsFails = false;
  /** The user is typing in a cell: every sync fails unless the run waits (delayForCellEdit). */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** What cleared the user's Undo stack, in order (API name and sheet). */
  undoClears: { api: string; sheet: string }[] = [];
  /** Runs that asked for delayForCellEdit. */
  delayedRuns = 0;
  /** Highest ExcelApi version the "host" supports. */
  apiVersion = '1.16';
  /** Delay of change events after a sync (Excel raises them after the request completes). */
  eventDelayMs = 50;
  onReady: () => Promise<{ host: string | null; platform: string | null }> = async () => ({ host: 'Excel', platform: 'PC' });

  /** Resets the counters (not the workbook). */
  count(): void {
    this.syncs = 0;
    this.payloads = [];
    this.responses = [];
    this.runs = 0;
  }

  supports(version: string): boolean {
    return versionAtMost(version, this.apiVersion);
  }

  clearUndo(api: string, sheet: SheetModel): void {
    this.undoClears.push({ api, sheet: sheet.name });
  }

  /** The user starts typing in a cell (F2 or a keystroke): Excel is in cell-edit mode. */
  enterCellEdit(): void {
    this.cellEditMode = true;
  }

  /** The user presses Enter or Esc: runs waiting for the edit go on. */
  exitCellEdit(): void {
    this.cellEditMode = false;
    for (const resume of this.cellEditWaiters.splice(0)) resume();
  }

  raiseOwnChanges(sheets: SheetModel[]): void {
    for (const s of new Set(sheets)) {
      const args = { worksheetId: s.id, address: 'A1', changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', ...(this.supports('1.14') ? { triggerSource: 'ThisLocalAddin' } : {}) };
      setTimeout(() => this.deliver(s.changedHandlers, args), this.eventDelayMs);
    }
  }

  raiseAdded(s: SheetModel): void {
    const args = { worksheetId: s.id, source: 'Local', type: 'WorksheetAdded' };
    setTimeout(() => this.deliver(this.workbook.addedHandlers, args), this.eventDelayMs);
  }

  /** The user edits a cell of `sheetName` (an event from outside the add-in). */
  userEdits(sheetName: string, a1: string, value: string | number): void {
    const s = this.workbook.sheet(sheetName);
    s.type(a1, value);
    const args = { worksheetId: s.id, address: a1, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', ...(this.supports('1.14') ? { triggerSource: 'Unknown' } : {}) };
    this.deliver(s.changedHandlers, args);
  }

  /** A co-author changes a cell of `sheetName` (or its marks): Excel reports it with source Remote. */
  remoteEdits(sheetName: string, a1: string, value: string | number): void {
    const s = this.workbook.sheet(sheetName);
    s.type(a1, value);
    const args = { worksheetId: s.id, address: a1, changeType: 'RangeEdited', source: 'Remote', type: 'WorksheetChanged', ...(this.supports('1.14') ? { triggerSource: 'Unknown' } : {}) };
    this.deliver(s.changedHandlers, args);
  }

  private deliver(list: { handler: Handler }[], args: unknown): void {
    for (const { handler } of [...list]) void handler(args);
  }

  /**
   * Excel.run(batch), Excel.run(objectOrContext, batch) (the earlier context, reopened for
   * the batch) or Excel.run(options, batch) (RunOptions: delayForCellEdit waits while the
   * user edits a cell). When the run ends its context is closed: its proxies are dead.
   */
  async run(...args: any[]): Promise<unknown> {
    const batch = args[args.length - 1] as (ctx: FakeContext) => Promise<unknown>;
    const first = args.length > 1 ? args[0] : undefined;
    const reuse: FakeContext | undefined = first instanceof FakeContext ? first : first?.context instanceof FakeContext ? first.context : undefined;
    const options = !reuse && first && typeof first === 'object' ? (first as { delayForCellEdit?: boolean }) : {};
    if (options.delayForCellEdit) {
      this.delayedRuns++;
      while (this.cellEditMode) await new Promise<void>((resume) => this.cellEditWaiters.push(resume));
    }
    const ctx: FakeContext = reuse ?? new FakeContext(this);
    ctx.closed = false;
    this.runs++;
    try {
      const result = await batch(ctx);
      if (ctx.queue.length) {
        const n = ctx.queue.length;
        ctx.queue = [];
        throw new Error(`fake Excel.run: ${n} command(s) queued but never synced`);
      }
      return result;
    } finally {
      ctx.queue = [];
      ctx.closed = true;
    }
  }

  /** Excel.createWorkbook: ExcelApi 1.8; the file must be base64 (Excel opens it in a new window). */
  async createWorkbook(base64?: string): Promise<void> {
    if (!this.supports('1.8')) throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
    if (base64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new FakeOfficeError('InvalidArgument', 'not base64');
    if (base64 !== undefined && Buffer.byteLength(base64) > REQUEST_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    this.createdWorkbooks.push(base64 ?? '');
  }

  /** Installs globalThis.Excel and globalThis.Office; returns the uninstall. */
  install(): () => void {
    const g = globalThis as any;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: (...a: any[]) => this.run(...a), createWorkbook: (base64?: string) => this.createWorkbook(base64) };
    g.Office = {
      onReady: () => this.onReady(),
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && this.supports(version ?? '1.1') } },
    };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }
}
