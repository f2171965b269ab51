import { parseArgs } from '../../src/cli/args';

const spec = { values: { '-o': 'out', '--json': 'json' }, flags: { '--all': 'all' } };

test('positionals, "-o X", "--json=X" and flags in any order', () => {
  const r = parseArgs(['a.xlsx', '-o', 'out.xlsx', '--all', '--json=r.json', 'b'], spec);
  expect(r).toEqual({ ok: true, positionals: ['a.xlsx', 'b'], options: { out: 'out.xlsx', json: 'r.json' }, flags: new Set(['all']) });
});

test('"--" ends options: a file named like an option is a positional', () => {
  const r = parseArgs(['--', '--all', '-o'], spec);
  expect(r).toMatchObject({ ok: true, positionals: ['--all', '-o'] });
});

test('unknown option, a value option at the end, a value that is another option, a repeated option are errors', () => {
  expect(parseArgs(['--bogus'], spec)).toEqual({ ok: false, error: { kind: 'unknown-option', option: '--bogus' } });
  expect(parseArgs(['-o'], spec)).toEqual({ ok: false, error: { kind: 'missing-value', option: '-o' } });
  expect(parseArgs(['-o', '--all'], spec)).toEqual({ ok: false, error: { kind: 'missing-value', option: '-o' } });
  expect(parseArgs(['--json='], spec)).toEqual({ ok: false, error: { kind: 'missing-value', option: '--json' } });
  expect(parseArgs(['-o', 'a', '-o', 'b'], spec)).toEqual({ ok: false, error: { kind: 'repeated', option: '-o' } });
});

test('a flag given a value ("--all=1") is not a flag', () => {
  expect(parseArgs(['--all=1'], spec)).toEqual({ ok: false, error: { kind: 'unknown-option', option: '--all' } });
});
