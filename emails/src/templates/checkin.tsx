/** @jsxImportSource react */
import { type Checkin, EMAIL_NAMES } from "@debrief/core";
import { Heading, Link, Section, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { previewLinks } from "../preview";

export type CheckinEmailProps = { checkin: Checkin; pageUrl: string; notMe?: string };

const para = { fontSize: "15px", lineHeight: "24px" };
const answerRow = { margin: "8px 0" };
const answer = {
  display: "block",
  border: "1px solid #2f5d8a",
  borderRadius: "6px",
  padding: "10px 16px",
  color: "#2f5d8a",
  fontWeight: 700,
  textDecoration: "none",
};

/** The day-7 and day-14 outcome check-in: one question, one click per answer. */
export default function CheckinEmail({ checkin, pageUrl, notMe }: CheckinEmailProps) {
  return (
    <Layout
      name={EMAIL_NAMES.checkin}
      title={checkin.subject}
      preview={checkin.question}
      pageUrl={pageUrl}
      notMe={notMe}
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {checkin.subject}
      </Heading>
      <Text style={para}>{checkin.question}</Text>
      {/* One paragraph per answer: links that touch read as one word ("No reply yetI got…") to a
          plain-text reader and to spam filters (SpamAssassin's HTML_OBFUSCATE_05_10). */}
      <Section>
        {checkin.answers.map((a) => (
          <Text key={a.answer} style={answerRow}>
            <Link href={a.url} style={answer}>
              {a.label}
            </Link>
          </Text>
        ))}
      </Section>
      <Text style={{ ...para, color: "#52606d" }}>
        Pick an answer and confirm it on the page that opens. Your career centre sees answers only in anonymous totals
        of five or more students, unless you chose to share your debrief.
      </Text>
    </Layout>
  );
}

CheckinEmail.PreviewProps = {
  checkin: {
    subject: "Any news from Fernhill Transit?",
    question:
      "It has been about 7 days since your interview for the Scheduling Analyst role at Fernhill Transit. Where do things stand?",
    answers: [
      {
        answer: "no_reply",
        label: "No reply yet",
        url: "http://localhost:3000/d/preview-token/checkin/checkin7/no_reply",
      },
      {
        answer: "second_interview",
        label: "I got a second interview",
        url: "http://localhost:3000/d/preview-token/checkin/checkin7/second_interview",
      },
      {
        answer: "offer",
        label: "I got an offer",
        url: "http://localhost:3000/d/preview-token/checkin/checkin7/offer",
      },
      {
        answer: "rejected",
        label: "They said no",
        url: "http://localhost:3000/d/preview-token/checkin/checkin7/rejected",
      },
      {
        answer: "stop",
        label: "Stop asking",
        url: "http://localhost:3000/d/preview-token/checkin/checkin7/stop",
      },
    ],
  },
  pageUrl: previewLinks.page,
} satisfies CheckinEmailProps;
