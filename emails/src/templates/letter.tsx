/** @jsxImportSource react */
import {
  composeLetter,
  currentDraft,
  type Draft,
  type EmailLinks,
  type Mailto,
  mailtoLink,
  type Omitted,
  type SendWindow,
  sendWindow,
} from "@debrief/core";
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { Layout, textLink } from "../components/layout";
import { keyed, Lines } from "../components/lines";
import { previewDebrief, previewLinks } from "../fixtures";

export type LetterEmailProps = {
  draft: Draft;
  interviewerName: string;
  /** Where the interviewer's address is, if the candidate gave it. */
  interviewerEmail?: string;
  window: SendWindow;
  mailto: Mailto;
  links: EmailLinks;
  /** Who the composed letter addresses ("Dr. O'Connor"); absent once the candidate edited the draft. */
  salutation?: string;
  /** What the composer left out of the letter, so the candidate can put it back on their page. */
  omitted?: Omitted[];
};

const letterBox = { border: "1px solid #d9e2ec", borderRadius: "6px", padding: "8px 20px", backgroundColor: "#fbfcfd" };
const letterText = { fontSize: "15px", lineHeight: "24px", margin: "12px 0" };
const para = { fontSize: "15px", lineHeight: "24px", margin: "12px 0" };
const button = { backgroundColor: "#2f5d8a", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" };

/** The drafted recovery letter, ready for the candidate to copy and send from their own mailbox. */
export default function LetterEmail({
  draft,
  interviewerName,
  interviewerEmail,
  window,
  mailto,
  links,
  salutation,
  omitted = [],
}: LetterEmailProps) {
  return (
    <Layout
      title={draft.subject}
      preview={`Your draft follow-up to ${interviewerName} is ready`}
      pageUrl={links.page}
      notMe={links.notMe}
      actions={links.actions}
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your follow-up to {interviewerName} is ready
      </Heading>
      <Text style={para}>
        Read it through, change anything that does not sound like you, and send it from your own mailbox. We never write
        to {interviewerName}.
      </Text>
      <Text style={para}>
        <strong>Best time to send:</strong> {window.label}
        {window.candidateLabel ? `, which is ${window.candidateLabel}` : ""}. Sending minutes after an interview can
        read as rushed; that evening or the next morning reads as considered.
        {window.scheduleSendHint ? ` ${window.scheduleSendHint}` : ""}
      </Text>
      <Section>
        <Button href={mailto.href} style={button}>
          Open in my mail program
        </Button>
      </Section>
      <Text style={para}>
        {mailto.full
          ? `The button opens a new message ${interviewerEmail ? `to ${interviewerEmail} ` : ""}with the subject and letter filled in.`
          : "Your letter is longer than mail programs accept in a link, so the button opens a message with a short placeholder: paste the letter below over it, or download the ready-made email instead."}{" "}
        <Link href={`${links.page}/letter.eml`} style={textLink}>
          Download it as an email file (.eml)
        </Link>{" "}
        to open it as a draft.
      </Text>
      <Text style={para}>
        Subject: <strong>{draft.subject}</strong>
      </Text>
      {salutation ? (
        <Text style={para}>
          It addresses them as <strong>{salutation}</strong>. If that is not how they introduced themselves, change it
          under “Change the letter” on your page.
        </Text>
      ) : null}
      {omitted.length > 0 ? (
        <Text style={para}>
          Left out of this letter: {omitted.map((o) => `${o.label} (${o.why})`).join("; ")}. To put any of them back,
          tick them under “Change the letter” on your page.
        </Text>
      ) : null}
      <Section style={letterBox}>
        {/* Paragraphs and line breaks survive in the HTML and in the plain-text part alike, so the letter copies cleanly. */}
        {keyed(draft.body, /\n{2,}/).map((paragraph) => (
          <Text key={paragraph.key} style={letterText}>
            <Lines text={paragraph.text} />
          </Text>
        ))}
      </Section>
    </Layout>
  );
}

const previewDraft = currentDraft(previewDebrief);
const previewLetter = composeLetter(previewDebrief.input);

LetterEmail.PreviewProps = {
  draft: previewDraft,
  interviewerName: previewDebrief.input.interview.interviewer.name,
  interviewerEmail: previewDebrief.input.interview.interviewer.email,
  window: sendWindow(previewDebrief.input, new Date(previewDebrief.createdAt)),
  mailto: mailtoLink(previewDraft, previewDebrief.input.interview.interviewer.email),
  links: previewLinks,
  salutation: previewLetter.salutation,
  omitted: previewLetter.omitted,
} satisfies LetterEmailProps;
