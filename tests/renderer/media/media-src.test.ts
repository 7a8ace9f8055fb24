import { describe, expect, it } from 'vitest';
import { NO_MEDIA, isPrivateHostName, mediaSrc } from '../../../renderer/src/features/media/media-src';

const ORIGIN = 'http://127.0.0.1:5199';

describe('mediaSrc', () => {
  it('plays the app’s own files and http(s) media', () => {
    expect(mediaSrc(`${ORIGIN}/local-images/a/a.wav`, ORIGIN, 'public')).toBe(
      `${ORIGIN}/local-images/a/a.wav`,
    );
    expect(mediaSrc('https://archive.example/a.mp3', ORIGIN, 'public')).toBe('https://archive.example/a.mp3');
  });

  it('drops other schemes and credentials', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:audio/wav;base64,AAAA',
      'https://u:p@x.org/a.mp3',
      'not a url',
    ])
      expect(mediaSrc(url, ORIGIN, 'local')).toBe(NO_MEDIA);
  });

  it('keeps a document from the internet off the user’s computer and network', () => {
    for (const url of [
      'http://127.0.0.1:8080/a.wav',
      'http://localhost/a.wav',
      'http://192.168.1.4/a.wav',
      'http://[::1]/a.wav',
      'http://10.0.0.2/a.wav',
    ])
      expect(mediaSrc(url, ORIGIN, 'public')).toBe(NO_MEDIA);
    // The user's own documents may name them.
    expect(mediaSrc('http://192.168.1.4/a.wav', ORIGIN, 'local')).toBe('http://192.168.1.4/a.wav');
  });

  it('knows private host names', () => {
    expect(isPrivateHostName('172.16.0.1')).toBe(true);
    expect(isPrivateHostName('172.32.0.1')).toBe(false);
    expect(isPrivateHostName('100.64.0.1')).toBe(true);
    expect(isPrivateHostName('example.org')).toBe(false);
  });
});
