import { Body, Html, render, Text, toPlainText } from "@react-email/components";
import { createElement } from "react";

/**
 * Baseline of figure 4: react-email's render of a one-paragraph email, HTML and its
 * plain-text conversion: the floor of any react-email render.
 */
export async function renderMinimal() {
  const element = createElement(Html, null, createElement(Body, null, createElement(Text, null, "Hello")));
  const html = await render(element);
  return { subject: "Hello", html, text: toPlainText(html) };
}
