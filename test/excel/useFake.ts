import { FakeExcel } from './fakeExcel';

/** A fresh fake Excel installed as the globals Excel/Office for each test of the file. */
export function useFakeExcel(): { readonly fake: FakeExcel } {
  const holder = { fake: new FakeExcel() };
  let uninstall: () => void = () => undefined;
  beforeEach(() => {
    holder.fake = new FakeExcel();
    holder.fake.workbook.addSheet('Sheet1');
    uninstall = holder.fake.install();
  });
  afterEach(() => uninstall());
  return holder;
}
