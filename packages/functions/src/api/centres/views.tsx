import {
  type AuditEntry,
  type Centre,
  CHECKIN_ANSWER_LABELS,
  type CheckinAnswer,
  type CheckinKind,
  type Debrief,
  EMAIL_NAMES,
  type FieldErrors,
  type FormFields,
  linkPath,
  minGroupSizeOf,
} from "@debrief/core";
import { Checkbox, Select } from "../web/controls";
import { brandCssVersion } from "./brand";

/** The centre's stylesheet (its accent colour), for the head of its pages. */
export function BrandStyles({ centre }: { centre: Centre }) {
  return <link rel="stylesheet" href={`/c/${centre.slug}/brand.css?v=${brandCssVersion(centre.accentColour)}`} />;
}

/** The centre's name, logo and accent rule above its form (the accent comes from the centre's brand.css). */
export function CentreBanner({ centre }: { centre: Centre }) {
  return (
    <div class="centre-banner" data-centre={centre.slug}>
      {centre.logoUrl ? <img src={centre.logoUrl} alt={`${centre.displayName} logo`} height={48} /> : null}
      <p class="centre-name">
        Offered by <strong>{centre.displayName}</strong>
      </p>
    </div>
  );
}

/** The centre's own fields on its form: cohort, and the choice to share (off unless the student ticks it). */
export function CentreFields({ centre, values, errors }: { centre: Centre; values: FormFields; errors: FieldErrors }) {
  const picked = typeof values.cohort === "string" ? values.cohort : "";
  const shared = values.shareWithCentre === "on";
  return (
    <fieldset>
      <legend>{centre.displayName}</legend>
      {centre.cohorts.length > 0 ? (
        <Select
          id="cohort"
          name="cohort"
          label="Your programme or cohort"
          hint={`Optional. Counted only in anonymous totals of ${minGroupSizeOf(centre)} or more students.`}
          error={errors.cohort}
          value={picked}
          blank="Prefer not to say"
          options={centre.cohorts.map((c) => ({ value: c, label: c }))}
        />
      ) : null}
      <Checkbox
        id="shareWithCentre"
        name="shareWithCentre"
        checked={shared}
        label={`Share my debrief with my advisor at ${centre.displayName} (${centre.advisor.name})`}
        hint={`Off unless you tick it. Without it, ${centre.displayName} sees only anonymous totals, never your debrief. You can withdraw at any time from your page, which also lists every time an advisor opened it.`}
      />
    </fieldset>
  );
}

/** The student's view of their centre link: what is shared, who looked, and the switch to withdraw or share. */
export function CentreSharingPage({
  debrief,
  centreName,
  minGroupSize,
  audit,
  token,
  changed,
}: {
  debrief: Debrief;
  centreName: string;
  minGroupSize: number;
  audit: AuditEntry[];
  token: string;
  changed?: "withdrawn" | "shared";
}) {
  const shared = debrief.shareWithCentre === true;
  return (
    <>
      <h1>Sharing with {centreName}</h1>
      {changed ? (
        <div class="notice" role="status">
          <p>
            {changed === "withdrawn"
              ? `Done: ${centreName}'s advisors can no longer open your debrief.`
              : `Done: ${centreName}'s advisors can now open your debrief.`}
          </p>
        </div>
      ) : null}
      <p>
        {shared
          ? `Your advisors at ${centreName} can read this debrief. Every time they open it is listed below.`
          : `Your debrief is not shared. ${centreName} sees only anonymous totals of ${minGroupSize} or more students.`}
      </p>
      <form method="post" action={linkPath("page", token, "centre")}>
        <input type="hidden" name="share" value={shared ? "off" : "on"} />
        <button type="submit" class="primary">
          {shared ? "Stop sharing with my advisor" : "Share with my advisor"}
        </button>
      </form>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Who opened your debrief</h2>
        {audit.length === 0 ? (
          <p>No advisor has opened it.</p>
        ) : (
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((e) => (
                <tr>
                  <td>{e.at.slice(0, 16).replace("T", " ")}</td>
                  <td>
                    An advisor at {centreName} (
                    {[e.advisor, e.keyId ? `key ${e.keyId}` : undefined].filter(Boolean).join(", ")})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <a href={linkPath("page", token)}>Back to your debrief</a>
      </p>
    </>
  );
}

/** An outcome check-in link's landing page: one button records the answer (link scanners only ever GET). */
export function CheckinPage({
  token,
  kind,
  answer,
  state,
}: {
  token: string;
  kind: CheckinKind;
  answer: CheckinAnswer;
  state: "confirm" | "recorded" | "already-answered";
}) {
  const label = CHECKIN_ANSWER_LABELS[answer];
  return (
    <>
      <h1>Your news</h1>
      {state === "confirm" ? (
        <form method="post" action={linkPath("page", token, "checkin", kind, answer)}>
          <p>Record this answer to your {EMAIL_NAMES.checkin}?</p>
          <button type="submit" class="primary">
            {label}
          </button>
        </form>
      ) : (
        <div class="notice" role="status">
          <p>
            {state === "recorded"
              ? `Thank you: we recorded "${label}".`
              : `This ${EMAIL_NAMES.checkin} already has an answer; we kept the first one.`}
          </p>
        </div>
      )}
      <p>
        <a href={linkPath("page", token)}>Open your debrief</a>
      </p>
    </>
  );
}
