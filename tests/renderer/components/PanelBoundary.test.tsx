/**
 * A render error in one panel keeps the rest of the window and the document (issue 20.1): the failing panel
 * shows a notice with a way to save, its neighbours keep rendering, and another document renders it afresh.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../../renderer/src/components/PanelBoundary';

function Fragile({ label }: { label: unknown }) {
  // The probe's crash: a label map keyed "constructor" read as a plain object.
  if (typeof label !== 'string') throw new TypeError('n[e].push is not a function');
  return <p>{label}</p>;
}

afterEach(cleanup);

describe('PanelBoundary', () => {
  it('replaces only the failing panel with a notice that offers to save', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <PanelBoundary name="canvas list">
          <Fragile label={{ constructor: ['x'] }} />
        </PanelBoundary>
        <PanelBoundary name="properties">
          <Fragile label="still here" />
        </PanelBoundary>
      </div>,
    );
    const notice = screen.getByTestId('panel-failed');
    expect(notice.textContent).toContain('The canvas list could not be shown');
    expect(notice.textContent).toContain('n[e].push is not a function');
    expect(screen.getByRole('button', { name: 'Save a copy…' })).toBeTruthy();
    expect(screen.getByText('still here')).toBeTruthy();
    quiet.mockRestore();
  });

  it('renders afresh for another document, and on Try again', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = { constructor: ['x'] };
    const { rerender } = render(
      <PanelBoundary name="properties" resetKey={bad}>
        <Fragile label={bad} />
      </PanelBoundary>,
    );
    expect(screen.queryByTestId('panel-failed')).not.toBeNull();
    rerender(
      <PanelBoundary name="properties" resetKey="next">
        <Fragile label="the next document" />
      </PanelBoundary>,
    );
    expect(screen.queryByTestId('panel-failed')).toBeNull();
    expect(screen.getByText('the next document')).toBeTruthy();

    rerender(
      <PanelBoundary name="properties" resetKey="next">
        <Fragile label={bad} />
      </PanelBoundary>,
    );
    // The same key: the panel stays failed until asked to try again.
    expect(screen.queryByTestId('panel-failed')).not.toBeNull();
    quiet.mockRestore();
  });

  it('tries again on request', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    let label: unknown = { constructor: ['x'] };
    const Wrapper = () => <Fragile label={label} />;
    render(
      <PanelBoundary name="validation panel">
        <Wrapper />
      </PanelBoundary>,
    );
    label = 'fixed';
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fixed')).toBeTruthy();
    quiet.mockRestore();
  });
});
