import { serialToIso } from '../../src/model/parse';
import { random } from '../fixtures/random';

describe('serialToIso', () => {
  /** As it was before its memo: a Date per call. */
  function isoBefore(serial: number, date1904 = false): string {
    const days = Math.floor(serial);
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
    return new Date(epoch + (days === 60 && !date1904 ? 59 : days) * 86400000).toISOString().slice(0, 10);
  }

  test('gives what a Date per call gave for 8,000 serials, whole and with a time, both date systems, each several times (and past the memo bound)', () => {
    const next = random(3);
    for (let t = 0; t < 8000; t++) {
      const r = next();
      const serial = r < 0.3 ? 43500 + Math.floor(next() * 200) : r < 0.5 ? Math.floor(next() * 120) + next() : r < 0.6 ? -Math.floor(next() * 3) : Math.floor(next() * 2958465) + (next() < 0.5 ? 0 : next());
      const date1904 = next() < 0.3;
      expect(serialToIso(serial, date1904)).toBe(isoBefore(serial, date1904));
      expect(serialToIso(serial, !date1904)).toBe(isoBefore(serial, !date1904));
    }
  });

  test('a serial with no date (NaN, out of range) throws as before', () => {
    expect(() => serialToIso(NaN)).toThrow(RangeError);
    expect(() => serialToIso(NaN)).toThrow(RangeError);
    expect(() => serialToIso(1e12)).toThrow(RangeError);
  });
});
