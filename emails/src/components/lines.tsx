/** @jsxImportSource react */

/** Splits text into pieces keyed by their character offset (stable for a given text, unlike a bare index). */
export function keyed(text: string, separator: RegExp): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  let offset = 0;
  for (const part of text.split(separator)) {
    out.push({ key: `${offset}`, text: part });
    offset += part.length + 1;
  }
  return out;
}

/** Text whose line breaks survive in HTML and in the plain-text part (html-to-text turns <br> into a newline). */
export function Lines({ text }: { text: string }) {
  return (
    <>
      {keyed(text, /\n/).map((line, i) => (
        <span key={line.key}>
          {i > 0 ? <br /> : null}
          {line.text}
        </span>
      ))}
    </>
  );
}
