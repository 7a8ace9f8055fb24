import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../renderer/src/features/media/Timeline';
import { TimeSpanFields } from '../../../renderer/src/features/media/TimeSpanFields';

afterEach(cleanup);

function trackOf(width: number): HTMLElement {
  const track = screen.getByTestId('timeline-track');
  track.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width,
    height: 20,
    right: width,
    bottom: 20,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return track;
}

describe('Timeline', () => {
  const items = [
    { key: 'a', span: { start: 0, end: 10 }, label: 'tone.wav', kind: 'clip' as const },
    { key: 'b', span: { start: 10, end: 15 }, label: 'film.webm', kind: 'clip' as const },
  ];

  it('names its parts and gives the playhead slider values', () => {
    render(
      <Timeline duration={15} currentTime={3} items={items} span={null} label="Timeline" onSeek={() => {}} />,
    );
    expect(screen.getByRole('group', { name: 'Timeline' })).toBeTruthy();
    const slider = screen.getByRole('slider', { name: 'Playback position' });
    expect(slider.getAttribute('aria-valuemax')).toBe('15');
    expect(slider.getAttribute('aria-valuetext')).toBe('00:00:03.0 of 00:00:15.0');
    expect(screen.getByRole('button', { name: 'film.webm, 00:00:10.0 to 00:00:15.0' })).toBeTruthy();
  });

  it('seeks by keyboard on the playhead', () => {
    const onSeek = vi.fn();
    render(<Timeline duration={15} currentTime={3} items={[]} span={null} label="T" onSeek={onSeek} />);
    const slider = screen.getByRole('slider');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onSeek.mock.calls).toEqual([[4], [0], [15]]);
  });

  it('makes a span from a drag, once, and seeks on a click', () => {
    const onSpan = vi.fn();
    const onSeek = vi.fn();
    render(
      <Timeline
        duration={10}
        currentTime={0}
        items={[]}
        span={null}
        label="T"
        onSeek={onSeek}
        onSpan={onSpan}
      />,
    );
    const track = trackOf(200);
    fireEvent.pointerDown(track, { clientX: 40, button: 0, pointerId: 1 });
    fireEvent.pointerMove(track, { clientX: 120, pointerId: 1 });
    fireEvent.pointerMove(track, { clientX: 160, pointerId: 1 });
    fireEvent.pointerUp(track, { clientX: 160, pointerId: 1 });
    expect(onSpan.mock.calls).toEqual([[{ start: 2, end: 8 }]]);
    fireEvent.pointerDown(track, { clientX: 100, button: 0, pointerId: 1 });
    fireEvent.pointerUp(track, { clientX: 100, pointerId: 1 });
    expect(onSeek.mock.calls).toEqual([[5]]);
  });
});

describe('TimeSpanFields', () => {
  it('commits typed times once, and says what is wrong', () => {
    const onChange = vi.fn();
    render(<TimeSpanFields span={{ start: 0, end: 5 }} duration={20} label="Clip 1" onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Clip 1 start'), { target: { value: '00:00:02.5' } });
    fireEvent.change(screen.getByLabelText('Clip 1 end'), { target: { value: '0:12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(onChange.mock.calls).toEqual([[{ start: 2.5, end: 12 }]]);
    fireEvent.change(screen.getByLabelText('Clip 1 end'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toMatch(/end must come after the start/);
    fireEvent.change(screen.getByLabelText('Clip 1 end'), { target: { value: 'soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toMatch(/not a time/);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('commits once when focus leaves the pair, not when it moves from start to end', () => {
    const onChange = vi.fn();
    render(<TimeSpanFields span={{ start: 0, end: 5 }} duration={20} label="Clip 1" onChange={onChange} />);
    const start = screen.getByLabelText('Clip 1 start');
    const end = screen.getByLabelText('Clip 1 end');
    fireEvent.change(start, { target: { value: '1' } });
    fireEvent.blur(start, { relatedTarget: end });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(end, { target: { value: '4' } });
    fireEvent.blur(end, { relatedTarget: document.body });
    expect(onChange.mock.calls).toEqual([[{ start: 1, end: 4 }]]);
  });

  it('keeps a time the user did not type to the last digit, though it shows tenths', () => {
    const onChange = vi.fn();
    const span = { start: 10.25, end: 20.04 };
    render(<TimeSpanFields span={span} duration={60} label="Clip 1" onChange={onChange} />);
    const start = screen.getByLabelText('Clip 1 start');
    const end = screen.getByLabelText('Clip 1 end');
    expect([(start as HTMLInputElement).value, (end as HTMLInputElement).value]).toEqual([
      '00:00:10.3',
      '00:00:20.0',
    ]);
    // Passing through both fields without typing changes nothing.
    fireEvent.blur(start, { relatedTarget: end });
    fireEvent.blur(end, { relatedTarget: document.body });
    // Typing the time as shown is not a change either.
    fireEvent.change(start, { target: { value: '10.3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(onChange).not.toHaveBeenCalled();
    // Only the end typed: the start stays 10.25, not the 10.3 it shows.
    fireEvent.change(end, { target: { value: '0:30' } });
    fireEvent.blur(end, { relatedTarget: document.body });
    expect(onChange.mock.calls).toEqual([[{ start: 10.25, end: 30 }]]);
  });

  it('judges the order of the times it would commit, not of the rounded ones shown', () => {
    const onChange = vi.fn();
    render(
      <TimeSpanFields span={{ start: 5.04, end: 9 }} duration={60} label="Clip 1" onChange={onChange} />,
    );
    // The end typed as 5.04 shows as the start does (00:00:05.0) but is not before the kept start 5.04.
    fireEvent.change(screen.getByLabelText('Clip 1 end'), { target: { value: '5.04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toMatch(/end must come after the start/);
    expect(onChange).not.toHaveBeenCalled();
  });
});
