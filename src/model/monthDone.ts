/**
 * Whether a month of 附件3 counts as done: its 完成情况 is written and does not say
 * that the work is not done. Empty, "无/暂无/否/-/—/…", or text containing 未完成,
 * 未开展, 未启动, 未落实, 未实施, 未达到, 尚未, 没有完成, 没有开展, 待完成, 待开展,
 * 部分完成, 进行中, 推进中, 正在 are not done ("基本完成", "已完成", "完成" and any
 * description of what was done are done).
 */
const NOT_DONE = /未完成|未开展|未启动|未落实|未实施|未达到|尚未|没有完成|没有开展|待完成|待开展|部分完成|进行中|推进中|正在/;
const NOTHING = /^(无|暂无|否|没有|未|[-—–_/\\.。…·]+)$/;

export function isMonthDone(status: string | null | undefined): boolean {
  if (status == null) return false;
  const s = status.normalize('NFKC').replace(/\s+/g, '');
  if (s === '' || NOTHING.test(s)) return false;
  return !NOT_DONE.test(s);
}
