import type { Child } from "hono/jsx";

/**
 * The form's one row pattern, for every repeated entry (questions, challenges, work samples,
 * references; a panel's interviewers next): the first row shown, each next row inside a
 * `<details>` nested in the one before, whose summary is the "Add another …" button. So one
 * button shows at a time, rows open in order, and it all works without JavaScript (the summary
 * hides once its row is open: CSS `.more-row[open] > summary`). Every row is in the page, so a
 * refused form comes back with each typed value in place; a row opens when it, or a row after
 * it, holds a value or an error, or the candidate had opened it (the script keeps the open
 * rows and parts in the hidden `opened` field). With JavaScript, opening a row moves focus to
 * its first field.
 */
export function RepeatedRows({
  id,
  add,
  rows,
  open,
}: {
  /** The rows' name (`questions`): row i + 1's `<details>` is `questions-row-{i + 1}`. */
  id: string;
  /** The button's words: "Add another question". */
  add: string;
  rows: Child[];
  /** Whether row i (from 1) starts open. */
  open: (i: number) => boolean;
}) {
  const nested = (i: number): Child => {
    if (i >= rows.length) return null;
    // A row stays open when a later one does: a closed <details> hides all it holds.
    const isOpen = rows.some((_, j) => j >= i && open(j));
    return (
      <details class="more-row" id={rowId(id, i)} open={isOpen}>
        <summary>{add}</summary>
        {rows[i]}
        {nested(i + 1)}
      </details>
    );
  };
  return (
    <div class="rows" id={`${id}-rows`}>
      {rows[0]}
      {nested(1)}
    </div>
  );
}

/** The `<details>` of row i (from 1) of the rows `id`. */
export const rowId = (id: string, i: number) => `${id}-row-${i + 1}`;
