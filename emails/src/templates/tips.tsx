/** @jsxImportSource react */
import { composeTips, type Tips } from "@debrief/core";
import { Heading, Section, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { previewDebrief, previewPageUrl } from "../fixtures";

export type TipsEmailProps = { tips: Tips; pageUrl: string };

const para = { fontSize: "15px", lineHeight: "24px", margin: "6px 0" };

/** Preparation for a second interview, built from the candidate's own debrief. */
export default function TipsEmail({ tips, pageUrl }: TipsEmailProps) {
  return (
    <Layout preview={tips.intro} pageUrl={pageUrl}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Getting ready for the next round
      </Heading>
      <Text style={para}>{tips.intro}</Text>
      {tips.sections.map((section) => (
        <Section key={section.heading}>
          <Heading as="h2" style={{ fontSize: "17px", marginTop: "20px" }}>
            {section.heading}
          </Heading>
          {section.items.map((item) => (
            <Text key={item} style={para}>
              • {item}
            </Text>
          ))}
        </Section>
      ))}
    </Layout>
  );
}

TipsEmail.PreviewProps = { tips: composeTips(previewDebrief), pageUrl: previewPageUrl } satisfies TipsEmailProps;
