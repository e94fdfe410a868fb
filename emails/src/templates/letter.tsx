/** @jsxImportSource react */
import { composeLetter, type Letter } from "@debrief/core";
import { Heading, Section, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { previewDebrief, previewPageUrl } from "../fixtures";

export type LetterEmailProps = { letter: Letter; interviewerName: string; pageUrl: string };

const letterBox = { border: "1px solid #d9e2ec", borderRadius: "6px", padding: "8px 20px", backgroundColor: "#fbfcfd" };
const para = { fontSize: "15px", lineHeight: "24px", margin: "12px 0" };

/** The drafted recovery letter, ready for the candidate to copy and send from their own mailbox. */
export default function LetterEmail({ letter, interviewerName, pageUrl }: LetterEmailProps) {
  return (
    <Layout preview={`Your draft follow-up to ${interviewerName} is ready`} pageUrl={pageUrl}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your follow-up to {interviewerName} is ready
      </Heading>
      <Text style={para}>
        Read it through, change anything that does not sound like you, and send it from your own mailbox. Subject:{" "}
        <strong>{letter.subject}</strong>
      </Text>
      <Section style={letterBox}>
        <Text style={para}>{letter.greeting}</Text>
        {letter.paragraphs.map((p) => (
          <Text key={p} style={para}>
            {p}
          </Text>
        ))}
        <Text style={para}>
          {letter.closing}
          <br />
          {letter.signature}
        </Text>
      </Section>
    </Layout>
  );
}

LetterEmail.PreviewProps = {
  letter: composeLetter(previewDebrief.input),
  interviewerName: previewDebrief.input.interview.interviewer.name,
  pageUrl: previewPageUrl,
} satisfies LetterEmailProps;
