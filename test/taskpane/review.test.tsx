/** @jest-environment jsdom */
import './textCodec';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { getField, getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import { mergeSubmissions } from '../../src/merge';
import type { IntakeResult } from '../../src/model/types';
import { App } from '../../src/taskpane/App';
import type { ActionResult } from '../../src/taskpane/host';
import type { OpinionWrite } from '../../src/workbook/excel/writeOpinions';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { FakeHost, submission } from './fakeHost';

afterEach(cleanup);
jest.setTimeout(30000);

/** A host that also hands made workbooks over and writes opinions (what Excel's and the page's hosts do). */
class ReviewHost extends FakeHost {
  handedOver: { bytes: Uint8Array; fileName: string }[] = [];
  written: OpinionWrite[][] = [];
  async handOver(file: { bytes: Uint8Array; fileName: string }): Promise<ActionResult> {
    this.handedOver.push(file);
    return { kind: 'downloaded', fileName: file.fileName };
  }
  writeOpinions?: (writes: readonly OpinionWrite[]) => Promise<ActionResult>;
  constructor(kind: 'excel' | 'standalone') {
    super(kind);
    if (kind === 'excel') {
      this.writeOpinions = async (writes) => {
        this.written.push([...writes]);
        return { kind: 'written', sheets: writes.map((w) => w.sheet) };
      };
    }
  }
}

const app = (file: string, branchName: string, extra: Partial<Parameters<typeof submission>[0]> = {}) =>
  submission({ file, sheet: '附件2', form: 'application', via: 'tag', fields: { branchName, date: '2019-04-20', memberCount: 12, committeeCount: 5, plan: '计划' }, ...extra });

const results: IntakeResult[] = [
  { ok: true, file: '一支部.xlsx', submissions: [app('一支部.xlsx', '中共永州市财政局第一党支部')] },
  {
    ok: true,
    file: '二支部.xlsx',
    submissions: [app('二支部.xlsx', '中共永州市财政局第二党支部', { issues: [{ rule: 'member-count-min', severity: 'error', field: 'memberCount', cell: 'B4', message: '党员人数不足3人' }] })],
  },
  { ok: true, file: '本工作簿', submissions: [app('本工作簿', '中共永州市财政局第三党支部')] },
];

async function merged(kind: 'excel' | 'standalone'): Promise<ReviewHost> {
  const host = new ReviewHost(kind);
  host.mergeResults = results;
  host.summary = mergeSubmissions(results, { asOf: '2019-04-28' });
  render(<App host={host} initialTab="merge" />);
  // 汇总 is a lazy chunk (App.tsx): its inputs appear once it has loaded.
  fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: ['一支部.xlsx', '二支部.xlsx', '三支部.xlsx'].map((n) => new File([new Uint8Array([1, 2, 3])], n)) } });
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  return host;
}

test('初核 → 生成报送包: the opinion and date in every form without errors, the others listed to return', async () => {
  const host = await merged('standalone');
  const panel = await screen.findByTestId('review-panel');
  fireEvent.change(within(panel).getByTestId('review-opinion'), { target: { value: '经初核，同意上报。' } });
  fireEvent.change(within(panel).getByTestId('review-date'), { target: { value: '2019-04-28' } });
  expect(within(panel).queryByRole('button', { name: '把意见写入本工作簿的表单' })).toBeNull(); // the page has no workbook
  fireEvent.click(within(panel).getByRole('button', { name: '生成报送包' }));
  await waitFor(() => expect(host.handedOver).toHaveLength(1), { timeout: 20000 });
  expect(host.handedOver[0].fileName).toBe('报送包.xlsx');
  const result = await screen.findByTestId('review-result', {}, { timeout: 20000 });
  expect(result.textContent).toContain('报送包收入 2 份：写入意见 2 份');
  expect(within(result).getByTestId('review-returned').textContent).toContain('单元格 B4：党员人数不足3人');

  const back = await intakeBytes(host.handedOver[0].bytes, '报送包.xlsx', { asOf: '2019-05-01', stage: 'committee' });
  if (!back.ok) throw new Error(back.reason);
  expect(back.submissions.map((s) => [s.fields.branchName, s.fields.partyCommitteeOpinion, s.fields.partyCommitteeOpinionDate])).toEqual([
    ['中共永州市财政局第一党支部', '经初核，同意上报。', '2019-04-28'],
    ['中共永州市财政局第三党支部', '经初核，同意上报。', '2019-04-28'],
  ]);
  expect(back.submissions[0].origin).toMatchObject({ file: '一支部.xlsx' });
  const grid = readWorkbook(host.handedOver[0].bytes, 'p.xlsx');
  expect(grid.ok && grid.grid.sheets.map((s) => s.name)).toContain('报送来源');
});

