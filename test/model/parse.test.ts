import { cellText, chineseNumber, formatDateZh, monthOfText, parseCount, parseDate, parseMonthLabel, parsePhone, serialToIso } from '../../src/model/parse';
import { foldText, isBlankDateTemplate } from '../../src/model/text';
import type { GridCell } from '../../src/model/types';

const t = (v: string | number | boolean, date?: boolean): GridCell => (date ? { v, date } : { v });

describe('parseCount', () => {
  test.each<[string, GridCell, number]>([
    ['number 23', t(23), 23],
    ['text "23"', t('23'), 23],
    ['"23人"', t('23人'), 23],
    ['"23名"', t('23名'), 23],
    ['"23 人" with a space', t('23 人'), 23],
    ['full-width "２３"', t('２３'), 23],
    ['"二十三"', t('二十三'), 23],
    ['"二十三人"', t('二十三人'), 23],
    ['"一百零五"', t('一百零五'), 105],
    ['"十二"', t('十二'), 12],
    ['"七"', t('七'), 7],
    ['zero 0', t(0), 0],
    ['"23人（含预备党员2人）" with a note in brackets', t('23人（含预备党员2人）'), 23],
    ['"23(含预备党员2人)"', t('23(含预备党员2人)'), 23],
    ['"共23人"', t('共23人'), 23],
    ['"合计23名"', t('合计23名'), 23],
  ])('%s → count', (_name, raw, expected) => {
    expect(parseCount(raw)).toEqual({ value: expected });
  });

  test.each<[string, GridCell]>([
    ['"含预备党员3人"', t('含预备党员3人')],
    ['"若干"', t('若干')],
    ['"（含预备党员3人）" only a note', t('（含预备党员3人）')],
    ['"约23人"', t('约23人')],
    ['negative -3', t(-3)],
    ['text "-3"', t('-3')],
    ['fraction 3.5', t(3.5)],
    ['text "3.5"', t('3.5')],
    ['"二三" (digits without unit)', t('二三')],
    ['a date cell', t(43558, true)],
    ['boolean', t(true)],
  ])('%s → not-number', (_name, raw) => {
    expect(parseCount(raw)).toEqual({ value: null, error: 'not-number' });
  });

  test('empty cell and blank text are null without error', () => {
    expect(parseCount(null)).toEqual({ value: null });
    expect(parseCount(t('   '))).toEqual({ value: null });
  });
});

describe('chineseNumber', () => {
  test.each<[string, number | null]>([
    ['十', 10], ['一十二', 12], ['九十九', 99], ['一千零五十', 1050], ['零', null], ['一百零', null], ['百', null], ['二百十', null],
  ])('%s → %p', (s, n) => expect(chineseNumber(s)).toBe(n));
});

