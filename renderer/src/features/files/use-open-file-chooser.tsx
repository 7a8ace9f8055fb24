/**
 * Choosing a file to open, the way every "Open…" button does it: the shell's native dialog where it has one,
 * else (the browser) the in-app picker of the workspace. Returns the action and the picker to render.
 */
import { useState, type ReactNode } from 'react';
import { chooseFileToOpen } from './files-service';
import { FilePicker } from './FilePicker';

export function useOpenFileChooser(
  onChosen: (path: string) => void,
  onError?: (message: string) => void,
  /** The in-app picker's heading, when it is not for opening a document. */
  title?: string,
): { choose(): Promise<void>; picker: ReactNode } {
  const [picking, setPicking] = useState(false);
  const choose = async () => {
    const choice = await chooseFileToOpen();
    if (choice.kind === 'failed') onError?.(choice.message);
    else if (choice.kind === 'picker') setPicking(true);
    else if (choice.kind === 'chosen') onChosen(choice.path);
  };
  const picker = picking ? (
    <FilePicker
      mode="open"
      {...(title ? { title } : {})}
      onCancel={() => setPicking(false)}
      onChoose={(path) => {
        setPicking(false);
        onChosen(path);
      }}
    />
  ) : null;
  return { choose, picker };
}
