import {
  ADVISOR_QUESTION_LABELS,
  ADVISOR_SITUATION_LABELS,
  type CentreInsights,
  type FieldErrors,
  FUNNEL_STAGES,
  type FunnelRow,
  type FunnelStage,
  type InsightsFilter,
  RATE_STAGES,
  type RateStage,
  type ShareRow,
  UNSPECIFIED_COHORT,
} from "@debrief/core";
import { Select } from "../web/controls";
import { adminPath } from "./admin-views";
import { BarChart, ColumnChart, GroupedBarChart, type Series } from "./charts";

const STAGE_LABELS: Record<FunnelStage, string> = {
  students: "Students",
  letterSent: "Letter sent",
  secondInterview: "Second interview",
  offer: "Offer",
};
const SERIES: Series[] = RATE_STAGES.map((s, i) => ({ name: STAGE_LABELS[s], className: `series-${i + 1}` }));

const SITUATION_LABELS: Record<string, string> = ADVISOR_SITUATION_LABELS;
const QUESTION_LABELS: Record<string, string> = ADVISOR_QUESTION_LABELS;
const labelOf = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const cohortLabel = (group: string) => (group === UNSPECIFIED_COHORT ? "No cohort given" : group);

const count = (v: number | null) => (v === null ? "hidden" : String(v));
const percent = (v: number | null) => (v === null ? "hidden" : `${Math.round(v * 100)}%`);
const withRate = (n: number | null, rate: number | null) =>
  n === null ? "hidden" : rate === null ? String(n) : `${n} (${percent(rate)})`;

/** The query string of a filter, for links that keep it (exports). */
export function filterQuery(filter: InsightsFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : "";
}

function FilterForm({
  slug,
  cohorts,
  weeks,
  values,
  errors,
}: {
  slug: string;
  cohorts: string[];
  weeks: string[];
  values: { cohort?: string; from?: string; to?: string };
  errors: FieldErrors;
}) {
  const weekOptions = weeks.map((w) => ({ value: w, label: w }));
  return (
    <form method="get" action={adminPath(slug)} class="filters" aria-label="Filter the figures">
      <Select
        id="cohort"
        name="cohort"
        label="Cohort"
        value={values.cohort ?? ""}
        blank="All cohorts"
        error={errors.cohort}
        options={[...cohorts, UNSPECIFIED_COHORT].map((c) => ({ value: c, label: cohortLabel(c) }))}
      />
      <Select
        id="from"
        name="from"
        label="From week"
        value={values.from ?? ""}
        blank="The first"
        error={errors.from}
        options={weekOptions}
      />
      <Select
        id="to"
        name="to"
        label="To week"
        value={values.to ?? ""}
        blank="The latest"
        error={errors.to}
        options={weekOptions}
      />
      <button type="submit">Show</button>
    </form>
  );
}

