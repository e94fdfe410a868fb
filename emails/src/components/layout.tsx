/** @jsxImportSource react */
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const colors = { ink: "#1f2933", muted: "#52606d", accent: "#2f5d8a", paper: "#ffffff", wash: "#f4f6f8" };

const body = { backgroundColor: colors.wash, fontFamily: "Helvetica, Arial, sans-serif", color: colors.ink, margin: 0 };
const container = { backgroundColor: colors.paper, maxWidth: "600px", margin: "24px auto", padding: "32px" };
const footer = { color: colors.muted, fontSize: "13px", lineHeight: "20px" };
// Underlined and in the accent colour: a link inside text must not rely on colour alone, and must contrast 4.5:1.
export const link = { color: colors.accent, textDecoration: "underline" };

export type LayoutProps = { preview: string; pageUrl: string; children: ReactNode };

/** The frame every Interview Debrief email shares: preview text, body and a footer linking the candidate's page. */
export function Layout({ preview, pageUrl, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {children}
          <Hr />
          <Section>
            <Text style={footer}>
              Your debrief and these emails are yours to manage:{" "}
              <Link href={pageUrl} style={link}>
                open your page
              </Link>{" "}
              to edit the draft, mark it sent or stop these emails.
            </Text>
            <Text style={footer}>Interview Debrief never contacts your interviewer.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
