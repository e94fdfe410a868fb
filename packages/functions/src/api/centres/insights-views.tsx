import { type CentreStats, FUNNEL_STAGES, type FunnelRow, type FunnelStage } from "@debrief/core";

const STAGE_LABELS: Record<FunnelStage, string> = {
  students: "Students",
  letterSent: "Letter sent",
  secondInterview: "Second interview",
  offer: "Offer",
};

/** A count, or why it is not shown. */
const shown = (v: number | null) => (v === null ? "hidden" : String(v));

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
              <th scope="row">{r.group}</th>
              {FUNNEL_STAGES.map((s) => (
                <td>{shown(r[s])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The centre's figures: distinct students, small groups hidden. */
export function InsightsPage({ stats }: { stats: CentreStats }) {
  return (
    <>
      <p>
        Each student counts once, however many debriefs they sent, and only once they used a link from their email.
        Groups of fewer than {stats.minGroupSize} students are hidden, and so is any figure they could be worked out
        from.
      </p>
      {stats.weeks.length === 0 ? (
        <p>No students yet.</p>
      ) : (
        <>
          <FunnelTable caption="By week of first debrief" groupLabel="Week" rows={stats.weeks} />
          <FunnelTable caption="By cohort" groupLabel="Cohort" rows={stats.cohorts} />
        </>
      )}
    </>
  );
}
