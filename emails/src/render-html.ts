import { convert, type HtmlToTextOptions } from "html-to-text";
import { createElement, type ReactElement, Suspense } from "react";
import { renderToReadableStream } from "react-dom/server";

/**
 * react-email's `render` (HTML) and `toPlainText`, without what the send step never uses:
 * its module imports prettier at load for the `pretty` option (about half the send
 * step's bundle and its cold import). Same React render, same Suspense wrapper, same
 * doctype and same plain-text rules, so the output is byte for byte what `render` gives
 * (the golden files and snapshots check it).
 */
export async function renderHtml(element: ReactElement): Promise<string> {
  const stream = await renderToReadableStream(createElement(Suspense, null, element), {
    progressiveChunkSize: Number.POSITIVE_INFINITY,
  });
  await stream.allReady;
  const html = await new Response(stream).text();
  return `${DOCTYPE}${html.replace(/<!DOCTYPE.*?>/, "")}`;
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** react-email's plain-text selectors: images and `data-skip-in-text` left out, links without brackets. */
const PLAIN_TEXT_SELECTORS: NonNullable<HtmlToTextOptions["selectors"]> = [
  { selector: "img", format: "skip" },
  { selector: "[data-skip-in-text=true]", format: "skip" },
  { selector: "a", options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
];

export function toPlainText(html: string, options: HtmlToTextOptions = {}): string {
  return convert(html, {
    wordwrap: false,
    ...options,
    selectors: [...PLAIN_TEXT_SELECTORS, ...(options.selectors ?? [])],
  });
}
