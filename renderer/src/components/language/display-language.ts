/**
 * The display-language preference: which language the UI shows when a language map has several. The choice
 * lives in the session slice (`displayLanguage`, null = follow the browser); this module turns it into the
 * ordered preference list that shared/iiif/language's pickers take, and remembers it between launches.
 *
 * For other features: `useDisplayLanguages()` in components, `displayLanguagesOf(state)` outside React, and
 * `useDisplayText(value)` for the one string to show for a label or summary.
 */
import { useMemo } from 'react';
import { displayStringOf } from '../../../../shared/iiif/language';
import type { JsonValue } from '../../../../shared/iiif/json';
import type { AppState } from '../../store/store';
import { useAppStore } from '../../store/store';

const STORAGE_KEY = 'tessera.displayLanguage';

/** The browser's languages, read once: they do not change while the page is open. */
const browserLanguages: readonly string[] =
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

/** Preference first, then the browser's languages, without repeats. */
export function displayLanguagesFor(
  preference: string | null,
  fallback: readonly string[] = browserLanguages,
): readonly string[] {
  const list = preference ? [preference, ...fallback] : [...fallback];
  return [...new Set(list.filter((tag) => tag !== ''))];
}

/** Outside React (services, commands). Returns a new array on each call; in components use the hook. */
export function displayLanguagesOf(state: Pick<AppState, 'displayLanguage'>): readonly string[] {
  return displayLanguagesFor(state.displayLanguage);
}

/** The ordered preference list, stable between renders while the preference does not change. */
export function useDisplayLanguages(): readonly string[] {
  const preference = useAppStore((s) => s.displayLanguage);
  return useMemo(() => displayLanguagesFor(preference), [preference]);
}

/** The string to show for a label, summary or other language map (plain strings tolerated). */
export function useDisplayText(value: JsonValue | undefined): string {
  const languages = useDisplayLanguages();
  return displayStringOf(value, languages);
}

/** Sets the preference and remembers it for the next launch. */
export function chooseDisplayLanguage(tag: string | null): void {
  useAppStore.getState().setDisplayLanguage(tag);
  try {
    if (tag) localStorage.setItem(STORAGE_KEY, tag);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private windows, quotas); the preference then lasts for this session only.
  }
}

/** Restores the remembered preference, if any. */
export function restoreDisplayLanguage(): void {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) useAppStore.getState().setDisplayLanguage(saved);
  } catch {
    // See chooseDisplayLanguage.
  }
}

/**
 * The language new text is written in: the chosen display language as is, else the primary subtag of the
 * browser's first language ("en-GB" → "en"), which is how most collections key their maps.
 */
export function useEditingLanguage(): string {
  const preference = useAppStore((s) => s.displayLanguage);
  if (preference) return preference;
  const browser = browserLanguages[0]?.split('-')[0]?.toLowerCase();
  return browser && /^[a-z]{2,3}$/.test(browser) ? browser : 'en';
}
