import type { Debrief } from "@debrief/core";

/** "Your data": the centre's sharing, the download, and deleting it all. */
export function DataSection({ debrief, base }: { debrief: Debrief; base: string }) {
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      {debrief.centre ? (
        <p>
          <a id="centre-sharing" href={`${base}/centre`}>
            {debrief.shareWithCentre ? "Shared with" : "Not shared with"}{" "}
            {debrief.centreSnapshot?.displayName ?? "your career centre"}: see who opened it, or change that
          </a>
        </p>
      ) : null}
      <p>
        <a id="download-data" href={`${base}/data.json`} download="my-debrief.json">
          Download my data (JSON)
        </a>
      </p>
      <form method="post" action={`${base}/delete`}>
        <label class="check">
          <input type="checkbox" id="delete-confirm" name="confirm" value="yes" required /> I understand that this
          deletes my debrief, my draft and this page for good.
        </label>
        <button type="submit" class="secondary" id="delete-data">
          Delete my data
        </button>
      </form>
    </section>
  );
}
