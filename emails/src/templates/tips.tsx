/** @jsxImportSource react */
import { composeTips, type EmailLinks, type Tips } from "@debrief/core";
import { Button, Heading, Section, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { Lines } from "../components/lines";
import { previewDebrief, previewLinks } from "../fixtures";

export type TipsEmailProps = { tips: Tips; links: EmailLinks };

const para = { fontSize: "15px", lineHeight: "24px", margin: "6px 0" };
const item = { ...para, margin: "10px 0" };
const button = { backgroundColor: "#2f5d8a", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" };

/** The day and clock formatters of one time zone, built once (building them costs more than a render). */
const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
function formatsFor(timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    formats.set(timeZone, f);
  }
  return f;
}

function practiceLabel(tips: Tips): string {
  const { start, end, timeZone } = tips.practice;
  const { day, time } = formatsFor(timeZone);
  return `${day.format(new Date(start))}, ${time.format(new Date(start))}–${time.format(new Date(end))} (your time)`;
}

/** Preparation for a second interview, built from the candidate's own debrief. */
export default function TipsEmail({ tips, links }: TipsEmailProps) {
  return (
    <Layout title={tips.subject} preview={tips.intro} pageUrl={links.page} actions={links.actions} notMe={links.notMe}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {tips.heading}
      </Heading>
      <Text style={para}>{tips.intro}</Text>
      {tips.sections.map((section) => (
        <Section key={section.id}>
          <Heading as="h2" style={{ fontSize: "17px", marginTop: "20px" }}>
            {section.heading}
          </Heading>
          {section.items.map((text) => (
            <Text key={text} style={item}>
              • <Lines text={text} />
            </Text>
          ))}
        </Section>
      ))}
      <Section>
        <Heading as="h2" style={{ fontSize: "17px", marginTop: "20px" }}>
          Book a practice session
        </Heading>
        <Text style={para}>
          An hour to rehearse out loud: {practiceLabel(tips)}. Add it to your calendar, then move it if another time
          suits you better.
        </Text>
        <Button href={`${links.page}/practice.ics`} style={button}>
          Add the practice session to my calendar (.ics)
        </Button>
      </Section>
    </Layout>
  );
}

TipsEmail.PreviewProps = { tips: composeTips(previewDebrief), links: previewLinks } satisfies TipsEmailProps;
