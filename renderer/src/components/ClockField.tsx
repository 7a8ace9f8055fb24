/**
 * One end of a time span typed as a clock (hh:mm:ss.s, mm:ss or seconds, read by shared/iiif/time parseClock):
 * the Start or End field of TimeSpanFields and of the forms that make something new from a span.
 */
export function ClockField(props: {
  /** The visible caption: "Start", "End". */
  caption: string;
  /** The accessible name: "Clip 1 start". */
  label: string;
  value: string;
  onChange(text: string): void;
  invalid: boolean;
  /** The id of the message that says why it is invalid. */
  describedBy?: string | undefined;
  placeholder?: string;
}) {
  return (
    <label>
      {props.caption}
      <input
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-label={props.label}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid}
        inputMode="decimal"
        size={11}
        placeholder={props.placeholder}
      />
    </label>
  );
}
