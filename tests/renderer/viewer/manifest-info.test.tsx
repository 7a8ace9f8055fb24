/** The preview's manifest panel shows publishers' HTML only as the spec's sanitised subset. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { ManifestInfo } from '../../../renderer/src/features/preview/ManifestInfo';

afterEach(cleanup);

const manifest: JsonObject = {
  id: 'https://e.org/m.json',
  type: 'Manifest',
  label: { en: ['A <b>bold</b> title'] },
  summary: { en: ['<p>Summary with <b>bold</b> and <script>alert(1)</script> a script.</p>'] },
  metadata: [
    {
      label: { en: ['Source'] },
      value: {
        en: [
          '<span><a href="javascript:alert(1)">bad link</a> <img src="https://e.org/x.png" onerror="alert(2)"></span>',
        ],
      },
    },
  ],
  requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Provided by the Example Library'] } },
  rights: 'http://creativecommons.org/licenses/by/4.0/',
  provider: [
    {
      id: 'https://e.org/about',
      type: 'Agent',
      label: { en: ['Example Library'] },
      homepage: [{ id: 'https://e.org/', type: 'Text', label: { en: ['Home'] } }],
    },
  ],
};

describe('ManifestInfo', () => {
  it('shows label, metadata, credits, rights and provider, with plain text escaped and HTML sanitised', () => {
    const { container } = render(<ManifestInfo manifest={manifest} />);
    // Plain text stays text: the title's markup is not interpreted.
    expect(screen.getByTestId('preview-title').textContent).toBe('A <b>bold</b> title');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(container.querySelector('.preview-summary b')?.textContent).toBe('bold');
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://e.org/x.png');
    expect(screen.getByTestId('preview-credits').textContent).toContain('Provided by the Example Library');
    expect(screen.getByTestId('preview-rights').textContent).toContain('CC BY 4.0');
    expect(screen.getByText('Example Library').closest('a')?.getAttribute('href')).toBe('https://e.org/');
  });
});
