/**
 * The built-in sample project: four leaves of an imaginary psalter, drawn by the build (build/make-sample.ts)
 * into static level-0 IIIF tiles, so the first screen works with no network at all.
 */
export interface SampleLeaf {
  readonly slug: string;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** Parchment and ink colours, so each leaf is recognisable in thumbnails and screenshots. */
  readonly ground: string;
  readonly ink: string;
}

export const SAMPLE_LEAVES: readonly SampleLeaf[] = [
  { slug: 'leaf-1r', label: 'f. 1r', width: 1600, height: 2200, ground: '#efe0bd', ink: '#7a1f12' },
  { slug: 'leaf-1v', label: 'f. 1v', width: 1600, height: 2200, ground: '#ead7ad', ink: '#1d3d6b' },
  { slug: 'leaf-2r', label: 'f. 2r', width: 1600, height: 2200, ground: '#f1e4c6', ink: '#2f5a26' },
  { slug: 'leaf-2v', label: 'f. 2v', width: 1600, height: 2200, ground: '#e6d2a4', ink: '#5b2a6b' },
];

/** Sizes declared in each leaf's info.json: level 0 serves only these, and thumbnails must pick one. */
export const SAMPLE_SIZES: readonly { width: number; height: number }[] = [
  { width: 200, height: 275 },
  { width: 400, height: 550 },
  { width: 800, height: 1100 },
];

/** URL path under which the sample images are served by both hosts. */
export const SAMPLE_IMAGES_PATH = '/sample/images';
