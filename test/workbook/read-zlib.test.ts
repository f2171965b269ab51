/**
 * The reader's whole suite (read.test.ts) again with the command line's codec, Node's
 * zlib, installed: the same grids, the same refusals, every limit held on the bytes
 * zlib actually produced; worksheets read byte-wise (ZipCodec.bytewise).
 */
import { useNativeZlib, zlibCodec } from '../../src/cli/nativeZlib';

useNativeZlib();
const inflate = jest.spyOn(zlibCodec, 'inflate');
const bytewise = jest.spyOn(zlibCodec.bytewise!, 'text');
require('./read.test');

afterAll(() => {
  // The suite above did inflate through zlib (not through a codec left in place by chance).
  expect(inflate.mock.calls.length).toBeGreaterThan(20);
  expect(bytewise.mock.calls.length).toBeGreaterThan(20);
});
