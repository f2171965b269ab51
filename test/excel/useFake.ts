import { FakeExcel } from './fakeExcel';

/**
 * A fresh fake Excel installed as the globals Excel/Office for each test of the file.
 * `cleanup` runs after each test while the fake is still installed (e.g. unsubscribing).
 */
export function useFakeExcel(): { readonly fake: FakeExcel; cleanup: (fn: () => Promise<void> | void) => void } {
  let cleanups: (() => Promise<void> | void)[] = [];
  const holder = { fake: new FakeExcel(), cleanup: (fn: () => Promise<void> | void) => void cleanups.push(fn) };
  let uninstall: () => void = () => undefined;
  beforeEach(() => {
    holder.fake = new FakeExcel();
    holder.fake.workbook.addSheet('Sheet1');
    uninstall = holder.fake.install();
  });
  afterEach(async () => {
    for (const fn of cleanups.splice(0)) await fn();
    uninstall();
  });
  return holder;
}
