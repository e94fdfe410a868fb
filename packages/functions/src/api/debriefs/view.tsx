import type { FieldErrors, FormFields } from "@debrief/core";
import type { Child } from "hono/jsx";
import { Checkbox, ErrorSummary, Field, FormMessage, LabelledControl, Select } from "../web/controls";
import { FORM_COPY } from "./copy";
import { errorsInPageOrder, type FieldSpec, FORM_SECTIONS, fieldsOf, type Row, summaryText } from "./fields";
import { type FormGuard, FormGuardFields } from "./guard";
import { RepeatedRows, rowId } from "./rows";
import { formScript } from "./script";
import { TimeZoneControl } from "./time-zone-control";

export type FormState = {
  values: FormFields;
  /** Field errors, keyed by field path. */
  errors?: FieldErrors;
  /** A message about the whole form (refused, expired, too long, not saved). */
  message?: string;
  /**
   * The values are not the candidate's (a new form, or one whose body could not be read):
   * the script may put back the draft this browser kept.
   */
  restoreDraft?: boolean;
};

/** The hidden field in which the script keeps the ids of the parts and rows the candidate opened. */
export const OPENED_FIELD = "opened";

const fieldValue = (values: FormFields, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};
const isChecked = (values: FormFields, name: string, value: string): boolean => {
  const v = values[name];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

export const formTitle = (s: FormState) =>
  Object.keys(s.errors ?? {}).length ? FORM_COPY.titleWithErrors : FORM_COPY.title;

function Control({ f, s, error }: { f: FieldSpec; s: FormState; error?: string }) {
  const common = { id: f.name, name: f.name, label: f.label, hint: f.hint, error, required: f.required };
  const value = fieldValue(s.values, f.name);
  switch (f.kind) {
    case "text":
    case "email":
    case "url":
    case "date":
    case "time":
      return <Field {...common} type={f.kind} value={value} autocomplete={f.autocomplete} maxlength={f.maxlength} />;
    case "textarea": {
      // A polite status the script fills in once the text passes what the letter takes.
      const status = f.longAfter ? `long-${f.name.replace(/\./g, "-")}` : undefined;
      return (
        <Field
          {...common}
          value={value}
          rows={f.rows ?? 3}
          maxlength={f.maxlength}
          attrs={f.longAfter ? { "data-long-after": String(f.longAfter), "data-long-status": status } : undefined}
          after={
            f.longAfter ? (
              <p class="hint" id={status} aria-live="polite" data-message={FORM_COPY.longExample(f.longAfter)} />
            ) : undefined
          }
        />
      );
    }
    case "lines":
      return <Field {...common} value={value} rows={3} />;
    case "timeZone":
      return <TimeZoneControl {...common} value={value} detect={f.detect} />;
    case "select":
      return <Select {...common} value={value} options={f.options} blank={f.blank} />;
    case "checkbox":
      return <Checkbox {...common} checked={isChecked(s.values, f.name, "on")} />;
    case "checks":
      return (
        // The legend of its fieldset labels the group; each box has its own label.
        <LabelledControl
          {...common}
          label={null}
          control={(aria) => (
            <div class="checks" id={aria.id} aria-describedby={aria["aria-describedby"]}>
              {f.options.map((o) => (
                <label class="check">
                  <input type="checkbox" name={f.name} value={o.value} checked={isChecked(s.values, f.name, o.value)} />{" "}
                  {o.label}
                </label>
              ))}
            </div>
          )}
        />
      );
  }
}

/** What decides whether a part or an extra row starts open. */
type Opening = {
  /** The ids the candidate had opened (the script's hidden field). */
  opened: Set<string>;
  /** A field whose value differs from a new form's, or that shows an error. */
  filled: (f: FieldSpec) => boolean;
};

function Item({
  item,
  s,
  errorOf,
  opening,
}: {
  item: Row;
  s: FormState;
  errorOf: (name: string) => string | undefined;
  opening: Opening;
}) {
  const one = (f: FieldSpec) => <Control f={f} s={s} error={errorOf(f.name)} />;
  const nested = (r: Row) => <Item item={r} s={s} errorOf={errorOf} opening={opening} />;
  if ("row" in item) return <div class="row">{item.row.map(one)}</div>;
  if ("group" in item) {
    return (
      <div class="group">{item.group.map((g) => ("row" in g ? <div class="row">{g.row.map(one)}</div> : one(g)))}</div>
    );
  }
  if ("part" in item) {
    const { id, heading, hint, items } = item.part;
    const open = opening.opened.has(id) || items.flatMap(fieldsOf).some(opening.filled);
    return (
      <details class="part" id={id} open={open}>
        <summary>{heading}</summary>
        {hint ? <p class="hint">{hint}</p> : null}
        {items.map(nested)}
      </details>
    );
  }
  if ("repeat" in item) {
    const { id, add, rows } = item.repeat;
    return (
      <RepeatedRows
        id={id}
        add={add}
        rows={rows.map(nested)}
        open={(i) => opening.opened.has(rowId(id, i)) || fieldsOf(rows[i] as Row).some(opening.filled)}
      />
    );
  }
  return one(item);
}

/** The debrief form: the field table rendered, with the error summary or the form's message above it. */
export function DebriefForm({
  state,
  guard,
  centre,
}: {
  state: FormState;
  /** The abuse guard's hidden fields (ticket, honeypot, bot check). */
  guard?: FormGuard;
  /** A career centre's branded form (/c/{slug}): its banner, where to post, and its own fields. */
  centre?: { action: string; banner: Child; fields: Child };
}) {
  const ordered = errorsInPageOrder(state.errors ?? {});
  // Each field shows the first error that belongs to it; an error no field can show joins the form's message.
  const shown = new Map<string, string>();
  const unplaced: string[] = [];
  for (const e of ordered) {
    if (!e.field) unplaced.push(e.message);
    else if (!shown.has(e.field.name)) shown.set(e.field.name, e.message);
  }
  const message = [state.message, ...unplaced].filter(Boolean).join(" ") || undefined;
  const opening: Opening = {
    opened: new Set(fieldValue(state.values, OPENED_FIELD).split(/\s+/).filter(Boolean)),
    filled: (f) => {
      if (shown.has(f.name)) return true;
      const v = state.values[f.name];
      const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x.trim() !== "");
      return values.length > 0 && !(values.length === 1 && values[0] === f.initial);
    },
  };
  return (
    <>
      {centre?.banner}
      <h1>{FORM_COPY.title}</h1>
      <p class="lede">{FORM_COPY.lede}</p>
      <FormMessage heading={FORM_COPY.messageHeading} message={message} />
      <ErrorSummary
        heading={FORM_COPY.summaryHeading(ordered.filter((e) => e.field).length)}
        items={ordered.flatMap((e) =>
          e.field ? [{ href: `#${e.field.name}` as const, text: summaryText(e.field, e.message) }] : [],
        )}
      />
      <form
        method="post"
        action={centre?.action ?? "/"}
        novalidate
        data-draft="debrief"
        data-restore-draft={state.restoreDraft ? "" : undefined}
      >
        {guard ? <FormGuardFields {...guard} /> : null}
        <input type="hidden" name={OPENED_FIELD} value={[...opening.opened].join(" ")} />
        {FORM_SECTIONS.map((section) => (
          <fieldset>
            <legend>{section.legend}</legend>
            {section.hint ? <p class="hint">{section.hint}</p> : null}
            {section.items.map((item) => (
              <Item item={item} s={state} errorOf={(name) => shown.get(name)} opening={opening} />
            ))}
          </fieldset>
        ))}
        {centre?.fields}
        <button type="submit" class="primary">
          {FORM_COPY.submit}
        </button>
      </form>
      <script src={formScript.path} defer />
    </>
  );
}
