/**
 * Plays a time-based canvas: its clips in canvas time (one media element for the clip playing, handing over to
 * the next at its end), a timeline of the clips and of other items in time, and the canvas's companions as
 * viewers show them: the placeholder canvas until playback starts, the accompanying canvas beside the player
 * once it has. Keyboard, on the player: Space or K play/pause, J and L back and forward 10 s, arrows 5 s.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import {
  byPlaybackPreference,
  canvasDuration,
  clipsOf,
  companionOf,
  timedAnnotationsOf,
} from '../../../../shared/iiif/media';
import { formatClock, nextSpanFrom, spanAt, type ClosedSpan } from '../../../../shared/iiif/time';
import { canPlayFormat } from './can-play';
import { CompanionImage } from './CompanionImage';
import { imageSrc } from '../images/image-src';
import { mediaSrc } from './media-src';
import { Timeline, type TimelineItem } from './Timeline';

export interface MediaPlayerProps {
  readonly canvas: JsonObject;
  /** Accessible name of the player, e.g. the canvas's label. */
  readonly label: string;
  /** More items for the timeline (ranges, say); clips and the canvas's timed annotations are always shown. */
  readonly items?: readonly TimelineItem[];
  readonly span?: ClosedSpan | null;
  readonly selectedKey?: string | null;
  readonly onSpan?: (span: ClosedSpan) => void;
  readonly onSelectItem?: (key: string) => void;
  /** Under the timeline (span fields, clip list). */
  readonly children?: ReactNode;
}

/** Seconds between steps of the clock of an image on the timeline. */
const TICK = 0.1;

/** Seconds J and L move; arrows move half as far. */
const JUMP = 10;

export function clipKey(page: number, item: number): string {
  return `clip:${page}:${item}`;
}

