/**
 * The manifest's own annotation pages (a commentary whose targets name regions of several canvases) are drawn on
 * each canvas they target, and edited there like the canvas's own: moving one changes its target in the
 * manifest's page, as one undo step.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { AnnotationLayer } from '../../../renderer/src/features/annotations/AnnotationLayer';
import type { ViewTransform } from '../../../renderer/src/features/viewer/view-transform';
import { useAppStore } from '../../../renderer/src/store/store';
import { annotatedManifest, CANVAS } from '../../shared/annotations/sample';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const identity: ViewTransform = {
  frame: 0,
  toScreen: (rect) => rect,
  toWorld: (x, y) => ({ x, y }),
  zoomAt: () => {},
};

function withCommentary(): JsonObject {
  const doc = annotatedManifest();
  const pages = doc['annotations'] as JsonObject[];
  (pages[0]?.['items'] as JsonObject[]).push({
    id: 'https://example.org/anno/initial',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: 'The initial', format: 'text/plain' },
    target: `${CANVAS}#xywh=100,100,200,200`,
  });
  return doc;
}

function layerOn(canvasIndex: number) {
  const canvas = (useAppStore.getState().doc?.['items'] as JsonObject[])[canvasIndex] as JsonObject;
  return (
    <AnnotationLayer
      view={identity}
      canvas={canvas}
      canvasIndex={canvasIndex}
      tool="select"
      onTool={() => {}}
      selected={null}
      onSelect={() => {}}
    />
  );
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: withCommentary(), format, file: null });
});
afterEach(cleanup);

describe('manifest-level annotations on the viewer', () => {
  it('are drawn on the canvas they target, and only there', () => {
    const { unmount } = render(layerOn(0));
    const labels = screen.getAllByTestId('annotation-shape').map((s) => s.getAttribute('aria-label') ?? '');
    expect(labels.some((label) => label.includes('The initial'))).toBe(true);
    unmount();
    render(layerOn(1));
    expect(screen.queryAllByTestId('annotation-shape')).toHaveLength(0);
  });

  it('move in the manifest’s own page, as one undo step', () => {
    render(layerOn(0));
    const shape = screen
      .getAllByTestId('annotation-shape')
      .find((s) => s.getAttribute('aria-label')?.includes('The initial'));
    expect(shape).toBeDefined();
    fireEvent.keyDown(shape as Element, { key: 'ArrowRight' });
    const pages = useAppStore.getState().doc?.['annotations'] as JsonObject[];
    const moved = (pages[0]?.['items'] as JsonObject[])[1];
    expect(moved?.['target']).toBe(`${CANVAS}#xywh=110,100,200,200`);
    expect(useAppStore.getState().history?.past.length).toBe(1);
  });
});
