// A KPI workspace for benchmarks and screenshots: daily values of several
// networks imported as the CSV import does (csv_import, in batches), KPIs,
// published posts with their results, and posting frequencies in the
// charter. Everything goes through the app's own commands, run inside the
// page so that thousands of calls do not each cross WebDriver.

import { invoke, postInput } from './seed.mjs';

const pad = (n) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local day `offset` days from `from` (today by default). */
export function dayFrom(offset, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Runs `invoke(command, args)` for every item, inside the page, one after another. */
export async function invokeMany(session, calls) {
  const result = await session.cmd('POST', '/execute/async', {
    script: `const [calls, done] = arguments;
      (async () => {
        const out = [];
        for (const [cmd, args] of calls) out.push(await window.__TAURI_INTERNALS__.invoke(cmd, args));
        return out;
      })().then((value) => done({ ok: true, value }), (failure) => done({ ok: false, failure }));`,
    args: [calls],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.value;
}

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Daily followers, reach, impressions and clicks of `networks` over `days`
 * days up to today, imported in batches.
 */
export async function seedObservations(session, networks, days, batch = 5000) {
  const rand = random(7);
  const rows = [];
  networks.forEach((network, n) => {
    let followers = 2000 + n * 900;
    for (let i = -days + 1; i <= 0; i += 1) {
      const day = dayFrom(i);
      followers += Math.round(rand() * 12 - 2);
      const reach = Math.round(300 + n * 40 + rand() * 500);
      rows.push(
        { day, networkId: network.id, metric: 'followers', value: followers, source: 'csv' },
        { day, networkId: network.id, metric: 'reach', value: reach, source: 'csv' },
        { day, networkId: network.id, metric: 'impressions', value: Math.round(reach * (1.4 + rand())), source: 'csv' },
        { day, networkId: network.id, metric: 'clicks', value: Math.round(rand() * 40), source: 'csv' },
      );
    }
  });
  for (let i = 0; i < rows.length; i += batch) {
    await invoke(session, 'csv_import', { observations: rows.slice(i, i + batch) });
  }
  return rows.length;
}

const FORMATS = ['photo', 'video', 'story', 'text', 'article', 'poll', 'infographic'];
const THEMES = ['Behind the scenes', 'Tips', 'Community', 'Product', 'Events', ''];
const TITLES = ['Workshop tour', 'Linen care tips', 'Customer portrait', 'Spring colours', 'Question of the week', 'New collection', 'Live Q&A', 'Team story'];

/**
 * `count` published posts over the last `days` days with their results:
 * each network, format, hour and theme gets its own typical rate so the
 * charts have something to show.
 */
export async function seedPosts(session, networks, count, days, batch = 250) {
  const rand = random(11);
  let made = 0;
  while (made < count) {
    const calls = [];
    const n = Math.min(batch, count - made);
    for (let i = 0; i < n; i += 1) {
      const k = made + i;
      const network = networks[k % networks.length];
      const hour = 7 + Math.floor(rand() * 14);
      const format = FORMATS[Math.floor(rand() * FORMATS.length)];
      calls.push([
        'post_create',
        {
          input: postInput(network.id, {
            title: `${TITLES[k % TITLES.length]} #${k + 1}`,
            status: 'published',
            format,
            theme: THEMES[k % THEMES.length],
            date: dayFrom(-Math.floor(rand() * days)),
            time: `${pad(hour)}:${pad(Math.floor(rand() * 4) * 15)}`,
          }),
        },
      ]);
    }
    const posts = await invokeMany(session, calls);
    const results = posts.map((post) => {
      const hour = Number(post.localTime.slice(0, 2));
      const boost = (hour >= 11 && hour <= 13) || (hour >= 18 && hour <= 20) ? 1.6 : 1;
      const formatBoost = { video: 1.5, story: 1.3, poll: 1.4, photo: 1.1 }[post.format] ?? 0.8;
      const reach = Math.round(150 + rand() * 3000);
      const rate = (0.01 + rand() * 0.05) * boost * formatBoost;
      const engagements = Math.round(reach * rate);
      const reactions = Math.round(engagements * 0.7);
      const comments = Math.round(engagements * 0.15);
      const shares = Math.round(engagements * 0.1);
      return [
        'post_result_set',
        {
          postId: post.id,
          input: {
            reach,
            impressions: Math.round(reach * (1.3 + rand())),
            reactions,
            comments,
            shares,
            saves: Math.max(0, engagements - reactions - comments - shares),
            clicks: Math.round(rand() * 30),
          },
        },
      ];
    });
    await invokeMany(session, results);
    made += n;
  }
  return made;
}

/** Two objectives: followers per network and in total, reach, and the engagement rate. */
export async function seedKpis(session, networks, { start, deadline, perNetwork = networks.length }) {
  const awareness = await invoke(session, 'kpi_objective_create', {
    input: { kind: 'awareness', title: 'Grow the audience', notes: '' },
  });
  const engagement = await invoke(session, 'kpi_objective_create', {
    input: { kind: 'engagement', title: 'Spark conversations', notes: '' },
  });
  const kpi = (objectiveId, fields) =>
    invoke(session, 'kpi_create', { input: { objectiveId, networkId: null, baseline: null, startDate: start, deadline, direction: 'up', ...fields } });
  for (const network of networks.slice(0, perNetwork)) {
    await kpi(awareness.id, { name: `${network.name} followers`, metric: 'followers', networkId: network.id, target: 9000 + networks.indexOf(network) * 1200 });
  }
  await kpi(awareness.id, { name: 'Followers, all networks', metric: 'followers', target: 90000 });
  await kpi(awareness.id, { name: 'Reach', metric: 'reach', target: 6_000_000 });
  await kpi(engagement.id, { name: 'Engagement rate', metric: 'engagement_rate', target: 5 });
}

/** A posting frequency per network in the charter's guidelines, for the regularity. */
export async function seedFrequencies(session, networks, perWeek) {
  await invoke(session, 'charter_save_section', {
    section: {
      section: 'guidelines',
      data: networks.map((network, i) => ({
        networkId: network.id,
        purpose: '',
        audience: '',
        formats: [],
        frequency: { count: perWeek[i % perWeek.length], per: 'week' },
        preferredSlots: [],
        maxHashtags: null,
        hashtagPolicy: '',
      })),
    },
  });
}