export function MediaPlayer(props: MediaPlayerProps) {
  const {
    canvas,
    label,
    items = [],
    span = null,
    selectedKey = null,
    onSpan,
    onSelectItem,
    children,
  } = props;
  const duration = canvasDuration(canvas) ?? 0;
  // Of a Choice (the same recording as ALAC, MP3, WAV…), the first item this browser can play.
  const listed = clipsOf(canvas, canPlayFormat);
  // Where clips overlap (a film over a picture of its setting), the one that plays is the one with a clock.
  const clips = byPlaybackPreference(listed);
  const spans = clips.map((clip) => clip.span);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [started, setStarted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const element = useRef<HTMLMediaElement | null>(null);
  const active = spanAt(spans, time);
  // In a gap before a clip, that clip's element is already there, loading: play starts it without a wait.
  const shown = active >= 0 ? active : nextSpanFrom(spans, time);
  const clip = shown >= 0 ? clips[shown] : undefined;
  // The file plays from `offset` (a clip of a longer recording: `film.mp4#t=30,40`), without the fragment, so
  // that seeking is ours to do.
  const media = clip?.media;
  const offset = media?.offset ?? 0;
  const source = media ? mediaSrc(media.url) : '';
  const key = clip ? clipKey(clip.page, clip.item) : '';
  const placeholder = companionOf(canvas, 'placeholderCanvas');
  const accompanying = companionOf(canvas, 'accompanyingCanvas');

  /** Moves the clock to `at`, into the clip playing there or the next one; stops at the end. */
  const goTo = useCallback(
    (at: number, keepPlaying: boolean) => {
      const inside = spanAt(spans, at);
      // Paused, the clock may rest in a gap between clips (a seek back must not leap forward); playing, a gap
      // is skipped to the next clip.
      if (inside < 0 && !keepPlaying) {
        setTime(Math.min(Math.max(0, at), duration));
        return;
      }
      const next = inside >= 0 ? inside : nextSpanFrom(spans, at);
      if (next < 0) {
        setPlaying(false);
        setTime(Math.min(Math.max(0, at), duration));
        return;
      }
      const target = inside >= 0 ? at : (spans[next]?.start ?? at);
      setTime(target);
      const el = element.current;
      const current = clips[next];
      if (el && current && clipKey(current.page, current.item) === key)
        el.currentTime = (current.media?.offset ?? 0) + target - current.span.start;
      if (!keepPlaying) setPlaying(false);
    },
    // spans and clips are derived from canvas each render; key names the element playing.
    [canvas, key, duration], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const seek = (at: number) => {
    setSeeks((n) => n + 1);
    goTo(Math.min(Math.max(0, at), duration), playing);
  };
  const toggle = () => {
    if (playing) return setPlaying(false);
    setStarted(true);
    setProblem(null);
    // At the end (or in a gap), play from the next clip, or from the start.
    if (active < 0) goTo(nextSpanFrom(spans, time) >= 0 ? time : 0, true);
    setPlaying(true);
  };

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    if (playing) el.play().catch(() => setPlaying(false));
    else el.pause();
  }, [playing, key]);

  // An image painted for a span of time (a slideshow on a timeline) has no clock of its own: the player's runs.
  const picture = media?.type === 'Image';
  // Text painted for a time (a caption card) has no element of its own either.
  const still = picture || (clip !== undefined && media === undefined);
  const [seeks, setSeeks] = useState(0);
  useEffect(() => {
    if (!playing || !still || !clip) return;
    const from = time;
    let ticks = 0;
    const timer = window.setInterval(() => {
      ticks += 1;
      const at = from + ticks * TICK;
      if (at >= clip.span.end) goTo(clip.span.end, true);
      else setTime(at);
    }, TICK * 1000);
    return () => window.clearInterval(timer);
    // Restarted per clip, on play and on each seek; `time` is where it starts from.
  }, [playing, still, key, seeks]); // eslint-disable-line react-hooks/exhaustive-deps

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
    const moves: Record<string, () => void> = {
      ' ': toggle,
      k: toggle,
      K: toggle,
      j: () => seek(time - JUMP),
      J: () => seek(time - JUMP),
      l: () => seek(time + JUMP),
      L: () => seek(time + JUMP),
      ArrowLeft: () => seek(time - JUMP / 2),
      ArrowRight: () => seek(time + JUMP / 2),
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    move();
  };

  const mediaProps = {
    src: source,
    preload: 'auto' as const,
    'data-testid': 'media-element',
    'aria-label': `${label}: ${clip?.label ?? 'media'}`,
    onLoadedMetadata: (event: { currentTarget: HTMLMediaElement }) => {
      if (clip) event.currentTarget.currentTime = offset + Math.max(0, time - clip.span.start);
      if (playing) event.currentTarget.play().catch(() => setPlaying(false));
    },
    onTimeUpdate: (event: { currentTarget: HTMLMediaElement }) => {
      if (!clip) return;
      const at = clip.span.start + event.currentTarget.currentTime - offset;
      if (at >= clip.span.end) goTo(clip.span.end, playing);
      else setTime(at);
    },
    onEnded: () => clip && goTo(clip.span.end, playing),
    onError: () => setProblem(`${clip?.label ?? 'This media'} cannot be played here.`),
  };
  // A source given by address only says nothing of its type: a canvas with a size shows pictures.
  const isVideo = media?.type === 'Video' || (media?.type === '' && typeof canvas.width === 'number');
  return (
    <div
      className="media-player"
      role="group"
      aria-label={`Player: ${label}`}
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="media-player"
    >
      <div className="media-stage">
        <div className="media-screen">
          {clip && picture && media ? (
            <img
              key={key}
              src={imageSrc(media.url)}
              alt={`${label}: ${clip.label}`}
              data-testid="media-image"
            />
          ) : clip && isVideo ? (
            <video key={key} ref={(el) => void (element.current = el)} {...mediaProps} />
          ) : clip && media ? (
            <audio key={key} ref={(el) => void (element.current = el)} {...mediaProps} />
          ) : null}
          {placeholder && !started ? (
            <CompanionImage canvas={placeholder} role="Placeholder canvas" className="placeholder-canvas" />
          ) : null}
        </div>
        {accompanying && started ? (
          <div className="media-beside">
            <CompanionImage canvas={accompanying} role="Accompanying canvas" />
          </div>
        ) : null}
      </div>
      <div className="player-controls">
        <button type="button" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'} data-testid="play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <span aria-live="off" data-testid="player-time">
          {formatClock(time)} / {formatClock(duration)}
        </span>
        {problem ? (
          <span role="alert" className="error">
            {problem}
          </span>
        ) : null}
      </div>
      <Timeline
        duration={duration}
        currentTime={time}
        items={[
          ...listed.map((c, i) => ({
            key: clipKey(c.page, c.item),
            span: c.span,
            label: c.label || `Clip ${i + 1}`,
            kind: 'clip' as const,
          })),
          ...timedAnnotationsOf(canvas).map((a) => ({
            key: a.key,
            span: a.span,
            label: a.text || 'Annotation',
            kind: 'annotation' as const,
          })),
          ...items,
        ]}
        span={span}
        selectedKey={selectedKey}
        label={`Timeline: ${label}`}
        onSeek={seek}
        {...(onSpan ? { onSpan } : {})}
        {...(onSelectItem ? { onSelectItem } : {})}
      />
      {children}
    </div>
  );
}