describe('parseDate', () => {
  test.each<[string, GridCell, string]>([
    ['Excel date cell 43558', t(43558, true), '2019-04-03'],
    ['date cell with a time fraction', t(43558.75, true), '2019-04-03'],
    ['bare serial in a date field', t(43558), '2019-04-03'],
    ['"2019年4月3日"', t('2019年4月3日'), '2019-04-03'],
    ['"2019年04月03日"', t('2019年04月03日'), '2019-04-03'],
    ['"2019 年 4 月 3 日" typed into the placeholder', t('2019 年  4 月  3 日'), '2019-04-03'],
    ['"2019年4月3号"', t('2019年4月3号'), '2019-04-03'],
    ['"2019.4.3"', t('2019.4.3'), '2019-04-03'],
    ['"2019-04-03"', t('2019-04-03'), '2019-04-03'],
    ['"2019/4/3"', t('2019/4/3'), '2019-04-03'],
    ['"二〇一九年四月三日"', t('二〇一九年四月三日'), '2019-04-03'],
    ['"二零一九年四月三日"', t('二零一九年四月三日'), '2019-04-03'],
    ['"二○一九年四月三日"', t('二○一九年四月三日'), '2019-04-03'],
    ['"二〇一九年十二月二十五日"', t('二〇一九年十二月二十五日'), '2019-12-25'],
    ['full-width "２０１９年４月３日"', t('２０１９年４月３日'), '2019-04-03'],
    ['ISO with time "2019-04-03T10:20:30"', t('2019-04-03T10:20:30'), '2019-04-03'],
    ['ISO with time and zone', t('2019-04-03T10:20:30.000Z'), '2019-04-03'],
    ['"2019-04-03 10:20"', t('2019-04-03 10:20'), '2019-04-03'],
    ['number 20190403', t(20190403), '2019-04-03'],
    ['leap day 2020-02-29', t('2020-02-29'), '2020-02-29'],
  ])('%s → day', (_name, raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso, precision: 'day' });
  });

  test.each<[string, GridCell, string]>([
    ['"2019年4月"', t('2019年4月'), '2019-04'],
    ['"2019年4月  日"', t('2019年4月  日'), '2019-04'],
    ['"2019.4"', t('2019.4'), '2019-04'],
    ['2019.4 typed into a number cell', t(2019.4), '2019-04'],
    ['2019.12 typed into a number cell', t(2019.12), '2019-12'],
  ])('%s → month precision', (_name, raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso, precision: 'month' });
  });

  test.each<[string, GridCell]>([
    ['2019-02-30 (no such day)', t('2019-02-30')],
    ['2019年2月29日 (not a leap year)', t('2019年2月29日')],
    ['2019年13月1日', t('2019年13月1日')],
    ['"四月初"', t('四月初')],
    ['"2019年  月  日" (year only)', t('2019年  月  日')],
    ['a small number 12', t(12)],
    ['boolean', t(false)],
  ])('%s → invalid', (_name, raw) => {
    expect(parseDate(raw)).toEqual({ value: null, error: 'invalid' });
  });

  test.each<[string, GridCell | null]>([
    ['empty cell', null],
    ['placeholder "年    月    日"', t('年    月    日')],
    ['placeholder with full-width spaces', t('年　　月　　日')],
    ['blank text', t('  ')],
  ])('%s → null', (_name, raw) => {
    expect(parseDate(raw)).toEqual({ value: null });
  });

  test('1904 date system shifts serials by 1462 days', () => {
    expect(parseDate(t(43558 - 1462, true), true)).toEqual({ value: '2019-04-03', precision: 'day' });
  });
});

describe('serialToIso and formatDateZh', () => {
  test.each<[number, boolean, string]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [43466, false, '2019-01-01'],
    [0, true, '1904-01-01'],
  ])('serial %p (1904: %p) → %s', (n, s1904, iso) => expect(serialToIso(n, s1904)).toBe(iso));

  test('formatDateZh drops leading zeros', () => {
    expect(formatDateZh('2019-04-03')).toBe('2019年4月3日');
    expect(formatDateZh('2019-12-25')).toBe('2019年12月25日');
    expect(formatDateZh('2019-04')).toBe('2019年4月');
    expect(formatDateZh('whatever')).toBe('whatever');
  });
});

describe('parsePhone', () => {
  test.each<[string, GridCell, string, 'mobile' | 'landline']>([
    ['mobile', t('13812345678'), '13812345678', 'mobile'],
    ['mobile as a number cell', t(13812345678), '13812345678', 'mobile'],
    ['mobile with spaces', t('138 1234 5678'), '13812345678', 'mobile'],
    ['mobile with dashes', t('138-1234-5678'), '13812345678', 'mobile'],
    ['mobile with +86', t('+86 138 1234 5678'), '13812345678', 'mobile'],
    ['mobile with (+86)', t('(+86)13812345678'), '13812345678', 'mobile'],
    ['full-width mobile', t('１３８１２３４５６７８'), '13812345678', 'mobile'],
    ['landline 0746-8221234', t('0746-8221234'), '07468221234', 'landline'],
    ['landline with brackets (0746)8221234', t('(0746)8221234'), '07468221234', 'landline'],
    ['landline with full-width brackets', t('（0746）8221234'), '07468221234', 'landline'],
    ['landline 010 with 8 digits', t('010-12345678'), '01012345678', 'landline'],
    ['landline with 转 extension', t('0746-8221234转123'), '07468221234', 'landline'],
    ['landline with -extension', t('0746-8221234-123'), '07468221234', 'landline'],
    ['landline number cell lost its 0', t(7468221234), '07468221234', 'landline'],
    ['two numbers, first bad', t('8221234/13812345678'), '13812345678', 'mobile'],
    ['landline written internationally +86-746-…', t('+86-746-8221234'), '07468221234', 'landline'],
    ['a note in brackets after the number', t('13812345678（手机）'), '13812345678', 'mobile'],
    ['a label before the number', t('手机：13812345678'), '13812345678', 'mobile'],
    ['a word before the landline', t('办公室 0746-8221234'), '07468221234', 'landline'],
  ])('%s', (_name, raw, digits, kind) => {
    const r = parsePhone(raw);
    expect([r.digits, r.kind]).toEqual([digits, kind]);
    expect(r.value).toBe(String(raw.v).trim());
  });

  test.each<[string, GridCell]>([
    ['7 digits without area code', t('8221234')],
    ['mobile with 10 digits', t('1381234567')],
    ['mobile starting 12', t('12812345678')],
    ['text', t('见附件')],
  ])('%s → no kind', (_name, raw) => {
    expect(parsePhone(raw).kind).toBeNull();
  });

  test('empty → null value', () => {
    expect(parsePhone(null)).toEqual({ value: null, digits: '', kind: null });
  });
});

