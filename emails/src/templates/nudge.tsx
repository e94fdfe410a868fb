/** @jsxImportSource react */
import { EMAIL_NAMES, type EmailLinks, type Mailto, type Nudge } from "@debrief/core";
import { Button, Heading, Link, Text } from "@react-email/components";
import { Layout, textLink } from "../components/layout";
import { previewLinks, previewWindow } from "../preview";

export type NudgeEmailProps = {
  nudge: Nudge;
  /** The letter, ready to send, for the reminder. */
  mailto?: Mailto;
  links: EmailLinks;
};

const para = { fontSize: "15px", lineHeight: "24px" };
const button = { backgroundColor: "#2f5d8a", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" };

/** The reminder, the next morning: the letter waiting while it is unsent, what to expect once it is sent. */
export default function NudgeEmail({ nudge, mailto, links }: NudgeEmailProps) {
  return (
    <Layout
      name={EMAIL_NAMES.nudge}
      title={nudge.subject}
      preview={nudge.heading}
      pageUrl={links.page}
      actions={links.actions}
      notMe={links.notMe}
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {nudge.heading}
      </Heading>
      {nudge.paragraphs.map((p) => (
        <Text key={p} style={para}>
          {p}
        </Text>
      ))}
      {nudge.variant === "reminder" && mailto ? (
        <>
          <Button href={mailto.href} style={button}>
            Send it from my mail program
          </Button>
          <Text style={para}>
            Or{" "}
            <Link href={`${links.page}/letter.eml`} style={textLink}>
              download it as an email file (.eml)
            </Link>
            , or{" "}
            <Link href={links.page} style={textLink}>
              edit it on your page
            </Link>{" "}
            first.
          </Text>
        </>
      ) : (
        <Button href={links.page} style={button}>
          Open your page
        </Button>
      )}
    </Layout>
  );
}

NudgeEmail.PreviewProps = {
  nudge: {
    variant: "reminder",
    subject: "Did you send your follow-up to Fernhill Transit?",
    heading: "Your letter is still waiting",
    paragraphs: [
      "Hi Amira,",
      "Your draft to Oliver about the Scheduling Analyst role is ready for you to send.",
      "Now is a good time to send it: Wednesday 25 November, 09:00–11:00 (Stockholm time).",
      "Read it once more, change anything that does not sound like you, and send it from your own mailbox.",
    ],
    window: previewWindow,
  },
  links: previewLinks,
} satisfies NudgeEmailProps;
