/** @jsxImportSource react */
import { ADVISOR_SITUATION_LABELS, type WeeklyDigest } from "@debrief/core";
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { colors, textLink } from "../components/layout";

export type WeeklyDigestEmailProps = { digest: WeeklyDigest };

const body = { backgroundColor: colors.wash, fontFamily: "Helvetica, Arial, sans-serif", color: colors.ink, margin: 0 };
const container = { backgroundColor: colors.paper, maxWidth: "600px", margin: "24px auto", padding: "32px" };
const para = { fontSize: "15px", lineHeight: "24px" };
const figure = { fontSize: "15px", lineHeight: "24px", margin: "4px 0" };
const footer = { color: colors.muted, fontSize: "13px", lineHeight: "20px" };
const button = {
  backgroundColor: colors.accent,
  color: colors.paper,
  borderRadius: "6px",
  padding: "12px 20px",
  fontWeight: 700,
  textDecoration: "none",
};

const percent = (v: number | null) => (v === null ? "hidden" : `${Math.round(v * 100)}%`);
const situationLabel = (key: string) => ADVISOR_SITUATION_LABELS[key as keyof typeof ADVISOR_SITUATION_LABELS] ?? key;

/** The subject of the Monday email (one line). */
export const weeklyDigestSubject = (d: WeeklyDigest) => `${d.centreName}: the week of ${d.from} in figures`;

/** The Monday email to an advisor who asked for it: last week's figures, and the way to the page. */
export default function WeeklyDigestEmail({ digest: d }: WeeklyDigestEmailProps) {
  const subject = weeklyDigestSubject(d);
  const students =
    d.students === null
      ? `Fewer students than your centre shows (${d.minGroupSize}) debriefed in a way that can be counted, or the number is hidden so that no student can be singled out.`
      : `${d.students} new student${d.students === 1 ? "" : "s"} debriefed an interview.`;
  return (
    <Html lang="en">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{`Week ${d.week}: ${students}`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: "22px" }}>
            {d.centreName}, {d.from} to {d.to}
          </Heading>
          <Text style={para}>
            Hello {d.advisorName}, here is week {d.week} at {d.centreName}. {students}
          </Text>
          <Section>
            <Text style={figure}>Letter sent: {percent(d.rates.letterSent)}</Text>
            <Text style={figure}>Second interview: {percent(d.rates.secondInterview)}</Text>
            <Text style={figure}>Offer: {percent(d.rates.offer)}</Text>
          </Section>
          {d.situations.length > 0 ? (
            <Text style={para}>
              What went wrong most:{" "}
              {d.situations.map((s) => `${situationLabel(s.key)} (${percent(s.rate)})`).join(", ")}.
            </Text>
          ) : null}
          <Text style={para}>
            Each student counts once; a figure is hidden when it would count fewer than {d.minGroupSize} students or let
            such a number be worked out. Outcomes come in over the following weeks.
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={d.pageUrl} style={button}>
              Open the week's insights
            </Button>
          </Section>
          <Hr />
          <Text style={footer}>
            You get this email every Monday because you asked for it on your centre's Team and keys page.{" "}
            <Link href={d.unsubscribeUrl} style={textLink}>
              Stop these emails
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

WeeklyDigestEmail.PreviewProps = {
  digest: {
    centreName: "Northfield University Careers",
    advisorName: "Morgan Ellery",
    week: "2026-W49",
    from: "2026-11-30",
    to: "2026-12-06",
    minGroupSize: 10,
    students: 42,
    rates: { letterSent: 0.619, secondInterview: 0.238, offer: null },
    situations: [
      { key: "nerves", rate: 0.524 },
      { key: "blanked", rate: 0.31 },
      { key: "rambling", rate: 0.262 },
    ],
    pageUrl: "http://localhost:3000/c/northfield/admin?from=2026-W49&to=2026-W49",
    unsubscribeUrl: "http://localhost:3000/c/northfield/admin/digest/unsubscribe/preview-token",
  },
} satisfies WeeklyDigestEmailProps;
