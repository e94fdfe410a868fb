import { compile, type HtmlToTextOptions } from "html-to-text";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * react-email's `render` (HTML) and `toPlainText`, without what the send step never uses:
 * its module imports prettier at load for the `pretty` option (about half the send
 * step's bundle and its cold import). Same doctype and same plain-text rules.
 *
 * The HTML is React's static markup, rendered synchronously: what `render` gives
 * (a Suspense-wrapped `renderToReadableStream`, read back through a `Response`) minus
 * React's hydration comments (`<!-- -->` between text nodes, `<!--$-->`/`<!--/$-->`
 * around the Suspense boundary, `<!--html-->`, `<!--head-->`, `<!--body-->`), which
 * nothing reads in an email; the plain-text part is byte for byte the same. It costs
 * about a third less per email. The templates have no async components: one that
 * suspended would fail the render loudly ("A component suspended while responding to
 * synchronous input"), never send an email with a fallback in it.
 */
export function renderHtml(element: ReactElement): string {
  return `${DOCTYPE}${renderToStaticMarkup(element).replace(/<!DOCTYPE.*?>/, "")}`;
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** react-email's plain-text selectors: images and `data-skip-in-text` left out, links without brackets. */
const PLAIN_TEXT_SELECTORS: NonNullable<HtmlToTextOptions["selectors"]> = [
  { selector: "img", format: "skip" },
  { selector: "[data-skip-in-text=true]", format: "skip" },
  { selector: "a", options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
];

/**
 * react-email's `toPlainText` with `options` added, as a converter compiled once:
 * html-to-text's `convert` compiles its options (selectors into a decision tree) on
 * every call, which cost more than the conversion itself; `compile` gives the same
 * function to reuse. Compiled on first use, so importing the module stays cheap.
 */
export function plainTextConverter(options: HtmlToTextOptions = {}): (html: string) => string {
  let converter: ((html: string) => string) | undefined;
  return (html) => {
    converter ??= compile({
      wordwrap: false,
      ...options,
      selectors: [...PLAIN_TEXT_SELECTORS, ...(options.selectors ?? [])],
    });
    return converter(html);
  };
}
