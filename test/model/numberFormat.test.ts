import { isDateFormat } from '../../src/model/numberFormat';

describe('isDateFormat (both readers tell date cells by it)', () => {
  test.each(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy年m月d日', 'm"月"d"日"', 'm/d/yyyy', 'yyyy/m/d', '[$-804]aaaa', 'h:mm', '[h]:mm:ss', 'yyyy-mm-dd;@'])(
    '%s is a date',
    (f) => expect(isDateFormat(f)).toBe(true),
  );
  test.each(['General', '@', '0', '0.00', '#,##0', '0.00E+00', '[Red]0', '"年"0', '0"人"', '"days "0', '[h]', '#,##0\\s', ''])(
    '%s is not a date (letters inside quotes, brackets and escapes do not count)',
    (f) => expect(isDateFormat(f)).toBe(false),
  );
});
