import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { FieldId } from '../../src/forms/types';
import type { FieldValue } from '../../src/model/types';
import { filledBytes } from '../merge/files';

export const application = (branchName: string, extra: Partial<Record<FieldId, FieldValue>> = {}) =>
  filledBytes('application', { branchName, date: '2019-04-20', memberCount: 12, committeeCount: 5, plan: `${branchName}的创建计划：按“五化”标准逐项落实。`, ...extra });

export const demonstration = (branchName: string, extra: Partial<Record<FieldId, FieldValue>> = {}) =>
  filledBytes('demonstration', {
    branchName,
    date: '2019-04-22',
    memberCount: 12,
    committeeCount: 5,
    secretaryName: '张三',
    contact: '13800000000',
    basicWork: '台账资料规范，基础工作扎实。',
    highlights: '党员活动室“六有”齐全。',
    ...extra,
  });

export const progress = (branchName: string) =>
  filledBytes(
    'progress',
    { branchName },
    Array.from({ length: 12 }, (_, i) => ({ goal: `${i + 1}月目标`, owner: '支部书记', status: i < 3 ? '已完成' : null })),
  );

/**
 * The branches of the round trip: 党委 A's (one with an error, one with an opinion
 * already), 党委 B's, and two 工委直辖 branches that send to the 市直工委 directly.
 */
export async function branchFolders(root: string): Promise<{ a: string; b: string; direct: string }> {
  const a = join(root, '党委A收件');
  const b = join(root, '党委B收件');
  const direct = join(root, '工委直辖');
  for (const d of [a, b, direct]) mkdirSync(d, { recursive: true });
  writeFileSync(join(a, '财政局一支部-附件2.xlsx'), await application('中共永州市财政局第一党支部'));
  writeFileSync(join(a, '财政局二支部-附件1.xlsx'), await demonstration('中共永州市财政局第二党支部', { partyCommitteeOpinion: '同意推荐为示范点。', partyCommitteeOpinionDate: '2019-04-25' }));
  writeFileSync(join(a, '财政局二支部-附件2.xlsx'), await application('中共永州市财政局第二党支部', { memberCount: 20 }));
  writeFileSync(join(a, '财政局三支部-附件2.xlsx'), await application('中共永州市财政局第三党支部', { memberCount: 2, committeeCount: 1 }));
  writeFileSync(join(b, '教育局机关支部-附件2.xlsx'), await application('中共永州市教育局机关党支部', { memberCount: 9 }));
  writeFileSync(join(b, '教育局离退休支部-附件2.xlsx'), await application('中共永州市教育局离退休党支部', { memberCount: 15 }));
  writeFileSync(join(b, '教育局离退休支部-附件3.xlsx'), await progress('中共永州市教育局离退休党支部'));
  writeFileSync(join(direct, '档案馆支部-附件2.xlsx'), await application('中共永州市档案馆党支部', { memberCount: 7 }));
  writeFileSync(join(direct, '史志办支部-附件2.xlsx'), await application('中共永州市史志办党支部', { memberCount: 8 }));
  return { a, b, direct };
}
