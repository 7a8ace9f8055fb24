/** OCR refuses an image declaring more pixels than Tessera decodes, naming it (issue 20 item 15). */
import { describe, expect, it } from 'vitest';
import { loadOcrImage } from '../../../electron/services/ocr/ocr-image';
import { hugePngHeader } from '../../fixtures/huge-png-header';

describe('the OCR image', () => {
  it('refuses a PNG declaring 16000×16000 pixels before decoding it', async () => {
    const url = 'https://images.example.org/huge.png';
    const fetcher = {
      json: async () => ({}),
      bytes: async () => hugePngHeader(),
    };
    const source = {
      canvasIndex: 0,
      canvasId: 'https://example.org/c1',
      image: { kind: 'image' as const, url },
      region: 'full',
      frame: { x: 0, y: 0, width: 16_000, height: 16_000 },
    };
    await expect(loadOcrImage(source, fetcher, new AbortController().signal)).rejects.toThrow(
      `"${url}" is 16000 × 16000 pixels (256 megapixels)`,
    );
  });
});
