import { hostInfo } from '../workbook/excel/hostInfo';

// Office requires the function file to initialise (Office.onReady) even when the only
// ribbon command shows the task pane; hostInfo does that without naming Office here.
void hostInfo();
