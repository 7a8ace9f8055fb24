/**
 * Whether this browser can play a declared media format, as its media elements answer (canPlayType: "probably"
 * or "maybe" is yes, "" is no). The player asks it to choose among the items of a Choice; answers are kept,
 * since a player renders often and a manifest names few formats.
 */
const answers = new Map<string, boolean>();

export function canPlayFormat(format: string): boolean {
  let answer = answers.get(format);
  if (answer === undefined) {
    answer = document.createElement('video').canPlayType(format) !== '';
    answers.set(format, answer);
  }
  return answer;
}
