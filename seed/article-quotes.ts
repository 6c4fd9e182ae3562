// Sentences of the source article (shared/source-article.txt), verbatim: a test checks each one
// against the file, so a quote can never drift from what the article says.
export const ARTICLE = {
  LEAD: "Trump came away from his July 3 call with Vladimir Putin deeply frustrated over Moscow’s lack of ceasefire intent, and later that night Russia unleashed its largest ever drone-and-missile strike on Kyiv, causing civilian casualties and damage to critical infrastructure.",
  GLANCE_NO_SIGN: "Trump said Putin showed “no sign” of wanting to halt the war after their July 3 call.",
  GLANCE_LAUNCHED: "Russia launched 539 drones plus 11 missiles at Kyiv—the biggest single attack since 2022.",
  GLANCE_CASUALTIES: "The strike killed one person, injured at least 23, and damaged schools, apartments and rail lines.",
  GLANCE_PAUSE: "The U.S. has paused shipments of Patriot, Sparrow and Stinger air‑defense systems to Ukraine.",
  GLANCE_ZELENSKYY_CALL: "Trump plans to speak with President Zelenskyy on July 4 about resuming air‑defense support.",
  TRUMP_STATEMENT: "President Trump returned from Iowa on July 4 and declared frustration after his July 3 phone call with Putin, stating, “I don’t think he’s looking to stop.”",
  KREMLIN_INSIDERS: "Kremlin insiders confirmed Putin vowed to maintain his war objectives, despite diplomatic outreach.",
  WAPO_CALL: "The hour-long conversation failed to yield any ceasefire progress or meaningful compromise, according to comprehensive Washington Post reporting.",
  MILITARY_LAUNCHED: "Hours after the Trump–Putin call, Ukraine’s military reported Russia unleashed its largest single aerial assault of the war by launching 539 drones and 11 missiles at Kyiv.",
  BODY_CASUALTIES: "Civilian casualties included one fatality and over 23 injuries, while extensive damage hit schools, apartment blocks and rail infrastructure.",
  TIME_INTERCEPTED: "Ukraine intercepted 478 of the airborne threats, according to TIME, mitigating what officials warned could have been far more devastating.",
  NEXT_ZELENSKYY_CALL: "Trump is slated to speak with Zelenskyy on July 4 to discuss lifting the suspension of Patriot, Sparrow and Stinger air‑defense shipments—a move analysts say is critical for Ukraine’s resilience as the military confronts “a weakened air‑defense posture.”",
  EUROPE_EFFORT: "European allies, led by Germany, are reportedly exploring ways to fill the crucial supply gap and reinforce Ukraine’s protective systems amid intensifying diplomatic and military stakes.",
} as const;
