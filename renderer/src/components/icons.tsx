/**
 * The app's icons, named by what they mean. They are lucide-react's SVGs, compiled into the renderer bundle:
 * nothing is fetched and no font is needed (emoji and symbol glyphs drew as empty boxes where no emoji font is
 * installed). Only the icons named here reach the bundle (lucide-react is tree-shaken per icon).
 *
 * An icon is decorative by default (aria-hidden): the control it sits in carries the accessible name, and its
 * visible text, if any, is part of that name. Give `label` only to an icon that stands alone and means
 * something (a severity beside a message), so it is announced as an image with that name.
 */
import {
  ArrowDown,
  ArrowDownToLine,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  ArrowUpToLine,
  Check,
  ChevronDown,
  ChevronRight,
  ExternalLink,
  FileText,
  Folder,
  FolderUp,
  History,
  Info,
  Library,
  Maximize,
  Minus,
  OctagonX,
  Plus,
  Redo2,
  RotateCw,
  TriangleAlert,
  Undo2,
  X,
  type LucideIcon,
} from 'lucide-react';
import './icons.css';

const ICONS = {
  undo: Undo2,
  redo: Redo2,
  /** Close a panel or dismiss a message. */
  close: X,
  /** Remove an item from a list (a language, a metadata entry, a behavior). */
  remove: X,
  /** Add a value. */
  add: Plus,
  /** Remove one value of several. */
  'remove-value': Minus,
  error: OctagonX,
  warning: TriangleAlert,
  info: Info,
  valid: Check,
  'move-up': ArrowUp,
  'move-down': ArrowDown,
  /** Into the range above (structure), i.e. one level deeper. */
  'move-in': ArrowRight,
  /** Out of its range (structure). */
  'move-out': ArrowLeft,
  'send-to-start': ArrowUpToLine,
  'send-to-end': ArrowDownToLine,
  /** Back to where one came from (a parent collection). */
  back: ArrowLeft,
  /** Pointing left and right, for reading-direction aware "previous" and "next". */
  'arrow-left': ArrowLeft,
  'arrow-right': ArrowRight,
  expanded: ChevronDown,
  collapsed: ChevronRight,
  folder: Folder,
  'parent-folder': FolderUp,
  file: FileText,
  collection: Library,
  recent: History,
  'external-link': ExternalLink,
  rotate: RotateCw,
  'zoom-in': Plus,
  'zoom-out': Minus,
  fit: Maximize,
} as const satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof ICONS;

interface Props {
  name: IconName;
  /** Only for an icon that stands alone and carries meaning; omitted, the icon is hidden from assistive tech. */
  label?: string;
  /** Pixels; by default the icon follows the font size. */
  size?: number | string;
}

export function Icon({ name, label, size = '1.1em' }: Props) {
  const Svg = ICONS[name];
  return label !== undefined ? (
    <Svg className="app-icon" size={size} role="img" aria-label={label} focusable="false" />
  ) : (
    <Svg className="app-icon" size={size} aria-hidden="true" focusable="false" />
  );
}
