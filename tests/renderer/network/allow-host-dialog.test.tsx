/**
 * The question before a private-network host is allowed: the app's own Dialog (not window.confirm), named for
 * the host, the refusing answer focused; one question for a batch of refusals of one host; "Allow" allows it on
 * the main side, "Don't allow" allows nothing and is asked again next time.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { privateNetworkMessage } from '../../../shared/ipc/private-network';

const allowed = vi.hoisted(() => ({ hosts: [] as string[] }));

vi.mock('../../../renderer/src/api', () => ({
  isElectron: false,
  api: {
    allowHost: (request: { host: string }) => {
      allowed.hosts.push(request.host);
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

const { askToAllowHost } = await import('../../../renderer/src/features/network/allow-host');
const { AllowHostDialog } = await import('../../../renderer/src/features/network/AllowHostDialog');

const refusal = (host: string) => ({ code: 'private-network', message: privateNetworkMessage(host) });

let confirm: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  allowed.hosts = [];
  confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  cleanup();
  confirm.mockRestore();
});

describe('asking to allow a private-network host', () => {
  it('asks once in the Dialog for a batch of refusals, and allows the host when the user says so', async () => {
    render(<AllowHostDialog />);
    let answers!: Promise<boolean[]>;
    act(() => {
      answers = Promise.all([askToAllowHost(refusal('10.0.0.7')), askToAllowHost(refusal('10.0.0.7'))]);
    });
    const dialog = await screen.findByRole('dialog', { name: 'Allow requests to 10.0.0.7?' });
    expect(dialog.textContent).toContain('Blocked a request to 10.0.0.7');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Don’t allow' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow for this session' }));
    expect(await answers).toEqual([true, true]);
    expect(allowed.hosts).toEqual(['10.0.0.7']);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('allows nothing on "Don’t allow" (or Escape), and asks again the next time', async () => {
    render(<AllowHostDialog />);
    let first!: Promise<boolean>;
    act(() => {
      first = askToAllowHost(refusal('192.168.1.2'));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Don’t allow' }));
    expect(await first).toBe(false);
    let second!: Promise<boolean>;
    act(() => {
      second = askToAllowHost(refusal('192.168.1.2'));
    });
    const dialog = await screen.findByRole('dialog', { name: 'Allow requests to 192.168.1.2?' });
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(await second).toBe(false);
    expect(allowed.hosts).toEqual([]);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks nothing for any other error', async () => {
    render(<AllowHostDialog />);
    expect(await askToAllowHost({ code: 'network', message: 'offline' })).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
