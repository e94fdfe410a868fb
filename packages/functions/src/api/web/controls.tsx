import type { Child } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";

/** `interview.interviewer.name` → `interview-interviewer-name`, for hint and error ids. */
const idPart = (name: string) => name.replace(/\./g, "-");
export const errorId = (id: string) => `err-${idPart(id)}`;
export const hintId = (id: string) => `hint-${idPart(id)}`;

/** What every control carries so a screen reader hears its label, hint and error together. */
export type ControlAria = {
  id: string;
  "aria-invalid"?: "true";
  "aria-describedby"?: string;
};

type Labelled = {
  /** The control's id, which its label points at; also the anchor the error summary links to. */
  id: string;
  label: Child;
  hint?: Child;
  error?: string;
  required?: boolean;
  /** Shown after the control, inside its field (a live status the page's script fills in). */
  after?: Child;
};

/**
 * The one labelled control: label, optional hint, the error (if any) and the control,
 * wired with `for`, `aria-describedby` and `aria-invalid`. Field, Select and Checkbox are built on it.
 * `inline` puts the control inside its label (a checkbox) instead of below it; a `null`
 * label leaves the labelling to the control (a group of checkboxes under its legend).
 */
export function LabelledControl({
  id,
  label,
  hint,
  error,
  required,
  inline,
  control,
  after,
}: Labelled & { inline?: boolean; control: (aria: ControlAria) => JSX.Element }) {
  const hintRef = hint ? hintId(id) : undefined;
  const errorRef = error ? errorId(id) : undefined;
  const aria: ControlAria = {
    id,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": [hintRef, errorRef].filter(Boolean).join(" ") || undefined,
  };
  const hintEl = hint ? (
    <p class="hint" id={hintRef}>
      {hint}
    </p>
  ) : null;
  const errorEl = error ? (
    <p class="error" id={errorRef}>
      {error}
    </p>
  ) : null;
  return (
    <div class={error ? "field has-error" : "field"}>
      {inline ? (
        <>
          {errorEl}
          <label class="check">
            {control(aria)} {label}
          </label>
          {hintEl}
        </>
      ) : (
        <>
          {label === null ? null : (
            <label for={id}>
              {label}
              {required ? <span class="req"> (required)</span> : null}
            </label>
          )}
          {hintEl}
          {errorEl}
          {control(aria)}
          {after}
        </>
      )}
    </div>
  );
}

type FieldProps = Labelled & {
  name: string;
  value: string;
  type?: string;
  autocomplete?: string;
  maxlength?: number;
  /** A textarea of this many rows instead of an input. */
  rows?: number;
  /** Extra attributes for the input (a datalist, a data hook for the script). */
  attrs?: Record<string, string | undefined>;
};

/** A text input or textarea. */
export function Field({ name, value, type = "text", autocomplete, maxlength, rows, attrs, ...labelled }: FieldProps) {
  return (
    <LabelledControl
      {...labelled}
      control={(aria) =>
        rows ? (
          <textarea {...aria} name={name} required={labelled.required} maxlength={maxlength} rows={rows} {...attrs}>
            {value}
          </textarea>
        ) : (
          <input
            {...aria}
            name={name}
            type={type}
            value={value}
            required={labelled.required}
            autocomplete={autocomplete}
            maxlength={maxlength}
            {...attrs}
          />
        )
      }
    />
  );
}

export type Option = { value: string; label: string };

/** A select; `blank` adds a first option with an empty value. */
export function Select({
  name,
  value,
  options,
  blank,
  ...labelled
}: Labelled & { name: string; value: string; options: readonly Option[]; blank?: string }) {
  return (
    <LabelledControl
      {...labelled}
      control={(aria) => (
        <select {...aria} name={name}>
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option value={o.value} selected={value === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** One checkbox, its label beside it. */
export function Checkbox({
  name,
  value = "on",
  checked,
  ...labelled
}: Labelled & { name: string; value?: string; checked: boolean }) {
  return (
    <LabelledControl
      {...labelled}
      inline
      control={(aria) => (
        <input {...aria} type="checkbox" name={name} value={value} checked={checked} required={labelled.required} />
      )}
    />
  );
}

export type SummaryItem = { href: `#${string}`; text: string };

/**
 * The problems of a form, each a link to the control in error. autofocus moves focus
 * here even with JavaScript off; the page's script focuses it too.
 */
export function ErrorSummary({ heading, items }: { heading: string; items: SummaryItem[] }) {
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary" autofocus>
      <h2>{heading}</h2>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A message about the whole form (refused, expired, too long, not saved): not a field's
 * error, so it links nowhere. Focused like the error summary.
 */
export function FormMessage({ heading, message }: { heading: string; message?: string }) {
  if (!message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="form-message" autofocus>
      <h2>{heading}</h2>
      <p>{message}</p>
    </div>
  );
}
