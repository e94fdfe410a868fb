/** @jsxImportSource react */
import type { EmailLinks } from "@debrief/core";
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const colors = { ink: "#1f2933", muted: "#52606d", accent: "#2f5d8a", paper: "#ffffff", wash: "#f4f6f8" };

const body = { backgroundColor: colors.wash, fontFamily: "Helvetica, Arial, sans-serif", color: colors.ink, margin: 0 };
const container = { backgroundColor: colors.paper, maxWidth: "600px", margin: "24px auto", padding: "32px" };
const footer = { color: colors.muted, fontSize: "13px", lineHeight: "20px" };
const actionLink = { color: colors.accent, fontWeight: 700 };
/** A link inside a sentence: underlined (not colour alone) and in the accent colour (7:1, not the default 4:1 blue). */
export const textLink = { color: colors.accent, textDecorationLine: "underline" };

export const ACTION_LABELS = {
  sent: "I sent it",
  snooze: "Snooze a day",
  stop: "Stop emails",
  delete: "Delete my data",
} as const;

export type LayoutProps = {
  /** Which email this is, by the name the pages and the README give it (core EMAIL_NAMES). */
  name: string;
  /** The document's <title>: the email's subject (an empty head reads as a careless page to tidy and to filters). */
  title: string;
  preview: string;
  pageUrl: string;
  /** One-use links shown in the footer, in this order. */
  actions?: EmailLinks["actions"];
  /** The "this wasn't me" link (a token that can do only that); without it the line is left out. */
  notMe?: string;
  children: ReactNode;
};

/** The frame every Interview Debrief email shares: preview text, body, one-use action links and a footer. */
export function Layout({ name, title, preview, pageUrl, actions, notMe, children }: LayoutProps) {
  const links = (Object.keys(ACTION_LABELS) as (keyof typeof ACTION_LABELS)[]).filter((a) => actions?.[a]);
  return (
    <Html lang="en">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {children}
          <Hr />
          <Section>
            {links.length > 0 ? (
              <Text style={footer}>
                {links.map((a, i) => (
                  <span key={a}>
                    {i > 0 ? " · " : ""}
                    <Link href={actions?.[a]} style={actionLink}>
                      {ACTION_LABELS[a]}
                    </Link>
                  </span>
                ))}
              </Text>
            ) : null}
            <Text style={footer}>
              Your debrief and these emails are yours to manage:{" "}
              <Link href={pageUrl} style={textLink}>
                open your page
              </Link>{" "}
              to edit the draft, download your data or delete it. Each link above works once.
            </Text>
            <Text style={footer}>
              This is your {name} from Interview Debrief, which never contacts your interviewer.
            </Text>
            {notMe ? (
              <Text style={footer}>
                Did not fill in a debrief? Someone may have typed your address:{" "}
                <Link href={notMe} style={{ color: colors.accent, textDecorationLine: "underline" }}>
                  this wasn't me
                </Link>
                , and we will never email you again.
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