function FunnelTable({ caption, groupLabel, rows }: { caption: string; groupLabel: string; rows: FunnelRow[] }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {FUNNEL_STAGES.map((s) => (
              <th scope="col">{STAGE_LABELS[s]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{groupLabel === "Cohort" ? cohortLabel(r.group) : r.group}</th>
              <td>{count(r.students)}</td>
              {RATE_STAGES.map((s: RateStage) => (
                <td>{withRate(r[s], r.rates[s])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ShareTable({
  caption,
  what,
  rows,
  labels,
}: {
  caption: string;
  what: string;
  rows: ShareRow[];
  labels: Record<string, string>;
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{what}</th>
            <th scope="col">Students</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{labelOf(labels, r.key)}</th>
              <td>{count(r.students)}</td>
              <td>{percent(r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart and its table side by side (stacked on a phone), under one heading. */
function Pair({ id, heading, chart, table }: { id: string; heading: string; chart: unknown; table: unknown }) {
  return (
    <section class="chart-pair" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div class="pair">
        <figure>{chart as string}</figure>
        {table as string}
      </div>
    </section>
  );
}

/**
 * The centre's insights: a filter form (a GET), then each figure as a chart with its table,
 * and the exports. Every figure is in distinct students and suppressed as disclosure.ts says.
 */
export function InsightsPage({
  slug,
  cohorts,
  weeks,
  insights,
  query,
  errors = {},
}: {
  slug: string;
  cohorts: string[];
  /** The weeks a filter may start or end at (every week with students). */
  weeks: string[];
  insights: CentreInsights;
  query: { cohort?: string; from?: string; to?: string };
  errors?: FieldErrors;
}) {
  const q = filterQuery(insights.filter);
  const where = [
    insights.filter.cohort ? cohortLabel(insights.filter.cohort) : "all cohorts",
    insights.filter.from || insights.filter.to
      ? `weeks ${insights.filter.from ?? "from the first"} to ${insights.filter.to ?? "the latest"}`
      : "every week",
  ].join(", ");
  const shares = (rows: ShareRow[], labels: Record<string, string>) =>
    rows.map((r) => ({ label: labelOf(labels, r.key), value: r.rate }));
  return (
    <div class="insights">
      <p>
        Each student counts once, however many debriefs they sent, in the week of their first, and only once they used a
        link from their email. A figure is hidden when it would count fewer than {insights.minGroupSize} students
        anywhere in a week and cohort, or let such a number be worked out from the others.
      </p>
      <FilterForm slug={slug} cohorts={cohorts} weeks={weeks} values={query} errors={errors} />
      <p class="shown-for" role="status">
        Showing {where}:{" "}
        {insights.students === null ? "the number of students is hidden" : `${insights.students} students`}. Download
        these figures as <a href={adminPath(slug, `/export.csv${q}`)}>CSV</a> or{" "}
        <a href={adminPath(slug, `/export.json${q}`)}>JSON</a> (recorded in the centre's log).
      </p>
      {insights.weeks.length === 0 ? (
        <p>No students in this selection yet.</p>
      ) : (
        <>
          <Pair
            id="per-week"
            heading="Students per week, and how far they got"
            chart={
              <>
                <ColumnChart
                  id="chart-per-week"
                  title={`Students per week, ${where}`}
                  bars={insights.weeks.map((r) => ({ label: r.group, value: r.students }))}
                />
                <GroupedBarChart
                  id="chart-by-week"
                  title={`Share of students who sent the letter, got a second interview, got an offer, by week, ${where}`}
                  series={SERIES}
                  groups={insights.weeks.map((r) => ({ label: r.group, values: RATE_STAGES.map((s) => r.rates[s]) }))}
                />
              </>
            }
            table={
              <FunnelTable caption="Students and how far they got, by week" groupLabel="Week" rows={insights.weeks} />
            }
          />
          <Pair
            id="by-cohort"
            heading="Letter sent, second interview and offer, by cohort"
            chart={
              <GroupedBarChart
                id="chart-by-cohort"
                title={`Share of students who sent the letter, got a second interview, got an offer, by cohort, ${where}`}
                series={SERIES}
                groups={insights.cohorts.map((r) => ({
                  label: cohortLabel(r.group),
                  values: RATE_STAGES.map((s) => r.rates[s]),
                }))}
              />
            }
            table={
              <FunnelTable
                caption="Students and how far they got, by cohort"
                groupLabel="Cohort"
                rows={insights.cohorts}
              />
            }
          />
          <Pair
            id="situations"
            heading="What went wrong"
            chart={
              <BarChart
                id="chart-situations"
                title={`Share of students reporting each situation, ${where}`}
                bars={shares(insights.situations, SITUATION_LABELS)}
                percent
              />
            }
            table={
              <ShareTable
                caption="Students per situation (one student may report several)"
                what="Situation"
                rows={insights.situations}
                labels={SITUATION_LABELS}
              />
            }
          />
          <Pair
            id="questions"
            heading="Kinds of question students fumbled"
            chart={
              <BarChart
                id="chart-questions"
                title={`Share of students who fumbled each kind of question, ${where}`}
                bars={shares(insights.questionTypes, QUESTION_LABELS)}
                percent
              />
            }
            table={
              <ShareTable
                caption="Students per kind of question"
                what="Kind of question"
                rows={insights.questionTypes}
                labels={QUESTION_LABELS}
              />
            }
          />
        </>
      )}
    </div>
  );
}
