import { Button, Label, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { tp } from '../../i18n/taskpane';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** What the pickers offer: .xlsx, and the legacy formats the reader also reads (.xls, WPS .et, .ods). */
export const SPREADSHEET_ACCEPT =
  '.xlsx,.xlsm,.xls,.et,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

interface Props {
  label: string;
  buttonText: string;
  onFiles(files: File[]): void;
  /** Offer a folder button and a drop zone (merge: many files at once). */
  many?: boolean;
  /** Several files at once (implied by many). */
  multiple?: boolean;
  accept?: string;
  testId: string;
  /** While a merge runs its inputs stay as they are. */
  disabled?: boolean;
}

// Chromium/WebKit/Firefox all support directory inputs under this non-standard attribute.
const DIRECTORY_ATTRS = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Reads every file under a dropped folder (entries API; a drop gives no FileList for folders). */
async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve, reject) => (entry as FileSystemFileEntry).file((f) => resolve([f]), reject));
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: File[] = [];
  // readEntries returns the folder in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) out.push(...(await filesOfEntry(child)));
  }
  return out;
}

export async function filesOfDrop(dt: DataTransfer): Promise<File[]> {
  const items = dt.items ? Array.from(dt.items) : [];
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    const lists = await Promise.all(entries.map((e) => filesOfEntry(e!)));
    return lists.flat();
  }
  return Array.from(dt.files);
}

export function FilePicker({ label, buttonText, onFiles, many, multiple, accept = SPREADSHEET_ACCEPT, testId, disabled }: Props) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const labelId = useId();

  const take = (input: HTMLInputElement) => {
    const files = input.files ? Array.from(input.files) : [];
    // Reset so choosing the same file again fires change again.
    input.value = '';
    onFiles(files);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    void filesOfDrop(e.dataTransfer).then(onFiles, () => onFiles(Array.from(e.dataTransfer.files)));
  };

  return (
    <div role="group" aria-labelledby={labelId} className={styles.group}>
      <Label id={labelId}>{label}</Label>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => fileInput.current?.click()} aria-describedby={many ? hintId : undefined}>
          {buttonText}
        </Button>
        {many && <Button disabled={disabled} onClick={() => folderInput.current?.click()}>{tp.pickFolder}</Button>}
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple={many || multiple}
        accept={accept}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid={testId}
        onChange={(e) => take(e.currentTarget)}
      />
      {many && (
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-testid={`${testId}-folder`}
          {...DIRECTORY_ATTRS}
          onChange={(e) => take(e.currentTarget)}
        />
      )}
      {many && (
        <div
          className={mergeClasses(styles.drop, over && styles.dropActive)}
          data-testid={`${testId}-drop`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <Text id={hintId}>{tp.dropZone}</Text>
        </div>
      )}
    </div>
  );
}