test('selected forms only; an empty opinion or a bad date disables 生成报送包', async () => {
  const host = await merged('standalone');
  const panel = await screen.findByTestId('review-panel');
  const make = within(panel).getByRole('button', { name: '生成报送包' });
  fireEvent.change(within(panel).getByTestId('review-opinion'), { target: { value: ' ' } });
  expect(make).toHaveProperty('disabled', true);
  fireEvent.change(within(panel).getByTestId('review-opinion'), { target: { value: '同意' } });
  fireEvent.change(within(panel).getByTestId('review-date'), { target: { value: '' } });
  expect(make).toHaveProperty('disabled', true);
  fireEvent.change(within(panel).getByTestId('review-date'), { target: { value: '2019-04-28' } });
  fireEvent.click(within(panel).getByRole('radio', { name: '选定的表单' }));
  fireEvent.click(within(within(panel).getByTestId('review-choice')).getByRole('checkbox', { name: /第三党支部/ }));
  fireEvent.click(make);
  await waitFor(() => expect(host.handedOver).toHaveLength(1), { timeout: 20000 });
  const back = await intakeBytes(host.handedOver[0].bytes, '报送包.xlsx', { asOf: '2019-05-01', stage: 'committee' });
  expect(back.ok && back.submissions.map((s) => s.fields.branchName)).toEqual(['中共永州市财政局第一党支部']);
});

test('inside Excel the opinion goes into the workbook\'s own form sheets (their cells from the form spec)', async () => {
  const host = await merged('excel');
  const panel = await screen.findByTestId('review-panel');
  fireEvent.change(within(panel).getByTestId('review-date'), { target: { value: '2019-04-28' } });
  fireEvent.click(within(panel).getByRole('button', { name: '把意见写入本工作簿的表单' }));
  await waitFor(() => expect(host.written).toHaveLength(1), { timeout: 20000 });
  const spec = getForm('application');
  const at = (id: 'partyCommitteeOpinion' | 'partyCommitteeOpinionDate') => firstCell(getField(spec, id)!.cell);
  expect(host.written[0]).toEqual([{ sheet: '附件2', cell: at('partyCommitteeOpinion'), dateCell: at('partyCommitteeOpinionDate'), text: '经初核，情况属实，同意上报。', date: '2019-04-28' }]);
});

test('抽查: the drawn list in the pane and as a workbook', async () => {
  const host = await merged('standalone');
  const panel = await screen.findByTestId('sample-panel');
  expect((within(panel).getByTestId('sample-seed') as HTMLInputElement).value).toBe('2019年机关党建调研');
  fireEvent.change(within(panel).getByTestId('sample-rate'), { target: { value: '150' } });
  expect(within(panel).getByRole('button', { name: '生成抽查名单' })).toHaveProperty('disabled', true);
  fireEvent.change(within(panel).getByTestId('sample-rate'), { target: { value: '10' } });
  fireEvent.click(within(panel).getByRole('button', { name: '生成抽查名单' }));
  await waitFor(() => expect(host.handedOver).toHaveLength(1), { timeout: 20000 });
  expect(host.handedOver[0].fileName).toBe('抽查名单.xlsx');
  const result = await screen.findByTestId('sample-result');
  expect(result.textContent).toContain('从 3 个申报党支部（1 个上级党组织）中抽取 1 个');
  const grid = readWorkbook(host.handedOver[0].bytes, 's.xlsx');
  expect(grid.ok && grid.grid.sheets.map((s) => s.name)).toEqual(['抽查名单', '抽样总体']);
});
