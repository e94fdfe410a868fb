import type { Draft } from "./draft";
import { oneLine } from "./text";

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** RFC 2047 encoded-words, each under 75 characters, never splitting a character. */
function encodedWords(s: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch) > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString("base64")}?=`).join("\r\n ");
}

/** RFC 5322 2.2.3: a long header is folded at spaces, so no line passes 78 characters. */
function foldAscii(name: string, value: string): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(" ")) {
    if (line.length + 1 + word.length > 76 && line.trim().length > 0 && line !== `${name}:`) {
      lines.push(line);
      line = "";
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join("\r\n");
}

const header = (name: string, value: string) => {
  const v = oneLine(value);
  return isAscii(v) ? foldAscii(name, v) : `${name}: ${encodedWords(v)}`;
};

function mailbox(address: string, name?: string): string {
  if (!name) return address;
  const clean = oneLine(name);
  const display = isAscii(clean) ? `"${clean.replace(/["\\]/g, "\\$&")}"` : encodedWords(clean);
  return `${display} <${address}>`;
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text.replace(/\r?\n/g, "\r\n"), "utf8").toString("base64");
  return b64.match(/.{1,76}/g)?.join("\r\n") ?? "";
}

export type EmlOptions = { to?: { address: string; name?: string }; date: Date };

/**
 * The letter as an unsent email message (RFC 5322 + MIME): mail programs open it
 * as a draft ready to send from the candidate's own mailbox. No From: the
 * candidate's program fills it in.
 */
export function letterEml(draft: Draft, opts: EmlOptions): string {
  const headers = [
    ...(opts.to ? [`To: ${mailbox(opts.to.address, opts.to.name)}`] : []),
    header("Subject", draft.subject),
    `Date: ${opts.date.toUTCString().replace("GMT", "+0000")}`,
    // Outlook and Apple Mail open a message with this header as a draft to send.
    "X-Unsent: 1",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${base64Lines(draft.body)}\r\n`;
}
