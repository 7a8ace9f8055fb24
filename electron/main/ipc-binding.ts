/**
 * Binds every channel of the contract to ipcMain, one handler each. Requests are accepted only from our own
 * top frame served from app:// (checklist item 17: validate the sender of all IPC messages), in one of the
 * app's windows; each window's requests reach that window's handlers (its dialogs, its recovery records).
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, ipcChannel } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { fail } from '../../shared/ipc/result';
import { isTrustedFrame } from './app-origin';

export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  return isTrustedFrame(event.senderFrame);
}

/** `handlersFor` answers the handlers of the window whose page sent the request, or null for no window of ours. */
export function bindIpc(handlersFor: (sender: WebContents) => Handlers | null): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), (event, request: unknown) => {
      const handlers = isTrustedSender(event) ? handlersFor(event.sender) : null;
      if (!handlers) return fail('forbidden', 'Request from an untrusted frame.');
      return dispatch(handlers, name, request);
    });
  }
}
