// The dataset's `source` column names the post each row was read from: mostly a Facebook path
// (`kpszsu/posts/pfbid…`, `PvKPivden/videos/…`), sometimes a Telegram link or a web page. This
// says who published it, under which URL, and how titles and summaries name the publisher.
import type { SourceKind } from '../../src/domain/vocabulary.js';

export type Publisher = {
  /** The sources.publisher text. */
  publisher: string;
  /** For titles: "(Air Command South report)". */
  short: string;
  /** For summaries: "The Ukrainian Air Force reported …". */
  subject: string;
};

export type PostSource = Publisher & {
  reference: string;
  url: string;
  kind: SourceKind;
  /** "post", "video", "Telegram post", "web page": how the source's title names it. */
  medium: string;
};

const AIR_FORCE: Publisher = {
  publisher: 'Ukrainian Air Force (Povitriani Syly ZSU)',
  short: 'Ukrainian Air Force',
  subject: 'the Ukrainian Air Force',
};

const airCommand = (name: string, ukrainian: string): Publisher => ({
  publisher: `Air Command ${name} of the Ukrainian Air Force (${ukrainian})`,
  short: `Air Command ${name}`,
  subject: `the Ukrainian Air Force’s Air Command ${name}`,
});

// Facebook pages, by the first segment of the path (compared case-insensitively).
const FACEBOOK_PAGES: Record<string, Publisher> = {
  kpszsu: AIR_FORCE,
  pvkpivden: airCommand('South', 'PvK Pivden'),
  pvkshid: airCommand('East', 'PvK Skhid'),
  pvkzahid: airCommand('West', 'PvK Zakhid'),
  pvkcenter: airCommand('Centre', 'PvK Tsentr'),
  'generalstaff.ua': {
    publisher: 'General Staff of the Armed Forces of Ukraine',
    short: 'General Staff of the Armed Forces of Ukraine',
    subject: 'the General Staff of the Armed Forces of Ukraine',
  },
  cincafu: {
    publisher: 'Commander-in-Chief of the Armed Forces of Ukraine',
    short: 'Commander-in-Chief of the Armed Forces of Ukraine',
    subject: 'the Commander-in-Chief of the Armed Forces of Ukraine',
  },
};

const TELEGRAM_CHANNELS: Record<string, Publisher> = {
  kpszsu: AIR_FORCE,
  chiefukrdiu: {
    publisher: 'Defence Intelligence of Ukraine (HUR)',
    short: 'Defence Intelligence of Ukraine',
    subject: 'Defence Intelligence of Ukraine',
  },
  war_monitor: {
    publisher: 'monitor (war_monitor Telegram channel)',
    short: 'war_monitor Telegram channel',
    subject: 'the war_monitor Telegram channel',
  },
};

const WEB_PUBLISHERS: Record<string, Publisher> = {
  'kharkivoda.gov.ua': {
    publisher: 'Kharkiv Regional Military Administration',
    short: 'Kharkiv Regional Military Administration',
    subject: 'the Kharkiv Regional Military Administration',
  },
};

const FACEBOOK_KINDS = new Set(['posts', 'videos', 'photos', 'permalink.php', 'reel']);

export function describePost(post: string): PostSource {
  const reference = post.trim();
  const telegram = /^https?:\/\/t\.me\/([^/]+)/i.exec(reference);
  if (telegram) {
    const channel = telegram[1]!;
    const publisher = TELEGRAM_CHANNELS[channel.toLowerCase()] ?? unknownPublisher(`Telegram channel @${channel}`);
    return { ...publisher, reference, url: reference, kind: 'social_media_post', medium: 'Telegram post' };
  }
  if (/^https?:\/\//i.test(reference)) {
    const host = new URL(reference).hostname.replace(/^www\./, '');
    return { ...(WEB_PUBLISHERS[host] ?? unknownPublisher(host)), reference, url: reference, kind: 'official_statement', medium: 'web page' };
  }
  const [first = '', second = ''] = reference.split('/');
  if (first.toLowerCase() === 'watch' || first.startsWith('watch?')) {
    const publisher = { publisher: 'Unidentified Facebook page', short: 'unidentified Facebook page', subject: 'an unidentified Facebook page' };
    return { ...publisher, reference, url: `https://www.facebook.com/${reference}`, kind: 'social_media_post', medium: 'video' };
  }
  // A dotted first segment is a web host unless a Facebook path follows (`GeneralStaff.ua/posts/…`).
  if (first.includes('.') && !FACEBOOK_KINDS.has(second)) {
    return { ...(WEB_PUBLISHERS[first.toLowerCase()] ?? unknownPublisher(first)), reference, url: `https://${reference}`, kind: 'official_statement', medium: 'web page' };
  }
  const publisher = FACEBOOK_PAGES[first.toLowerCase()] ?? unknownPublisher(`Facebook page “${first}”`);
  return { ...publisher, reference, url: `https://www.facebook.com/${reference}`, kind: 'social_media_post', medium: second === 'videos' ? 'video' : 'post' };
}

function unknownPublisher(name: string): Publisher {
  return { publisher: name, short: name, subject: name };
}

/** For rows that name no post: the Air Force as the dataset's author says, with no post to point to. */
export const UNNAMED_POST: Publisher & { kind: SourceKind } = { ...AIR_FORCE, kind: 'official_statement' };
