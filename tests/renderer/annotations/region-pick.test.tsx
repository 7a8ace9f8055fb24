/**
 * Drawing a region for the structure panel: while the region form waits for a box, the viewer's drawing layer
 * hands the finished box to the form instead of making an annotation (no commit), the form's numbers take it,
 * and Escape or closing the form ends the wait.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { AnnotationLayer } from '../../../renderer/src/features/annotations/AnnotationLayer';
import { useRegionPick } from '../../../renderer/src/features/annotations/region-pick';
import type { ViewTransform } from '../../../renderer/src/features/viewer/view-transform';
import { RegionForm } from '../../../renderer/src/features/structure/RegionForm';
import { useAppStore } from '../../../renderer/src/store/store';
import { annotatedManifest } from '../../shared/annotations/sample';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
/** Screen and world are the same plane: enough for the layer's keyboard drawing. */
const identity: ViewTransform = {
  frame: 0,
  toScreen: (rect) => rect,
  toWorld: (x, y) => ({ x, y }),
  zoomAt: () => {},
};

function firstCanvas(): JsonObject {
  return (useAppStore.getState().doc?.['items'] as JsonObject[])[0] as JsonObject;
}

function layer(onBox?: (box: { x: number; y: number; w: number; h: number }) => void) {
  return (
    <AnnotationLayer
      view={identity}
      canvas={firstCanvas()}
      canvasIndex={0}
      tool="box"
      onTool={() => {}}
      selected={null}
      onSelect={() => {}}
      onBox={onBox}
    />
  );
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: annotatedManifest(), format, file: null });
  useAppStore.getState().selectOnly(0);
  useRegionPick.getState().cancel();
});
afterEach(cleanup);

describe('a box drawn for someone else', () => {
  it('goes to onBox and commits nothing', () => {
    const onBox = vi.fn();
    const before = useAppStore.getState().doc;
    render(layer(onBox));
    fireEvent.keyDown(screen.getByTestId('annotation-surface'), { key: 'Enter' });
    expect(onBox).toHaveBeenCalledTimes(1);
    const box = onBox.mock.calls[0]?.[0] as { w: number; h: number };
    expect(box.w).toBeGreaterThan(0);
    expect(box.h).toBeGreaterThan(0);
    expect(steps()).toBe(0);
    expect(useAppStore.getState().doc).toBe(before);
  });

  it('without onBox is an annotation, one undo step', () => {
    render(layer());
    fireEvent.keyDown(screen.getByTestId('annotation-surface'), { key: 'Enter' });
    expect(steps()).toBe(1);
  });
});

describe('RegionForm with Draw on the viewer', () => {
  it('asks for a box on the focused canvas and fills the numbers with it, without a commit', () => {
    render(<RegionForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Add region…' }));
    const draw = screen.getByRole('button', { name: 'Draw on the viewer' });
    fireEvent.click(draw);
    expect(useRegionPick.getState().pick?.canvasIndex).toBe(0);
    expect(draw.getAttribute('aria-pressed')).toBe('true');
    act(() => useRegionPick.getState().finish({ x: 12, y: 34, w: 56, h: 78 }));
    expect(useRegionPick.getState().pick).toBeNull();
    const value = (label: string) =>
      (screen.getByLabelText(label, { exact: true }) as HTMLInputElement).value;
    expect([value('x'), value('y'), value('width'), value('height')]).toEqual(['12', '34', '56', '78']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add region to range' }));
    expect(steps()).toBe(0);
  });

  it('ends the wait on Escape, on closing the form and on focusing another canvas', () => {
    render(<RegionForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Add region…' }));
    const draw = () => fireEvent.click(screen.getByRole('button', { name: 'Draw on the viewer' }));
    draw();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useRegionPick.getState().pick).toBeNull();
    draw();
    act(() => useAppStore.getState().selectOnly(1));
    expect(useRegionPick.getState().pick).toBeNull();
    draw();
    expect(useRegionPick.getState().pick?.canvasIndex).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useRegionPick.getState().pick).toBeNull();
  });
});
