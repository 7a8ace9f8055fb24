/**
 * Binds every channel of the contract to ipcMain, one handler each. Requests are accepted only from our own
 * top frame served from app:// (checklist item 17: validate the sender of all IPC messages).
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { channelNames, ipcChannel } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { fail } from '../../shared/ipc/result';
import { isTrustedFrame } from './app-origin';

export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  return isTrustedFrame(event.senderFrame);
}

export function bindIpc(handlers: Handlers): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), (event, request: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', 'Request from an untrusted frame.');
      return dispatch(handlers, name, request);
    });
  }
}
