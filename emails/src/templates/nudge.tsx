/** @jsxImportSource react */
import { composeNudge, type Nudge } from "@debrief/core";
import { Button, Heading, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { previewDebrief, previewPageUrl } from "../fixtures";

export type NudgeEmailProps = { nudge: Nudge; pageUrl: string };

const para = { fontSize: "15px", lineHeight: "24px" };
const button = { backgroundColor: "#2f5d8a", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" };

/** The next-day check-in. */
export default function NudgeEmail({ nudge, pageUrl }: NudgeEmailProps) {
  return (
    <Layout preview={nudge.heading} pageUrl={pageUrl}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {nudge.heading}
      </Heading>
      {nudge.paragraphs.map((p) => (
        <Text key={p} style={para}>
          {p}
        </Text>
      ))}
      <Button href={pageUrl} style={button}>
        Open your page
      </Button>
    </Layout>
  );
}

NudgeEmail.PreviewProps = { nudge: composeNudge(previewDebrief), pageUrl: previewPageUrl } satisfies NudgeEmailProps;
