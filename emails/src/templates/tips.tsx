/** @jsxImportSource react */
import { EMAIL_NAMES, type EmailLinks, type Tips } from "@debrief/core";
import { Button, Heading, Section, Text } from "@react-email/components";
import { Layout } from "../components/layout";
import { Lines } from "../components/lines";
import { previewLinks } from "../preview";

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
    <Layout
      name={EMAIL_NAMES.tips}
      title={tips.subject}
      preview={tips.intro}
      pageUrl={links.page}
      actions={links.actions}
      notMe={links.notMe}
    >
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

TipsEmail.PreviewProps = {
  tips: {
    subject: "Preparing for a second interview: Scheduling Analyst at Fernhill Transit",
    heading: "Preparing for a second interview",
    intro:
      "Second rounds often exist to probe the concerns the first one left. Here is a plan built from your own debrief, and a practice session to put in your calendar.",
    sections: [
      {
        id: "rehearse",
        heading: "Rehearse the questions that went badly",
        items: [
          '"How would you reduce late departures?" asks what you would do: take them through it in order.\nSteps: what you would do first, next, and last, starting from your better answer: I would compare planned and actual departures by depot and hour, and fix the largest gap first.\nPeople: who you would involve, and when you would bring them in.\nSuccess: how you would know it worked, and what you would do if it did not.\nProof: if you have done something like it, say so in one line. In my placement I found that half of the late buses left one depot after a shift change, and a staggered handover fixed it.',
        ],
      },
      {
        id: "situations",
        heading: "Prepare for what happened last time",
        items: [
          "Breathe out slowly for longer than you breathe in, a few times, before you walk in or join the call.",
          "Pause before each answer: a short silence reads as thought, not panic.",
          "Know your first sentence about yourself by heart; starting well steadies the rest.",
          "Keep three short stories ready that you can adapt to most questions.",
          'If your mind goes blank, say so calmly and ask for a moment: "Let me think of the best example."',
        ],
      },
      {
        id: "research",
        heading: "Research the people and the team",
        items: [
          "Ask who you will meet next (often a panel, or several people in turn), then read up on each of them, starting with Oliver Grant (Head of Planning).",
          "Look for what Fernhill Transit has published or announced lately, and what the team you would join is responsible for.",
          "Expect the same topics again, in more depth: the next conversation often probes what the last one left open.",
        ],
      },
      {
        id: "ask",
        heading: "Questions to ask",
        items: [
          "Where would you most like someone with experience in timetable planning to make a difference in the first months?",
          "What are the team's priorities for the coming year, and how would this role contribute to them?",
          "What should the first months in the role achieve, and how will you judge that?",
          "What does the team find hardest about working together today?",
          "Is there anything from our last conversation you would like me to go into in more depth?",
        ],
      },
    ],
    practice: {
      start: "2026-11-26T17:00:00.000Z",
      end: "2026-11-26T18:00:00.000Z",
      timeZone: "Europe/Stockholm",
      summary: "Interview practice: Scheduling Analyst at Fernhill Transit",
      description:
        "Rehearse out loud for the Scheduling Analyst role at Fernhill Transit.\nAnswer each in the shape your tips email gives it, in under two minutes:\n1. How would you reduce late departures?",
    },
  },
  links: previewLinks,
} satisfies TipsEmailProps;
