import { type Debrief, type DebriefInput, type DebriefRequest, debriefInputSchema } from "@debrief/core";

/**
 * Believable debriefs for golden tests and the examples in docs/:
 * together they cover every `whatHappened` value, every tone and every format,
 * sparse and rich debriefs, non-ASCII names, and a letter too long for mailto.
 * Each goes through the real schema, so a fixture can never hold what the form refuses.
 */
const requests = {
  amira: {
    candidate: { name: "Amira Haddad", email: "amira@example.com", timeZone: "Europe/Berlin" },
    interview: {
      company: "Northwind Logistics",
      role: "Data Analyst",
      date: "2026-11-24",
      time: "14:00",
      format: "video",
      stage: "first",
      interviewer: {
        name: "Jonas Weber",
        title: "Head of Analytics",
        email: "jonas.weber@example.com",
        salutation: "Jonas",
      },
    },
    whatHappened: ["nerves", "blanked"],
    challenges: ["Delivery delays are reported a week late", "Regional managers do not trust the numbers"],
    questions: [
      {
        question: "How would you find the cause of late deliveries?",
        betterAnswer:
          "I would start from the delivery events, segment delays by route and carrier, and check the biggest segment first.",
        example: "At my internship I traced 60% of late parcels to one depot by segmenting scan data.",
      },
    ],
    skills: ["SQL", "dashboard design"],
    samples: [
      {
        title: "Delivery delay dashboard",
        url: "https://example.com/amira/dashboard",
        note: "It reports delays daily instead of weekly.",
      },
    ],
    references: [{ name: "Dr. Lena Fischer", relation: "internship supervisor", contact: "lena.fischer@example.org" }],
    plan: ["Map how delays are reported today", "Ship a daily delay dashboard with the regional managers"],
    tone: "warm",
    consent: true,
  },
  ben: {
    candidate: { name: "Ben Okafor", email: "ben@example.com", timeZone: "America/Chicago" },
    interview: {
      company: "Harbor Health",
      role: "Operations Manager",
      date: "2026-11-23",
      time: "10:30",
      format: "onsite",
      stage: "second",
      decisionDate: "2026-12-04",
      interviewer: {
        name: "Maria Santos",
        title: "VP Operations",
        email: "m.santos@example.com",
        timeZone: "America/New_York",
      },
    },
    whatHappened: ["illness"],
    challenges: ["Clinic waiting times doubled this year", "Staff turnover at the front desk"],
    questions: [
      {
        question: "Tell me about a time you cut waiting times.",
        betterAnswer:
          "I look for the one step where patients queue longest and change that step first, measuring every week.",
        example: "At Lakeside Clinic I moved check-in to text messages and waiting fell from 40 to 15 minutes.",
      },
    ],
    skills: ["process redesign", "team coaching", "budgeting"],
    samples: [
      {
        title: "Lakeside check-in case study",
        url: "https://example.com/ben/checkin",
        note: "The same waiting-time problem.",
      },
      { title: "Front-desk onboarding guide", url: "https://example.com/ben/onboarding" },
    ],
    references: [
      { name: "Grace Lee", relation: "former director at Lakeside Clinic", contact: "grace.lee@example.org" },
      { name: "Tom Adeyemi", relation: "colleague of six years", contact: "+1 312 555 0142" },
    ],
    plan: ["Shadow each clinic for a day", "Pick one queue to shorten", "Agree a staffing rota with the desk leads"],
    tone: "formal",
    consent: true,
  },
  chloe: {
    candidate: { name: "Chloe Martin", email: "chloe@example.com", timeZone: "Europe/Paris" },
    interview: {
      company: "Atelier Nord",
      role: "Junior Designer",
      date: "2026-11-24",
      format: "onsite",
      interviewer: { name: "Paul Girard" },
    },
    whatHappened: ["outfit"],
    tone: "concise",
    consent: true,
  },
  dmitri: {
    candidate: { name: "Dmitri Volkov", email: "dmitri@example.com", timeZone: "Europe/London" },
    interview: {
      company: "Thames Water Tech",
      role: "Site Engineer",
      date: "2026-11-24",
      time: "09:00",
      format: "onsite",
      interviewer: { name: "Sarah Collins", title: "Engineering Lead" },
    },
    whatHappened: ["late"],
    questions: [
      {
        question: "How do you plan a week on site?",
        betterAnswer: "I plan backwards from the inspections and keep half a day free for surprises.",
      },
    ],
    tone: "warm",
    consent: true,
  },
  esi: {
    candidate: { name: "Esi Mensah", email: "esi@example.com", timeZone: "Africa/Accra" },
    interview: {
      company: "Bright Media",
      role: "Social Media Marketing Manager",
      date: "2026-11-24",
      time: "11:00",
      format: "video",
      stage: "first",
      interviewer: { name: "James Wright", title: "Marketing Director", email: "jwright@example.com" },
    },
    whatHappened: ["too_blunt"],
    challenges: ["Engagement fell after the rebrand"],
    questions: [
      {
        question: "Why are you leaving your current job?",
        betterAnswer: "I want a role where I can own a channel strategy end to end and grow a team around it.",
        example: "This year I grew our Instagram audience from 8,000 to 21,000 followers with a two-person team.",
      },
    ],
    skills: ["content strategy", "community management"],
    samples: [{ title: "Rebrand launch campaign", url: "https://example.com/esi/campaign" }],
    references: [{ name: "Kofi Boateng", relation: "former manager", contact: "kofi@example.org" }],
    plan: ["Audit the last three months of posts"],
    tone: "formal",
    consent: true,
  },
  farid: {
    candidate: { name: "Farid Rahman", email: "farid@example.com", timeZone: "Asia/Kolkata" },
    interview: {
      company: "Kestrel Software",
      role: "Backend Developer",
      date: "2026-11-24",
      time: "15:00",
      format: "phone",
      stage: "screening",
      interviewer: { name: "Hannah Price", email: "hannah.price@example.co.uk", timeZone: "Europe/London" },
    },
    whatHappened: ["bad_call"],
    questions: [
      {
        question: "How would you design a rate limiter?",
        betterAnswer: "A token bucket per client, kept in Redis, with the limits in configuration.",
        example: "I built one for our public API that held 2,000 requests per second.",
      },
    ],
    skills: ["Go", "PostgreSQL"],
    tone: "concise",
    consent: true,
  },
  grace: {
    candidate: { name: "Grace Kim", email: "grace@example.com", timeZone: "America/Los_Angeles" },
    interview: {
      company: "Cedar Schools",
      role: "Program Coordinator",
      date: "2026-11-24",
      time: "13:00",
      format: "video",
      interviewer: { name: "Robert Diaz", title: "Director of Programs" },
    },
    whatHappened: ["rambling"],
    challenges: ["Volunteers drop out after a month", "Parents hear about events too late", "Grant reports take weeks"],
    questions: [
      {
        question: "What is your biggest weakness?",
        betterAnswer: "I used to say yes to every request; now I agree priorities with my manager every Monday.",
      },
      {
        question: "How do you keep volunteers engaged?",
        betterAnswer: "Give each volunteer one clear job, thank them by name, and ask them back within a week.",
        example: "At Riverside Youth Club our volunteer retention rose from half to three quarters in one term.",
      },
    ],
    skills: ["volunteer coordination"],
    tone: "warm",
    consent: true,
  },
  hiro: {
    candidate: { name: "Hiro Tanaka", email: "hiro@example.com", timeZone: "Asia/Tokyo" },
    interview: {
      company: "Pacific Robotics",
      role: "Firmware Engineer",
      date: "2026-11-20",
      time: "08:00",
      format: "video",
      stage: "final",
      interviewer: {
        name: "Emily Carter",
        title: "Engineering Manager",
        email: "emily.carter@example.com",
        timeZone: "America/Los_Angeles",
      },
    },
    whatHappened: ["technical_issue"],
    challenges: ["Motor controllers reset under load"],
    questions: [
      {
        question: "Walk me through debugging a watchdog reset.",
        betterAnswer: "I capture the reset reason register first, then bisect the firmware with logging on the bus.",
        example: "On our drone project a watchdog reset turned out to be a flash write blocking interrupts for 12 ms.",
      },
    ],
    skills: ["embedded C"],
    samples: [{ title: "Watchdog debugging write-up", url: "https://example.com/hiro/watchdog" }],
    tone: "formal",
    consent: true,
  },
  ines: {
    candidate: { name: "Inês Gonçalves", email: "ines@example.com", timeZone: "Europe/Lisbon" },
    interview: {
      company: "Société Générale Café",
      role: "Chef de Partie",
      date: "2026-11-24",
      format: "onsite",
      interviewer: { name: "Dr. Zoë Brontë", email: "zoe@example.com" },
    },
    whatHappened: ["other"],
    notes: "The kitchen trial ran into the lunch rush.",
    skills: ["pastry", "menu costing"],
    tone: "concise",
    consent: true,
  },
  jamal: {
    candidate: { name: "Jamal Wright", email: "jamal@example.com", timeZone: "America/New_York" },
    interview: {
      company: "Summit Bank",
      role: "Financial Analyst",
      date: "2026-11-24",
      time: "11:00",
      format: "onsite",
      interviewer: { name: "Ms. Olivia Chen", title: "Finance Manager" },
    },
    whatHappened: ["nerves", "outfit"],
    offDay: "mention",
    questions: [
      {
        question: "Walk me through a discounted cash flow model.",
        betterAnswer: "Project the free cash flows, discount them at the cost of capital, and add a terminal value.",
      },
    ],
    skills: ["financial modelling", "Excel"],
    tone: "warm",
    consent: true,
  },
  kate: {
    candidate: { name: "Kate Novak", email: "kate@example.com", timeZone: "Europe/Prague" },
    interview: {
      company: "Vltava Energy",
      role: "Project Manager",
      date: "2026-11-24",
      time: "10:00",
      format: "video",
      interviewer: { name: "Petr Dvořák", title: "PMO Lead", email: "petr.dvorak@example.cz" },
    },
    whatHappened: ["illness", "late"],
    offDay: "omit",
    challenges: [
      "Two solar projects are three months behind",
      "Suppliers miss delivery dates",
      "The board wants monthly reporting",
    ],
    questions: [
      {
        question: "How do you recover a late project?",
        betterAnswer:
          "I re-plan from the critical path, cut or defer scope with the sponsor, and report progress weekly against the new baseline so trust comes back quickly.",
        example:
          "At Morava Wind I took over a wind farm project four months late and delivered it six weeks after the original date by resequencing the crane work.",
      },
      {
        question: "How do you handle a supplier who keeps missing dates?",
        betterAnswer:
          "I make the cost of delay visible to them, agree a recovery plan with named owners, and line up a second supplier in parallel.",
        example:
          "A transformer supplier slipped twice; a joint weekly call and a backup order got us delivery in five weeks.",
      },
      {
        question: "What does good reporting to a board look like?",
        betterAnswer:
          "One page: milestones, money, risks, and the decisions we need from them, the same format every month.",
      },
    ],
    skills: ["critical path planning", "supplier management", "board reporting"],
    samples: [
      {
        title: "Morava Wind recovery plan",
        url: "https://example.com/kate/recovery",
        note: "A late project brought back.",
      },
      { title: "One-page board report template", url: "https://example.com/kate/board-report" },
    ],
    references: [
      { name: "Jana Horáková", relation: "programme director at Morava Wind", contact: "jana@example.cz" },
      { name: "Martin Svoboda", relation: "supplier account manager", contact: "+420 601 555 123" },
    ],
    plan: ["Re-baseline both solar projects", "Weekly supplier calls", "First monthly board report"],
    tone: "formal",
    consent: true,
  },
  leo: {
    candidate: { name: "Leo Rossi", email: "leo@example.com", timeZone: "Europe/Rome" },
    interview: {
      company: "Milano Retail",
      role: "Store Manager",
      date: "2026-11-24",
      format: "phone",
      interviewer: { name: "Francesca Bianchi" },
    },
    questions: [
      {
        question: "How would you raise weekend sales?",
        betterAnswer: "Put the best staff on the busiest hours and check conversion by hour every weekend.",
      },
    ],
    tone: "formal",
    consent: true,
  },
  nadia: {
    candidate: { name: "Nadia Petrova", email: "nadia@example.com", timeZone: "Europe/London" },
    interview: {
      company: "St Mary's Hospital",
      role: "Ward Sister",
      date: "2026-11-24",
      time: "14:00",
      format: "onsite",
      stage: "second",
      decisionDate: "2026-12-04",
      interviewer: { name: "Helen Price", title: "Matron", email: "helen.price@example.nhs.uk" },
    },
    whatHappened: ["illness", "left_early"],
    challenges: [
      { text: "Handovers between shifts miss things", skill: "structured SBAR handovers" },
      "Agency staff do not know the ward routines",
    ],
    questions: [
      {
        question: "How would you handle a disagreement with a consultant?",
        betterAnswer:
          "I would speak to them privately, lead with the patient's safety, and escalate if we still disagreed.",
      },
    ],
    skills: ["structured SBAR handovers", "rota planning"],
    tone: "warm",
    consent: true,
  },
  megan: {
    // Typed in a hurry: lower case, stray full stops, double spaces, a question without its mark.
    candidate: { name: "megan o'brien", email: "megan@example.com", timeZone: "America/Chicago" },
    interview: {
      company: "brightpath learning",
      role: "instructional designer.",
      date: "2026-11-24",
      time: "10:00",
      format: "video",
      interviewer: { name: "dana rivera", email: "dana@example.com" },
    },
    whatHappened: ["rambling"],
    challenges: [{ text: "learners drop out of the onboarding course halfway.", skill: "i'm good at storyboarding" }],
    questions: [
      {
        question: "how would you know a course is working",
        betterAnswer:
          "i'd look at more than completion.  i'd use a short quiz before and after, and ask managers what changed",
      },
    ],
    skills: ["i'm good at storyboarding", "articulate storyline"],
    tone: "warm",
    consent: true,
  },
  aoife: {
    candidate: { name: "Aoife Byrne", email: "aoife@example.com", timeZone: "Europe/Dublin" },
    interview: {
      company: "Trinity Research Institute",
      role: "Research Coordinator",
      date: "2026-11-24",
      time: "11:00",
      format: "onsite",
      stage: "first",
      interviewer: { name: "Siobhán O'Connor-Ní Bhriain", title: "Dr.", email: "soconnor@example.ie" },
    },
    whatHappened: ["nerves"],
    offDay: "mention",
    challenges: [{ text: "Ethics approvals hold studies up for months", skill: "ethics submissions" }],
    questions: [
      {
        question: "How do you keep a multi-site study on schedule?",
        betterAnswer:
          "I keep one shared timeline, name an owner at every site, and check in with each of them every week.",
        example: "I coordinated a four-site asthma study that finished recruitment two months early.",
      },
    ],
    skills: ["ethics submissions", "study data management"],
    tone: "formal",
    consent: true,
  },
  lukas: {
    // The interviewer's family name comes first: "Nguyễn" is not a given name.
    candidate: { name: "Lukas Becker", email: "lukas@example.com", timeZone: "Europe/Berlin" },
    interview: {
      company: "Saigon Textiles",
      role: "Export Manager",
      date: "2026-11-24",
      time: "09:00",
      format: "video",
      interviewer: { name: "Nguyễn Thị Minh Anh", title: "Managing Director", timeZone: "Asia/Ho_Chi_Minh" },
    },
    whatHappened: ["blanked"],
    questions: [
      {
        question: "Why do you want to work with us?",
        betterAnswer: "I should have said that I want to build your European sales from the ground up.",
      },
    ],
    skills: ["export compliance"],
    tone: "formal",
    consent: true,
  },
  beatriz: {
    // Lisbon and Tokyo: a Friday interview, nine hours apart, a decision date ten days out.
    candidate: { name: "Beatriz Costa", email: "beatriz@example.com", timeZone: "Europe/Lisbon" },
    interview: {
      company: "Kaizen Games",
      role: "Localisation Producer",
      date: "2026-11-20",
      time: "09:00",
      format: "video",
      stage: "second",
      decisionDate: "2026-11-30",
      interviewer: {
        name: "Haruto Sato",
        title: "Director of Localisation",
        email: "h.sato@example.jp",
        timeZone: "Asia/Tokyo",
      },
    },
    whatHappened: ["bad_call"],
    challenges: [
      { text: "Japanese and English releases ship weeks apart", skill: "release coordination" },
      { text: "Translation vendors miss deadlines", skill: "vendor management" },
    ],
    questions: [
      {
        question: "How would you bring the two release dates together?",
        betterAnswer:
          "I would start translation from the frozen script rather than the final build, and review both versions in the same weekly meeting.",
        example: "At Lumen Studio we cut the gap between our Portuguese and English releases from five weeks to one.",
      },
    ],
    skills: ["release coordination", "vendor management", "Japanese (JLPT N2)"],
    tone: "warm",
    consent: true,
  },
  owen: {
    // A long example from a candidate who said they rambled.
    candidate: { name: "Owen Hughes", email: "owen@example.com", timeZone: "Europe/London" },
    interview: {
      company: "Corris Analytics",
      role: "Data Engineer",
      date: "2026-11-24",
      time: "15:00",
      format: "video",
      interviewer: { name: "Rhian Evans", title: "Head of Data", email: "rhian@example.co.uk" },
    },
    whatHappened: ["rambling"],
    challenges: ["Deploys take 90 minutes.", "Nobody owns data quality"],
    questions: [
      {
        question: "Tell me about a pipeline you made faster.",
        betterAnswer: "I find the slowest stage, measure it, and fix that one stage before touching anything else.",
        example:
          "At my last job our nightly pipeline took six hours and often failed before the morning reports were due. The finance team would ring me at eight asking where their numbers were, at least twice a week. I spent a couple of weeks profiling every stage, and it turned out that most of the time went into one join that read the whole orders table each night, even though only a few thousand rows changed. I rewrote it as an incremental load keyed on the update timestamp, added a check that compared row counts, and after that the run took forty minutes and did not fail once in the following quarter.",
      },
    ],
    skills: ["Airflow", "dbt"],
    length: "short",
    tone: "concise",
    consent: true,
  },
  priya: {
    // Answers typed in the first person, past tense, with their own lead-ins.
    candidate: { name: "Priya Nair", email: "priya@example.com", timeZone: "Asia/Kolkata" },
    interview: {
      company: "Ledgerline",
      role: "Payments Product Manager",
      date: "2026-11-24",
      time: "12:00",
      format: "video",
      stage: "final",
      interviewer: { name: "Arjun Mehta", title: "VP Product", timeZone: "Asia/Kolkata" },
    },
    whatHappened: ["blanked", "nerves"],
    questions: [
      {
        question: "What is the hardest product decision you have made?",
        betterAnswer:
          "I should have said that I led the migration to the new billing system and chose to delay the launch by a month.",
        example: "Delaying meant that failed payments fell by a third once we did launch.",
      },
      {
        question: "How do you say no to a senior stakeholder?",
        betterAnswer: "I show them what their request would push out, and let them choose.",
      },
    ],
    skills: ["payments", "stakeholder management"],
    plan: [
      "Meet every team that touches a payment",
      "Map where payments fail today",
      "Agree one failure rate to halve with engineering",
      "Report progress to the leadership team every fortnight",
    ],
    tone: "warm",
    consent: true,
  },
  tom: {
    // The least a candidate can give: only what happened.
    candidate: { name: "Tom Fletcher", email: "tom@example.com", timeZone: "Europe/London" },
    interview: {
      company: "Greenfield Homes",
      role: "Site Manager",
      date: "2026-11-24",
      format: "onsite",
      interviewer: { name: "Claire Dawson" },
    },
    whatHappened: ["nerves"],
    tone: "warm",
    consent: true,
  },
  yusuf: {
    candidate: { name: "Yusuf Demir", email: "yusuf@example.com", timeZone: "Europe/Istanbul" },
    interview: {
      company: "Anatolia Freight",
      role: "Customs Specialist",
      date: "2026-11-24",
      time: "10:00",
      format: "phone",
      interviewer: { name: "Mr. Kemal Aydın", email: "kemal@example.com.tr" },
    },
    whatHappened: ["left_early"],
    questions: [
      {
        question: "How do you keep up with tariff changes?",
        betterAnswer: "I read the official gazette every morning and keep a change log the whole team can search.",
      },
    ],
    length: "short",
    tone: "formal",
    consent: true,
  },
  daniel: {
    // Family name first, and a candidate who says how to address her.
    candidate: { name: "Daniel Park", email: "daniel@example.com", timeZone: "America/Vancouver" },
    interview: {
      company: "Hanbit Electronics",
      role: "Supply Chain Analyst",
      date: "2026-11-24",
      time: "16:00",
      format: "video",
      stage: "second",
      decisionDate: "2026-12-10",
      interviewer: { name: "Kim Ji-woo", title: "Team Lead", salutation: "Ms. Kim", timeZone: "Asia/Seoul" },
    },
    whatHappened: ["late", "technical_issue"],
    challenges: [
      { text: "Chip shortages delay two product lines", skill: "supplier risk modelling" },
      "Forecasts are built in spreadsheets",
    ],
    skills: ["supplier risk modelling", "Python"],
    samples: [
      {
        title: "Supplier risk model.",
        url: "https://example.com/daniel/risk",
        note: "built for a 40-supplier network",
      },
    ],
    length: "short",
    tone: "concise",
    consent: true,
  },
} satisfies Record<string, DebriefRequest>;

export type PersonaName = keyof typeof requests;

export const PERSONAS: Record<PersonaName, DebriefInput> = Object.fromEntries(
  Object.entries(requests).map(([name, request]) => [name, debriefInputSchema.parse(request)]),
) as Record<PersonaName, DebriefInput>;

export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

/** The fixed moment the personas submitted their debriefs (Tuesday 24 November 2026, 17:00 UTC). */
export const PERSONA_SUBMITTED_AT = new Date("2026-11-24T17:00:00.000Z");

/** A stored debrief around a persona, with a fixed schedule, so composed emails are stable. */
export function personaDebrief(name: PersonaName, overrides: Partial<Debrief> = {}): Debrief {
  return {
    id: `00000000-0000-4000-8000-${String(PERSONA_NAMES.indexOf(name)).padStart(12, "0")}`,
    input: PERSONAS[name],
    createdAt: PERSONA_SUBMITTED_AT.toISOString(),
    schedule: { nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" },
    expiresAt: "2027-05-23T17:00:00.000Z",
    tokenHashes: [],
    sends: {},
    ...overrides,
  };
}
