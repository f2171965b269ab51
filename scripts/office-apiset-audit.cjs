#!/usr/bin/env node
/*
 * office-apiset-audit.cjs: which Excel JavaScript API members does this
 * add-in's code use, which requirement set does each need, and is every use
 * above the manifest's declared minimum guarded by isSetSupported?
 *
 * The team's own tool (written for this project, kept in the team's shared
 * tools folder and copied here unchanged but for this paragraph and the usage
 * line, so that the repository stands alone; no third-party code, same licence
 * as the project). test/manifest runs it.
 *
 * Usage (from the project root; CommonJS, no dependencies of its own):
 *   node scripts/office-apiset-audit.cjs [--src DIR] [--manifest FILE]
 *                                                [--tsconfig FILE] [--json]
 *     --src DIR        code to report on (default: src). With a tsconfig the
 *                      program is the tsconfig's files plus DIR's .ts/.tsx,
 *                      and only files under DIR are reported (all non-.d.ts
 *                      project files when the default src/ does not exist).
 *                      Without a tsconfig, every .ts/.tsx under DIR.
 *     --manifest FILE  manifest.xml (default), or a unified manifest .json
 *     --tsconfig FILE  default: tsconfig.json when present
 *     --json           print the same report as one JSON object
 *   Exit: 0 the highest unguarded ExcelApi use <= the declared MinVersion and
 *         no unguarded use of a set the manifest does not declare
 *         (ExcelApiDesktop / ExcelApiOnline / preview);
 *         1 otherwise (also: the manifest declares no ExcelApi set);
 *         2 setup error (no typescript / @types/office-js in the project's
 *           node_modules, no manifest, no files, bad arguments).
 *   typescript and @types/office-js are loaded from the PROJECT
 *   (require.resolve(..., {paths: [process.cwd()]})), never from here.
 *
 * How: a TypeScript Program over the project; every property access
 * (a.b, a?.b), element access with a literal key (a['b']), and property of an
 * object literal whose contextual type is an Excel type ({scale: 80},
 * {sheetNamesToInsert: [...]}) is resolved with the type checker; a use counts
 * when its symbol is declared inside `declare namespace Excel` of
 * @types/office-js (or -preview). Its set is the first "[Api set: NAME X.Y]"
 * in that declaration's JSDoc (for a call, the resolved overload's), else
 * the nearest enclosing class/interface/enum's, else ExcelApi 1.1 (implied).
 *
 * Guards (lexical only): a use is guarded when an enclosing
 *   - if (COND) {...} then-branch, else-branch of if (!COND),
 *   - COND ? use : ..., COND && use, !COND || use,
 *   - earlier statement in an enclosing block `if (!COND) return/throw/
 *     break/continue;` (an early exit),
 * has COND made of isSetSupported('SET', 'X.Y') calls (any receiver, e.g.
 * Office.context.requirements.isSetSupported), !, &&, ||, === true/false,
 * or a guard variable (`const can = ...isSetSupported(...)`; let/var only if
 * never reassigned in that file) declared inside a function that also
 * contains the use; with SET equal to the member's set and X.Y >= its version.
 *
 * Limits (known, on purpose):
 *   - Sets are exactly what @types/office-js says. Tags with conditions
 *     ("ExcelApi 1.1 for get, 1.8 for set", "1.2 for options; 1.7 for
 *     password") use the first version, except that a write (a.b = ..., or
 *     an object literal that is not a LoadOptions) uses the "for set(ting)"
 *     version; every conditional tag is listed under "notes" to read by hand.
 *   - Only what the checker resolves: values typed `any`, string paths in
 *     load('a/b'), destructuring (const {values} = range), dynamic keys,
 *     string-literal enum values ("ThisLocalAddin") and the Office.* common
 *     API are not counted. TypeScript errors in the scanned files are
 *     counted and reported, since they can hide uses.
 *   - Guards are lexical: not a helper like supports('1.14'), not a guard in
 *     a caller, not try/catch, not a function's name or a comment, not a
 *     module-level guard variable (it would run at import, before
 *     Office.onReady), not runtime feature tests (if (range.foo)). A guard on
 *     ExcelApi does not cover ExcelApiDesktop/ExcelApiOnline. Versions must
 *     be literals; a number literal is read as JS would (1.10 -> "1.1").
 *   - Manifest: XML top-level <Requirements><Sets> (outside
 *     <VersionOverrides>), honouring DefaultMinVersion; JSON: the lowest
 *     extensions[].requirements.capabilities[] per set.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const TOOL = 'office-apiset-audit';
const USAGE = 'usage: node office-apiset-audit.cjs [--src DIR] [--manifest FILE] [--tsconfig FILE] [--json]';
const OFFICE_TYPES_RE = /[\\/]@types[\\/]office-js(?:-preview)?[\\/]/;
const PRIMARY = 'ExcelApi';

class SetupError extends Error {}

/* ---------- arguments ---------- */

