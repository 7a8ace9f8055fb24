/**
 * What the window does when it opens: learn about the shell, open the file given at launch, offer to recover
 * unsaved work, and otherwise show the sample.
 */
import { api } from '../../api';
import { takeLaunchFile } from '../../launch-file';
import { useAppStore } from '../../store/store';
import { openPath, openSample } from './document-service';

export async function startUp(): Promise<void> {
  const info = await api.appInfo({});
  if (info.ok) useAppStore.getState().setAppInfo(info.value);
  // Files given at launch wait until the page listens: App registers onOpenPath in the same effect, before
  // this first awaits.
  const launchFile = await takeLaunchFile();
  if (launchFile) await openPath(launchFile);
  const recoverable = await api.listRecoverable({});
  if (recoverable.ok && recoverable.value.items.length > 0) {
    useAppStore.getState().showDialog({ kind: 'recover', items: recoverable.value.items });
    return;
  }
  if (!launchFile) await openSample();
}
