/** @jsxImportSource react */
import {
  CHECK_BEFORE_SENDING,
  checkLine,
  type Draft,
  EMAIL_NAMES,
  type EmailLinks,
  leftOutSentences,
  type Mailto,
  type Omitted,
  type SendWindow,
  type ToCheck,
} from "@debrief/core";
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { Layout, textLink } from "../components/layout";
import { keyed, Lines } from "../components/lines";
import { previewLinks, previewWindow } from "../preview";

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
  /** Words the letter shows as the candidate typed them, for them to check; nothing is said when empty. */
  toCheck?: ToCheck[];
  /** The text above has its web links written as text (links-as-text.ts): say so, and where they are links. */
  linksAsText?: boolean;
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
  toCheck = [],
  linksAsText = false,
}: LetterEmailProps) {
  return (
    <Layout
      name={EMAIL_NAMES.letter}
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
      {leftOutSentences(omitted, false).map((text) => (
        <Text key={text} style={para}>
          {text}
        </Text>
      ))}
      {toCheck.length > 0 ? (
        <Section>
          <Heading as="h2" style={{ fontSize: "17px", marginTop: "20px" }}>
            {CHECK_BEFORE_SENDING.heading}
          </Heading>
          <Text style={para}>{CHECK_BEFORE_SENDING.intro}</Text>
          {toCheck.map((k) => (
            <Text key={`${k.field} ${k.word}`} style={para}>
              • {checkLine(k)}
            </Text>
          ))}
        </Section>
      ) : null}
      <Section style={letterBox}>
        {/* Paragraphs and line breaks survive in the HTML and in the plain-text part alike, so the letter copies cleanly. */}
        {keyed(draft.body, /\n{2,}/).map((paragraph) => (
          <Text key={paragraph.key} style={letterText}>
            <Lines text={paragraph.text} />
          </Text>
        ))}
      </Section>
      {linksAsText ? (
        <Text style={para}>
          Web addresses in this email are written so that they cannot be clicked (example[.]com): anyone can type an
          address into our form, and until a link from one of our emails is used we do not send links that someone else
          may have written.{" "}
          <Link href={links.page} style={textLink}>
            Your page
          </Link>{" "}
          has them as links, and the letter you send keeps them.
        </Text>
      ) : null}
    </Layout>
  );
}

LetterEmail.PreviewProps = {
  draft: {
    subject: "Following up on the Scheduling Analyst interview at Fernhill Transit",
    body: `Dear Oliver,

Thank you for taking the time to talk with me about the Scheduling Analyst role at Fernhill Transit. I am still very interested in the role, and I would love to be part of your team.

You described what your team is working through, and this is where I can help:
- Timetable changes reach drivers too late: here I would bring timetable planning.
I would be glad to hear more about the other challenge you mentioned: depots plan shifts in separate spreadsheets. I would also bring my skills in Python.

When you asked "How would you reduce late departures?", I did not give you the answer I wanted to. I would compare planned and actual departures by depot and hour, and fix the largest gap first. For example, in my placement I found that half of the late buses left one depot after a shift change, and a staggered handover fixed it.

A piece of my work that relates to this role:
- Departure delay report (https://example.com/maya/delays): it compares planned and actual departures daily.

If it would help to hear from someone I have worked with, they have agreed to be contacted:
- Erik Holm, placement supervisor: erik.holm@example.org

I have sketched how I would approach my first 60 days, and I would welcome the chance to walk you through it. In short: learn how timetable changes reach drivers today and agree one shift plan with every depot.

I would be grateful for the chance to talk again, whenever suits you. If I have not heard from you in a week or so, I will get in touch to see how things stand.

Best wishes,
Maya Lindqvist`,
    edited: false,
  },
  interviewerName: "Oliver Grant",
  interviewerEmail: "oliver.grant@example.com",
  window: previewWindow,
  mailto: {
    href: "mailto:oliver.grant@example.com?subject=Following%20up%20on%20the%20Scheduling%20Analyst%20interview%20at%20Fernhill%20Transit&body=Dear%20Oliver%2C%0D%0A%0D%0A%5BYour%20full%20letter%20is%20too%20long%20for%20this%20link.%20Open%20the%20.eml%20file%20from%20your%20email%20or%20your%20page%20instead%2C%20or%20paste%20the%20letter%20here.%5D%0D%0A",
    full: false,
  },
  salutation: "Oliver",
  links: previewLinks,
  omitted: [],
} satisfies LetterEmailProps;