describe('parseMonthLabel', () => {
  test.each<[GridCell, number | null]>([
    [t('1月份'), 1], [t('1月'), 1], [t('一月'), 1], [t('01月'), 1], [t('一月份'), 1], [t('１２月份'), 12],
    [t('十二月'), 12], [t('十一月份'), 11], [t('2019年3月'), 3], [t(5), 5], [t(' 7 月份 '), 7],
    [t('13月'), null], [t('0月'), null], [t('月'), null], [t('合计'), null], [t(13), null],
  ])('%p → %p', (raw, n) => expect(parseMonthLabel(raw)).toBe(n));

  test('null → null', () => expect(parseMonthLabel(null)).toBeNull());

  test('a plain label ("4月", "04月份", "12") read in place answers as folding and the regular expression answer', () => {
    const written = ['1', '9', '12', '13', '0', '00', '01', '123', '4月', '04月', '4月份', '12月份', '13月', '0月', '00月份', '123月', '4月份份', '4月 ', ' 4月', '4 月', '４月', '4月分', '4日', '月', '月份', '', '1２', '2019年4月', '一月'];
    const pieces = ['0', '1', '2', '4', '9', '月', '份', '年', ' ', '　', '４', '一', '十', '\u0301', 'x'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const soup = Array.from({ length: 20000 }, () => Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    const all = [...written, ...soup];
    for (const s of all) expect([s, parseMonthLabel(t(s))]).toEqual([s, monthOfText(s)]);
    expect(all.filter((s) => monthOfText(s) !== null).length).toBeGreaterThan(500); // the soup holds month labels, not only texts that are none
  });
});

describe('cellText', () => {
  test('keeps line breaks and what was typed, trims the ends', () => {
    expect(cellText(t('  第一行\r\n第二行  '))).toBe('第一行\n第二行');
  });
  test.each(['=SUM(A1:A3)', '+86', '-3人', '@某人'])('formula-looking text %s stays as typed', (s) => {
    expect(cellText(t(s))).toBe(s);
  });
  test('placeholder 年月日 and blank are null', () => {
    expect(cellText(t('年    月    日'))).toBeNull();
    expect(cellText(t(' '))).toBeNull();
    expect(cellText(null)).toBeNull();
  });
  test('numbers and dates become text', () => {
    expect(cellText(t(23))).toBe('23');
    expect(cellText(t(43558, true))).toBe('2019年4月3日');
  });
});

describe('isBlankDateTemplate answers what folding the whole text answers', () => {
  const byFolding = (s: string) => {
    const t = foldText(s).replace(/\s/g, '');
    return t === '' || t === '年月日';
  };
  test('written cases and random texts of CJK, ASCII, compatibility characters and white space', () => {
    // U+F98E is a compatibility ideograph NFKC folds to 年; ㋀ (U+32C0) folds to "1月", ㏠ to "1日".
    const written = ['', '  ', '年 月 日', '　年　月　日　', '年月日', '\uF98E 月 日', '2019年 月 日', '年 月 日（盖章）', '年月', '日月年', ' 年\n月\r\n日 ', '㋀', '㏠', 'Ａ', '\u00a0', '年\u0301月日'];
    const pieces = ['年', '月', '日', ' ', '　', '\n', '\t', '\u00a0', '\uF98E', '㋀', '㏠', '2', '２', 'a', 'Ａ', '党', '\u0301', '\u3099', '。', '（', '\uFE0F'];
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const soup = Array.from({ length: 5000 }, () => Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    const all = [...written, ...soup];
    for (const s of all) expect([s, isBlankDateTemplate(s)]).toEqual([s, byFolding(s)]);
    expect(all.filter(byFolding).length).toBeGreaterThan(50); // the soup holds blank templates, not only texts that are not
  });
});
