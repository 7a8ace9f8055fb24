import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLaunchFiles, pathFromArgv } from '../../../electron/main/launch-files';

describe('the file named on the command line', () => {
  it('skips the app folder only when run as `electron .` (process.defaultApp)', () => {
    expect(pathFromArgv(['/opt/Tessera/tessera', 'book.json'], { defaultApp: false, cwd: '/home/a' })).toBe(
      path.resolve('/home/a/book.json'),
    );
    expect(pathFromArgv(['/usr/bin/electron', '.', 'book.json'], { defaultApp: true, cwd: '/w' })).toBe(
      path.resolve('/w/book.json'),
    );
    expect(pathFromArgv(['/usr/bin/electron', '.'], { defaultApp: true, cwd: '/w' })).toBeNull();
    expect(pathFromArgv(['/opt/Tessera/tessera'], { defaultApp: false, cwd: '/w' })).toBeNull();
  });

  it('resolves against the given working directory and ignores switches', () => {
    expect(
      pathFromArgv(['/opt/Tessera/tessera', '--allow-file-access-from-files', 'sub/m.json', '--x'], {
        defaultApp: false,
        cwd: '/second/instance',
      }),
    ).toBe(path.resolve('/second/instance/sub/m.json'));
  });

  it('reads file:// URIs (Linux .desktop %U) and ignores other URLs', () => {
    expect(
      pathFromArgv(['/opt/Tessera/tessera', 'file:///home/a/My%20Book.json'], {
        defaultApp: false,
        cwd: '/',
      }),
    ).toBe(path.resolve('/home/a/My Book.json'));
    expect(
      pathFromArgv(['/opt/Tessera/tessera', 'https://example.org/m.json'], { defaultApp: false, cwd: '/' }),
    ).toBeNull();
  });
});

describe('files given before the page is ready', () => {
  it('wait for a ready window, then go straight to one; each is granted at once', () => {
    const granted: string[] = [];
    const delivered: string[] = [];
    // Whether some window's page listens, as the window registry answers it.
    let ready = false;
    const files = createLaunchFiles({
      grant: (f) => granted.push(f),
      deliver: (f) => ready && delivered.push(f) > 0,
    });
    files.add('/a.json');
    files.add('/b.json');
    expect(delivered).toEqual([]);
    expect(granted).toEqual(['/a.json', '/b.json']);
    ready = true;
    expect(files.takeWaiting()).toEqual(['/a.json', '/b.json']);
    files.add('/c.json');
    expect(delivered).toEqual(['/c.json']);
    expect(files.takeWaiting()).toEqual([]);
    // The last window closed (macOS keeps the app): the next file waits for the next window's page.
    ready = false;
    files.add('/d.json');
    expect(delivered).toEqual(['/c.json']);
    expect(files.takeWaiting()).toEqual(['/d.json']);
  });
});
