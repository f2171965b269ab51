/** A small argument parser: positionals, "-o X", "--json X", "--json=X", boolean flags; "--" ends options. */

export interface ArgSpec {
  /** Options that take a value, with their aliases: { '-o': 'out', '--output': 'out' }. */
  values: Record<string, string>;
  /** Options without a value: { '--all': 'all' }. */
  flags: Record<string, string>;
}

export type ParsedArgs =
  | { ok: true; positionals: string[]; options: Record<string, string>; flags: Set<string> }
  | { ok: false; error: { kind: 'unknown-option'; option: string } | { kind: 'missing-value'; option: string } | { kind: 'repeated'; option: string } };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name in spec.flags && eq < 0) {
      flags.add(spec.flags[name]);
      continue;
    }
    if (!(name in spec.values)) return { ok: false, error: { kind: 'unknown-option', option: name } };
    const key = spec.values[name];
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('-') && value !== '-')) return { ok: false, error: { kind: 'missing-value', option: name } };
    if (key in options) return { ok: false, error: { kind: 'repeated', option: name } };
    options[key] = value;
  }
  return { ok: true, positionals, options, flags };
}