function parseArgs(argv) {
  const o = { src: null, manifest: null, tsconfig: null, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v = null;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    const val = () => {
      if (v !== null) return v;
      if (i + 1 >= argv.length) throw new SetupError(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    switch (a) {
      case '--src': o.src = val(); break;
      case '--manifest': o.manifest = val(); break;
      case '--tsconfig': case '--project': case '-p': o.tsconfig = val(); break;
      case '--json': o.json = true; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new SetupError(`unknown argument: ${argv[i]}\n${USAGE}`);
    }
  }
  return o;
}

/* ---------- versions ---------- */

// null version = not a number (e.g. "BETA (PREVIEW ONLY)"): above everything.
function cmpVer(a, b) {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  const pa = String(a).split('.').map(Number);
  const pb = String(b).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] || 0;
    const y = pb[i] || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
const maxVer = (a, b) => (a === undefined ? b : b === undefined ? a : cmpVer(a, b) >= 0 ? a : b);
const minVer = (a, b) => (a === undefined ? b : b === undefined ? a : cmpVer(a, b) <= 0 ? a : b);
const fmtSet = (set, version) => `${set} ${version == null ? '(no version)' : version}`;

/* ---------- setup ---------- */

function loadTypeScript(cwd) {
  let tsPath;
  try {
    tsPath = require.resolve('typescript', { paths: [cwd] });
  } catch (e) {
    throw new SetupError(`typescript is not installed in this project (${cwd}/node_modules): npm install --save-dev typescript`);
  }
  let ts;
  try {
    ts = require(tsPath);
  } catch (e) {
    throw new SetupError(`typescript at ${tsPath} could not be loaded: ${e.message}`);
  }
  if (!ts || typeof ts.createProgram !== 'function') {
    throw new SetupError(`typescript ${ts && ts.version} at ${tsPath} has no JS compiler API (createProgram); use typescript 4.x/5.x`);
  }
  return { ts, tsPath };
}

function findOfficeTypes(cwd) {
  for (const name of ['@types/office-js', '@types/office-js-preview']) {
    let pj;
    try {
      pj = require.resolve(`${name}/package.json`, { paths: [cwd] });
    } catch (e) {
      continue;
    }
    const dir = path.dirname(pj);
    const index = path.join(dir, 'index.d.ts');
    if (!fs.existsSync(index)) continue;
    let version = '?';
    try { version = JSON.parse(fs.readFileSync(pj, 'utf8')).version; } catch (e) { /* keep '?' */ }
    return { name, version, index };
  }
  throw new SetupError(`@types/office-js is not installed in this project (${cwd}/node_modules): npm install --save-dev @types/office-js`);
}

function listSources(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch (e) { return; }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !/\.d\.(ts|mts|cts)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function buildProgram(ts, opts, cwd, office) {
  const srcDir = path.resolve(cwd, opts.src || 'src');
  const srcExists = fs.existsSync(srcDir) && fs.statSync(srcDir).isDirectory();
  if (opts.src && !srcExists) throw new SetupError(`--src ${opts.src}: no such directory`);
  const srcFiles = srcExists ? listSources(srcDir) : [];

  let tsconfig = opts.tsconfig ? path.resolve(cwd, opts.tsconfig) : path.join(cwd, 'tsconfig.json');
  if (opts.tsconfig && !fs.existsSync(tsconfig)) throw new SetupError(`--tsconfig ${opts.tsconfig}: no such file`);
  if (!fs.existsSync(tsconfig)) tsconfig = null;

  let options;
  let roots = [];
  const warnings = [];
  if (tsconfig) {
    const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
    if (read.error) throw new SetupError(`${tsconfig}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
    for (const d of parsed.errors || []) {
      // "No inputs were found" is fine when --src supplies the files.
      if (d.code === 18003) continue;
      warnings.push(`tsconfig: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    options = parsed.options;
    roots = parsed.fileNames.slice();
  } else {
    if (!srcExists) throw new SetupError(`no tsconfig.json and no ${opts.src || 'src'}/ directory in ${cwd}`);
    options = {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10 !== undefined ? ts.ModuleResolutionKind.Node10 : ts.ModuleResolutionKind.NodeJs,
      jsx: ts.JsxEmit.Preserve,
      esModuleInterop: true,
      strict: false,
      lib: ['lib.es2020.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    };
  }
  options = Object.assign({}, options, { noEmit: true, skipLibCheck: true });
  delete options.incremental;
  delete options.tsBuildInfoFile;
  delete options.composite;

  const seen = new Set(roots.map((f) => path.resolve(f)));
  for (const f of srcFiles) if (!seen.has(path.resolve(f))) { roots.push(f); seen.add(path.resolve(f)); }

  const hasOfficeTypes = (program) => program.getSourceFiles().some((sf) => OFFICE_TYPES_RE.test(sf.fileName) && /index\.d\.ts$/.test(sf.fileName));
  let program = ts.createProgram({ rootNames: roots, options });
  if (!hasOfficeTypes(program)) {
    // e.g. tsconfig "types" without office-js: add it so Excel.* resolves.
    program = ts.createProgram({ rootNames: roots.concat([office.index]), options, oldProgram: program });
  }

  // Which files are reported.
  const inSrc = (f) => {
    const rel = path.relative(srcDir, path.resolve(f));
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const scanned = program.getSourceFiles().filter((sf) => {
    if (sf.isDeclarationFile) return false;
    if (/[\\/]node_modules[\\/]/.test(sf.fileName)) return false;
    return srcExists ? inSrc(sf.fileName) : true;
  });
  if (!scanned.length) throw new SetupError(`no TypeScript files to scan (${srcExists ? path.relative(cwd, srcDir) + '/' : 'tsconfig files'})`);
  return {
    program,
    scanned,
    tsconfig: tsconfig ? path.relative(cwd, tsconfig) || tsconfig : null,
    srcLabel: srcExists ? path.relative(cwd, srcDir) || '.' : null,
    warnings,
  };
}

/* ---------- manifest ---------- */

function attr(attrs, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] !== undefined ? m[1] : m[2]).trim() : null;
}

function readManifest(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SetupError(`manifest ${file}: ${e.code === 'ENOENT' ? 'not found (use --manifest FILE)' : e.message}`);
  }
  const declared = {};
  if (/\.json$/i.test(file)) {
    let j;
    try { j = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) { throw new SetupError(`manifest ${file}: ${e.message}`); }
    for (const ext of (j && Array.isArray(j.extensions) ? j.extensions : [])) {
      const caps = ext && ext.requirements && Array.isArray(ext.requirements.capabilities) ? ext.requirements.capabilities : [];
      for (const c of caps) if (c && c.name) declared[c.name] = minVer(declared[c.name], String(c.minVersion || '1.1'));
    }
    return declared;
  }
  let x = text.replace(/<!--[\s\S]*?-->/g, '');
  x = x.replace(/<(?:[\w.-]+:)?VersionOverrides\b[\s\S]*<\/(?:[\w.-]+:)?VersionOverrides\s*>/g, '');
  const req = /<(?:[\w.-]+:)?Requirements\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Requirements\s*>/.exec(x);
  if (!req) return declared;
  const sets = /<(?:[\w.-]+:)?Sets\b([^>]*?)>([\s\S]*?)<\/(?:[\w.-]+:)?Sets\s*>/.exec(req[1]);
  if (!sets) return declared;
  const def = attr(sets[1], 'DefaultMinVersion') || '1.1';
  const re = /<(?:[\w.-]+:)?Set\b([^>]*?)\/?>/g;
  let m;
  while ((m = re.exec(sets[2]))) {
    const name = attr(m[1], 'Name');
    if (name) declared[name] = minVer(declared[name], attr(m[1], 'MinVersion') || def);
  }
  return declared;
}

/* ---------- the audit ---------- */

function audit(ts, program, scanned, cwd) {
  const checker = program.getTypeChecker();
  const K = ts.SyntaxKind;
  const rel = (f) => path.relative(cwd, f).split(path.sep).join('/');

  /* --- declarations in namespace Excel and their sets --- */
  const excelCache = new Map();
  function isExcelDecl(decl) {
    if (excelCache.has(decl)) return excelCache.get(decl);
    let ok = false;
    const sf = decl.getSourceFile && decl.getSourceFile();
    if (sf && OFFICE_TYPES_RE.test(sf.fileName) && decl.kind !== K.ModuleDeclaration) {
      let top = null;
      for (let n = decl.parent; n && n.kind !== K.SourceFile; n = n.parent) if (n.kind === K.ModuleDeclaration) top = n;
      ok = !!(top && top.name && top.name.text === 'Excel');
    }
    excelCache.set(decl, ok);
    return ok;
  }

  function docText(decl) {
    let n = decl;
    if (n.kind === K.VariableDeclaration && n.parent && n.parent.parent) n = n.parent.parent;
    const text = n.getSourceFile().text;
    const ranges = ts.getLeadingCommentRanges(text, n.pos) || [];
    return ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
  }

  const DOC_KINDS = new Set([K.ClassDeclaration, K.InterfaceDeclaration, K.EnumDeclaration, K.ModuleDeclaration,
    K.TypeAliasDeclaration, K.FunctionDeclaration, K.MethodDeclaration, K.MethodSignature, K.PropertyDeclaration,
    K.PropertySignature, K.EnumMember, K.GetAccessor, K.SetAccessor, K.VariableDeclaration, K.Constructor]);

  function parseSetText(text) {
    const t = text.replace(/\s+/g, ' ').trim();
    let m = /^([A-Za-z][A-Za-z0-9]*) (\d+(?:\.\d+)*)/.exec(t);
    const r = m
      ? { set: m[1], version: m[2] }
      : (m = /^([A-Za-z][A-Za-z0-9]*)\b/.exec(t)) ? { set: m[1], version: null } : { set: PRIMARY, version: null };
    const w = /(\d+(?:\.\d+)+) for (?:set|setting)\b/.exec(t);
    r.writeVersion = w ? w[1] : null;
    r.text = t;
    r.conditional = t.replace(/\.$/, '') !== `${r.set} ${r.version}`;
    return r;
  }

  const setCache = new Map();
  function apiSetOf(decl) {
    if (setCache.has(decl)) return setCache.get(decl);
    let res = null;
    for (let n = decl; n && n.kind !== K.SourceFile; n = n.parent) {
      if (n !== decl && !DOC_KINDS.has(n.kind)) continue;
      const m = /\[Api set:\s*([^\]]*?)\s*\]/.exec(docText(n));
      if (m) { res = Object.assign(parseSetText(m[1]), { inherited: n !== decl, implied: false }); break; }
      if (n.kind === K.ModuleDeclaration && n.parent && n.parent.kind === K.SourceFile) break;
    }
    if (!res) res = { set: PRIMARY, version: '1.1', writeVersion: null, text: '', conditional: false, inherited: false, implied: true };
    setCache.set(decl, res);
    return res;
  }

  function memberName(decl) {
    const parts = [];
    for (let p = decl.parent; p && p.kind !== K.SourceFile; p = p.parent) {
      if (p.kind === K.ClassDeclaration || p.kind === K.InterfaceDeclaration || p.kind === K.EnumDeclaration || p.kind === K.ModuleDeclaration) {
        if (p.kind === K.ModuleDeclaration && p.parent && p.parent.kind === K.SourceFile) break;
        if (p.name) parts.unshift(p.name.text);
      }
    }
    if (!parts.length) parts.push('Excel');
    let own = decl.name ? (decl.name.text !== undefined ? decl.name.text : decl.name.getText()) : '(anonymous)';
    if (decl.kind === K.Constructor) own = 'constructor';
    return parts.concat([own]).join('.');
  }

  /* --- guard facts --- */
  const skipOuter = (e) => {
    while (e && (e.kind === K.ParenthesizedExpression || e.kind === K.AsExpression || e.kind === K.NonNullExpression ||
      e.kind === K.TypeAssertionExpression || e.kind === K.SatisfiesExpression)) e = e.expression;
    return e;
  };
  const union = (a, b) => { const r = new Map(a); for (const [k, v] of b) r.set(k, maxVer(r.get(k), v)); return r; };
  const intersect = (a, b) => { const r = new Map(); for (const [k, v] of a) if (b.has(k)) r.set(k, minVer(v, b.get(k))); return r; };
  const EMPTY = new Map();

  function literalText(e) {
    e = skipOuter(e);
    if (!e) return null;
    if (e.kind === K.StringLiteral || e.kind === K.NoSubstitutionTemplateLiteral) return e.text;
    if (e.kind === K.NumericLiteral) return String(Number(e.text));
    return null;
  }

  function isSetSupportedCall(e) {
    if (e.kind !== K.CallExpression) return null;
    const callee = skipOuter(e.expression);
    const name = callee.kind === K.Identifier ? callee.text
      : (callee.kind === K.PropertyAccessExpression ? callee.name.text : null);
    if (name !== 'isSetSupported' || !e.arguments.length) return null;
    const set = literalText(e.arguments[0]);
    if (!set) return null;
    const ver = e.arguments.length > 1 ? literalText(e.arguments[1]) : '1.1';
    return ver ? { set, version: ver } : null;
  }

  function functionOf(n) {
    for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) && p.kind !== K.FunctionType) return p;
    return null;
  }
  const contains = (outer, inner) => outer.getSourceFile() === inner.getSourceFile() && outer.pos <= inner.pos && inner.end <= outer.end;

  const reassigned = new Set(); // variable declarations assigned after their initializer
  function noteAssignments(sf) {
    const visit = (n) => {
      let target = null;
      if (n.kind === K.BinaryExpression && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment) target = n.left;
      else if ((n.kind === K.PrefixUnaryExpression || n.kind === K.PostfixUnaryExpression) &&
        (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) target = n.operand;
      target = target && skipOuter(target);
      if (target && target.kind === K.Identifier) {
        const s = checker.getSymbolAtLocation(target);
        for (const d of (s && s.declarations) || []) reassigned.add(d);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  // facts(e, truthy, use): Map set -> version known to be supported when e is truthy/falsy.
  function facts(e, truthy, use, depth) {
    e = skipOuter(e);
    if (!e || depth > 8) return EMPTY;
    if (e.kind === K.PrefixUnaryExpression && e.operator === K.ExclamationToken) return facts(e.operand, !truthy, use, depth + 1);
    if (e.kind === K.BinaryExpression) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken) {
        return truthy ? union(facts(e.left, true, use, depth + 1), facts(e.right, true, use, depth + 1))
          : intersect(facts(e.left, false, use, depth + 1), facts(e.right, false, use, depth + 1));
      }
      if (op === K.BarBarToken) {
        return truthy ? intersect(facts(e.left, true, use, depth + 1), facts(e.right, true, use, depth + 1))
          : union(facts(e.left, false, use, depth + 1), facts(e.right, false, use, depth + 1));
      }
      if (op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) {
        const neg = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
        const l = skipOuter(e.left);
        const r = skipOuter(e.right);
        const isBool = (x) => x.kind === K.TrueKeyword || x.kind === K.FalseKeyword;
        if (isBool(l) || isBool(r)) {
          const lit = isBool(l) ? l : r;
          const other = lit === l ? r : l;
          const pos = (lit.kind === K.TrueKeyword) !== neg;
          return facts(other, pos ? truthy : !truthy, use, depth + 1);
        }
      }
      return EMPTY;
    }
    const call = isSetSupportedCall(e);
    if (call) return truthy ? new Map([[call.set, call.version]]) : EMPTY;
    if (e.kind === K.Identifier) {
      const s = checker.getSymbolAtLocation(e);
      const d = s && s.valueDeclaration;
      if (!d || d.kind !== K.VariableDeclaration || !d.initializer || d.name.kind !== K.Identifier) return EMPTY;
      const isConst = (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0;
      if (!isConst && reassigned.has(d)) return EMPTY;
      const fn = functionOf(d);
      if (!fn || !contains(fn, use)) return EMPTY; // module-level or another function's variable
      return facts(d.initializer, truthy, use, depth + 1);
    }
    return EMPTY;
  }

  function alwaysExits(s) {
    if (!s) return false;
    switch (s.kind) {
      case K.ReturnStatement: case K.ThrowStatement: case K.BreakStatement: case K.ContinueStatement: return true;
      case K.Block: return s.statements.length > 0 && alwaysExits(s.statements[s.statements.length - 1]);
      case K.IfStatement: return !!s.elseStatement && alwaysExits(s.thenStatement) && alwaysExits(s.elseStatement);
      default: return false;
    }
  }

  function guardFacts(node) {
    let f = new Map();
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (p.kind === K.IfStatement) {
        if (child === p.thenStatement) f = union(f, facts(p.expression, true, node, 0));
        else if (child === p.elseStatement) f = union(f, facts(p.expression, false, node, 0));
      } else if (p.kind === K.ConditionalExpression) {
        if (child === p.whenTrue) f = union(f, facts(p.condition, true, node, 0));
        else if (child === p.whenFalse) f = union(f, facts(p.condition, false, node, 0));
      } else if (p.kind === K.BinaryExpression && child === p.right) {
        if (p.operatorToken.kind === K.AmpersandAmpersandToken) f = union(f, facts(p.left, true, node, 0));
        else if (p.operatorToken.kind === K.BarBarToken) f = union(f, facts(p.left, false, node, 0));
      }
      const stmts = p.kind === K.Block || p.kind === K.SourceFile || p.kind === K.ModuleBlock ||
        p.kind === K.CaseClause || p.kind === K.DefaultClause ? p.statements : null;
      if (stmts) {
        for (const s of stmts) {
          if (s === child) break;
          if (s.kind !== K.IfStatement) continue;
          if (alwaysExits(s.thenStatement)) f = union(f, facts(s.expression, false, node, 0));
          else if (s.elseStatement && alwaysExits(s.elseStatement)) f = union(f, facts(s.expression, true, node, 0));
        }
      }
    }
    return f;
  }

  /* --- uses --- */
  const uses = new Map(); // key -> record
  function isWrite(expr) {
    let n = expr;
    while (n.parent && n.parent.kind === K.ParenthesizedExpression) n = n.parent;
    const p = n.parent;
    if (!p) return false;
    if (p.kind === K.BinaryExpression && p.left === n && p.operatorToken.kind >= K.FirstAssignment && p.operatorToken.kind <= K.LastAssignment) return true;
    if ((p.kind === K.PrefixUnaryExpression || p.kind === K.PostfixUnaryExpression) &&
      (p.operator === K.PlusPlusToken || p.operator === K.MinusMinusToken)) return true;
    return false;
  }
  function callOf(expr) {
    let n = expr;
    while (n.parent && n.parent.kind === K.ParenthesizedExpression) n = n.parent;
    const p = n.parent;
    if (p && (p.kind === K.CallExpression || p.kind === K.NewExpression) && p.expression === n) return p;
    if (p && p.kind === K.TaggedTemplateExpression && p.tag === n) return p;
    return null;
  }

  function record(sf, at, decls, write, access) {
    // conservative across a union's declarations: a platform-specific set
    // over ExcelApi, then the highest version
    let best = null;
    for (const d of decls) {
      const s = apiSetOf(d);
      const version = write && s.writeVersion ? s.writeVersion : s.version;
      const rank = s.set === PRIMARY ? 0 : 1;
      if (!best || rank > best.rank || (rank === best.rank && cmpVer(version, best.version) > 0)) best = { decl: d, s, version, rank };
    }
    const { decl, s, version } = best;
    const member = memberName(decl);
    const writeDiffers = write && s.writeVersion;
    const key = `${member}${writeDiffers ? ' (set)' : ''}\u0000${s.set}\u0000${version}`;
    const { line } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
    const loc = `${rel(sf.fileName)}:${line + 1}`;
    const g = guardFacts(at);
    const gv = g.get(s.set);
    const guarded = gv !== undefined && version != null && cmpVer(gv, version) >= 0;
    let r = uses.get(key);
    if (!r) {
      r = {
        member: member + (writeDiffers ? ' (set)' : ''), set: s.set, version, doc: s.text || null,
        conditional: s.conditional, inherited: s.inherited, implied: s.implied, access,
        firstUse: loc, count: 0, guardedCount: 0, firstUnguarded: null, insufficientGuard: null,
      };
      uses.set(key, r);
    }
    r.count++;
    if (cmpLoc(loc, r.firstUse) < 0) r.firstUse = loc;
    if (guarded) r.guardedCount++;
    else {
      if (!r.firstUnguarded || cmpLoc(loc, r.firstUnguarded) < 0) r.firstUnguarded = loc;
      if (gv !== undefined && !r.insufficientGuard) r.insufficientGuard = fmtSet(s.set, gv);
    }
  }

  function excelDeclsOf(sym) {
    if (!sym) return [];
    if (sym.flags & ts.SymbolFlags.Alias) { try { sym = checker.getAliasedSymbol(sym); } catch (e) { /* keep */ } }
    return (sym.declarations || []).filter(isExcelDecl);
  }

  function handleAccess(sf, nameNode, expr, keyText) {
    let decls = excelDeclsOf(checker.getSymbolAtLocation(nameNode));
    if (!decls.length && keyText != null) {
      const t = checker.getTypeAtLocation(expr.expression);
      const types = t && t.isUnion && t.isUnion() ? t.types : [t];
      for (const ty of types) if (ty) decls.push(...excelDeclsOf(checker.getPropertyOfType(ty, keyText)));
    }
    if (!decls.length) return;
    const call = callOf(expr);
    let access = isWrite(expr) ? 'write' : 'read';
    if (call) {
      access = 'call';
      try {
        const sig = checker.getResolvedSignature(call);
        if (sig && sig.declaration && decls.includes(sig.declaration)) decls = [sig.declaration];
      } catch (e) { /* keep all overloads */ }
    }
    record(sf, nameNode, decls, access === 'write', access);
  }

  function propName(n) {
    if (!n) return null;
    if (n.kind === K.Identifier || n.kind === K.StringLiteral || n.kind === K.NumericLiteral || n.kind === K.NoSubstitutionTemplateLiteral) return n.text;
    return null;
  }

  function handleObjectLiteral(sf, obj) {
    let ctype;
    try { ctype = checker.getContextualType(obj); } catch (e) { return; }
    if (!ctype) return;
    const types = ctype.isUnion && ctype.isUnion() ? ctype.types : [ctype];
    for (const prop of obj.properties) {
      if (prop.kind !== K.PropertyAssignment && prop.kind !== K.ShorthandPropertyAssignment && prop.kind !== K.MethodDeclaration) continue;
      const name = propName(prop.name);
      if (name == null) continue;
      const decls = [];
      for (const t of types) {
        const s = checker.getPropertyOfType(t, name);
        for (const d of excelDeclsOf(s)) if (!decls.includes(d)) decls.push(d);
      }
      if (!decls.length) continue;
      const owner = decls[0].parent && decls[0].parent.name ? decls[0].parent.name.text : '';
      const write = !/LoadOptions$/.test(owner);
      record(sf, prop.name, decls, write, write ? 'write' : 'read');
    }
  }

  for (const sf of scanned) noteAssignments(sf);
  let tsErrors = 0;
  for (const sf of scanned) {
    try {
      tsErrors += program.getSyntacticDiagnostics(sf).length + program.getSemanticDiagnostics(sf).length;
    } catch (e) { /* diagnostics are advisory */ }
    const visit = (n) => {
      if (n.kind === K.PropertyAccessExpression) handleAccess(sf, n.name, n, null);
      else if (n.kind === K.ElementAccessExpression) {
        const key = literalText(n.argumentExpression);
        if (key != null) handleAccess(sf, skipOuter(n.argumentExpression), n, key);
      } else if (n.kind === K.ObjectLiteralExpression) handleObjectLiteral(sf, n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { uses: Array.from(uses.values()), tsErrors };
}

/* ---------- verdict and output ---------- */

function setOrder(a, b) {
  if (a.set !== b.set) {
    if (a.set === PRIMARY) return -1;
    if (b.set === PRIMARY) return 1;
    return a.set < b.set ? -1 : 1;
  }
  return cmpVer(a.version, b.version);
}

// "file:line" order: by file name, then line number
function cmpLoc(a, b) {
  const i = a.lastIndexOf(':');
  const j = b.lastIndexOf(':');
  const fa = a.slice(0, i);
  const fb = b.slice(0, j);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return Number(a.slice(i + 1)) - Number(b.slice(j + 1));
}

function verdict(uses, declared, manifestLabel) {
  const decl = declared[PRIMARY];
  let highest = null; // highest unguarded ExcelApi use
  const platform = []; // uses of other sets
  const failures = [];
  for (const u of uses) {
    const unguarded = u.count - u.guardedCount;
    u.guarded = u.guardedCount === u.count ? 'yes' : u.guardedCount === 0 ? 'no' : 'partly';
    u.platformSpecific = u.set !== PRIMARY || u.version == null;
    if (u.platformSpecific) platform.push(u);
    if (!unguarded) continue;
    if (u.set === PRIMARY && (!highest || cmpVer(u.version, highest.version) > 0 ||
      (cmpVer(u.version, highest.version) === 0 && cmpLoc(u.firstUnguarded, highest.at) < 0))) {
      highest = { set: u.set, version: u.version, member: u.member, at: u.firstUnguarded };
    }
    const d = declared[u.set];
    if (d === undefined || u.version == null || cmpVer(u.version, d) > 0) {
      if (u.set !== PRIMARY || u.version == null) failures.push(u);
    }
  }
  const platformUnguarded = failures.filter((u) => u.set !== PRIMARY || u.version == null)
    .sort((a, b) => setOrder(b, a));
  const above = highest && (decl === undefined || cmpVer(highest.version, decl) > 0);
  const ok = decl !== undefined && !above && !platformUnguarded.length;
  const declText = decl === undefined ? `${PRIMARY} none` : `${PRIMARY} ${decl}`;
  let line = `apiset: declared ${declText}, highest unguarded use ${highest ? fmtSet(highest.set, highest.version) : 'none'}`;
  if (decl === undefined) {
    line += highest ? ` (${highest.member} at ${highest.at})` : '';
    line += ` — no ${PRIMARY} MinVersion in ${manifestLabel}`;
  } else if (above) {
    line += ` (${highest.member} at ${highest.at}) — ABOVE the declared minimum`;
  } else {
    line += ' (ok)';
  }
  if (platformUnguarded.length) {
    const p = platformUnguarded[0];
    line += `${decl !== undefined && !above ? ', but' : ';'} unguarded ${fmtSet(p.set, p.version)} (${p.member} at ${p.firstUnguarded})` +
      `${platformUnguarded.length > 1 ? ` and ${platformUnguarded.length - 1} more` : ''} — not in every Excel`;
  }
  return { ok, highest, platform, platformUnguarded, summary: line };
}

function pad(s, n) { s = String(s); return s + ' '.repeat(Math.max(0, n - s.length)); }

function printText(rep) {
  const out = [];
  out.push(`${TOOL}: ${rep.project.filesScanned} file(s) scanned${rep.project.src ? ` under ${rep.project.src}/` : ''}` +
    `${rep.project.tsconfig ? ` (program: ${rep.project.tsconfig})` : ' (no tsconfig)'}; typescript ${rep.typescript}, ${rep.officeTypes}`);
  for (const w of rep.warnings) out.push(`warning: ${w}`);
  const d = rep.manifest.declared;
  const dk = Object.keys(d);
  out.push(`manifest: ${rep.manifest.file} declares ${dk.length ? dk.map((k) => `${k} ${d[k]}`).join(', ') : `no requirement sets (no ${PRIMARY} MinVersion)`}`);
  out.push('');
  const uses = rep.uses;
  if (!uses.length) {
    out.push('no Excel API member use found');
  } else {
    const rows = uses.map((u) => {
      let g = u.guarded === 'partly' ? `partly ${u.guardedCount}/${u.count}, unguarded at ${u.firstUnguarded}` : u.guarded;
      if (u.insufficientGuard) g += ` (guard ${u.insufficientGuard} too low)`;
      return { u, cells: [u.member + (u.conditional ? ' *' : ''), fmtSet(u.set, u.version), u.firstUse, String(u.count), g] };
    });
    const head = ['member', 'set', 'first use', 'count', 'guarded'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    const fmtRow = (c) => '  ' + c.map((x, i) => (i === c.length - 1 ? x : pad(x, w[i]))).join('  ');
    out.push(fmtRow(head));
    let cur = null;
    for (const r of rows) {
      const gs = fmtSet(r.u.set, r.u.version);
      if (gs !== cur) {
        cur = gs;
        const n = rows.filter((x) => fmtSet(x.u.set, x.u.version) === gs);
        const flag = r.u.platformSpecific ? '  [platform-specific]' : '';
        out.push(`${gs}: ${n.length} member(s), ${n.reduce((a, x) => a + x.u.count, 0)} use(s)${flag}`);
      }
      out.push(fmtRow(r.cells));
    }
    const notes = uses.filter((u) => u.conditional);
    if (notes.length) {
      out.push('');
      out.push('notes (* the doc tag has conditions; check by hand):');
      for (const u of notes) out.push(`  ${u.member}: [Api set: ${u.doc}]`);
    }
  }
  out.push('');
  const h = rep.highestUnguarded;
  out.push(`highest unguarded ${PRIMARY} use: ${h ? `${fmtSet(h.set, h.version)} (${h.member} at ${h.at})` : 'none'}`);
  if (!rep.platformSpecific.length) out.push('platform-specific sets used: none');
  else {
    out.push('platform-specific sets used:');
    for (const u of rep.platformSpecific) {
      const state = u.guarded === 'yes' ? 'guarded' : u.declaredInManifest ? 'declared in the manifest'
        : `${u.guarded === 'partly' ? 'partly guarded, ' : ''}UNGUARDED at ${u.firstUnguarded}`;
      out.push(`  ${u.apiSet}  ${u.member}  ${state}`);
    }
  }
  out.push(rep.summary);
  process.stdout.write(out.join('\n') + '\n');
}

function main() {
  let opts = { json: process.argv.includes('--json') };
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.help) { process.stdout.write(USAGE + '\n'); return 0; }
    const cwd = process.cwd();
    const { ts } = loadTypeScript(cwd);
    const office = findOfficeTypes(cwd);
    const manifestFile = path.resolve(cwd, opts.manifest || 'manifest.xml');
    const declared = readManifest(manifestFile);
    const built = buildProgram(ts, opts, cwd, office);
    const { uses, tsErrors } = audit(ts, built.program, built.scanned, cwd);
    uses.sort((a, b) => setOrder(a, b) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
    const manifestLabel = path.relative(cwd, manifestFile) || manifestFile;
    const v = verdict(uses, declared, manifestLabel);
    const warnings = built.warnings.slice();
    if (tsErrors) warnings.push(`${tsErrors} TypeScript error(s) in the scanned files; uses on values typed any are not seen`);
    const exitCode = v.ok ? 0 : 1;
    const rep = {
      tool: TOOL,
      typescript: ts.version,
      officeTypes: `${office.name} ${office.version}`,
      project: { tsconfig: built.tsconfig, src: built.srcLabel, filesScanned: built.scanned.length, tsErrors },
      warnings,
      manifest: { file: manifestLabel, declared },
      uses: uses.map((u) => ({
        member: u.member, set: u.set, version: u.version, apiSet: fmtSet(u.set, u.version), doc: u.doc,
        conditional: u.conditional, setFromParent: u.inherited, setImplied: u.implied, access: u.access,
        firstUse: u.firstUse, count: u.count, guarded: u.guarded, guardedCount: u.guardedCount,
        firstUnguarded: u.firstUnguarded, insufficientGuard: u.insufficientGuard, platformSpecific: u.platformSpecific,
      })),
      highestUnguarded: v.highest,
      platformSpecific: v.platform.map((u) => ({
        member: u.member, set: u.set, version: u.version, apiSet: fmtSet(u.set, u.version), guarded: u.guarded,
        firstUnguarded: u.firstUnguarded,
        declaredInManifest: declared[u.set] !== undefined && u.version != null && cmpVer(u.version, declared[u.set]) <= 0,
      })),
      ok: v.ok,
      exitCode,
      summary: v.summary,
    };
    if (opts.json) process.stdout.write(JSON.stringify(rep, null, 2) + '\n');
    else printText(rep);
    return exitCode;
  } catch (e) {
    const setup = e instanceof SetupError;
    const msg = setup ? e.message : `internal error: ${e && e.stack || e}`;
    process.stderr.write(`${TOOL}: ${msg}\n`);
    if (opts.json) process.stdout.write(JSON.stringify({ tool: TOOL, error: msg, exitCode: 2 }, null, 2) + '\n');
    return 2;
  }
}

process.exitCode = main();
