// Search benchmark (issue 3): search:all over a journal of 100,000 entries
// (10,000 with --quick) and a 2,000-person network, for a realistic query
// mix, beside the raw FTS5 time of the same queries. Targets: p50 ≤ 5 ms and
// p99 ≤ 50 ms per query.
//
// Entry bodies are seeded Markov-ish text: a bigram walk over a small corpus of
// job-search notes, sprinkled with people's names, organizations and rare
// invented words, so the index has very common terms (the, and), topical ones
// (referral, platform), names, and rare ones.
import { nowIso } from '../../../shared/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../main/db/open';
import { seededRandom } from '../../../main/sample/generate';
import { loadSampleNetwork } from '../../../main/sample/load';
import { getHome } from '../../../main/services/home';
import { listEntries } from '../../../main/services/journal';
import { searchAll, toEntryFtsQuery } from '../../../main/services/search';
import { listSuggestions } from '../../../main/services/suggestions';
import type { BenchRow, BenchSuite } from '../types';

const CORPUS = `
We met for coffee near the office and talked about her move to the platform team.
She said the hiring manager is looking for a senior engineer with distributed systems experience.
He offered to refer me once the role is posted, and asked me to send my CV by Friday.
They are reorganizing the data team and the new director wants people who can mentor.
I asked how the interview process works and what a good first ninety days looks like.
She suggested I talk to her former manager who now runs the analytics group.
We talked about remote work, the commute, and whether the team ships every week.
He mentioned a friend at a startup that is hiring product designers and researchers.
The informational interview went well and she introduced me to two people on the infrastructure team.
I promised to share the article on weak ties and the talk about career changes.
They moved teams last spring and are hiring for two roles in the security group.
We caught up about the conference, the keynote, and the hallway track afterwards.
She was promoted to staff engineer and is now leading the migration to the new platform.
He asked for advice on negotiating an offer and I shared what I learned last year.
The recruiter called about a contract role, but the salary range was below what I want.
I followed up with a thank you note and a short summary of my projects.
Their company is opening an office in Lisbon and needs engineers who speak Portuguese.
We discussed the referral bonus, the team culture, and the on call rotation.
She recommended reading the engineering blog before the interview and practicing system design.
He introduced me to the head of research, who is looking for someone to build the evaluation pipeline.
`;

// A wider vocabulary of the same register: the bigram walk gives the shape of
// a sentence, and most content words are drawn from here (Zipf-weighted), so
// topical words are as rare as in real notes (a few percent of entries each),
// not in every other entry as they would be with the small corpus alone.
const VOCABULARY = `
role team offer salary equity manager director recruiter referral interview onsite loop screen portfolio resume
project product design research data analytics platform infrastructure security frontend backend mobile cloud
startup enterprise agency consultancy nonprofit university hospital bank studio lab foundation institute guild
mentor mentee sponsor advocate colleague teammate founder investor advisor partner client customer vendor
coffee lunch dinner breakfast call chat walk meetup workshop conference panel talk webinar podcast newsletter
python rust typescript kotlin swift golang java scala elixir haskell sql graphql kubernetes terraform docker kafka
spark airflow dbt snowflake tableau figma sketch notion jira linear github gitlab jenkins circleci datadog sentry
strategy roadmap okr budget headcount hiring layoff reorg promotion review feedback calibration performance
leadership management architecture migration rewrite refactor launch release incident outage postmortem oncall
accessibility localization privacy compliance audit payments billing search ranking recommendation experiment
pricing growth retention onboarding churn funnel marketing sales partnerships operations logistics supply
robotics biotech genomics climate energy battery solar fintech insurance healthcare education gaming media
berlin lisbon toronto austin nairobi singapore melbourne dublin osaka oslo montreal paris london madrid boston
relocation visa sponsorship remote hybrid office commute parental leave sabbatical burnout wellbeing culture
values mission vision impact scope ownership autonomy ambiguity tradeoffs deadlines stakeholders alignment
negotiation counteroffer signing bonus vesting cliff benefits pension contract freelance parttime internship
certificate bootcamp degree thesis publication patent grant fellowship scholarship award hackathon opensource
blog article book paper slides demo prototype mockup wireframe dashboard report memo proposal pitch deck
followup introduction reference recommendation endorsement testimonial thankyou congratulations anniversary
`.trim().split(/\s+/);

const STOP = new Set(['the', 'and', 'a', 'to', 'of', 'for', 'is', 'are', 'we', 'i', 'he', 'she', 'they', 'me']);

function buildBigrams(): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const sentence of CORPUS.trim().split('\n')) {
    const words = ['^', ...sentence.toLowerCase().replace(/[.,]/g, '').split(/\s+/), '$'];
    for (let i = 0; i + 1 < words.length; i++) {
      const list = next.get(words[i]!) ?? [];
      list.push(words[i + 1]!);
      next.set(words[i]!, list);
    }
  }
  return next;
}

function inventedWords(rand: () => number, n: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'zu', 'ter', 'van', 'dor', 'bel', 'qui', 'son', 'rex', 'pa', 'lin', 'gor', 'fen', 'ul'];
  const out = new Set<string>();
  while (out.size < n) {
    let w = '';
    const k = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < k; i++) w += syllables[Math.floor(rand() * syllables.length)];
    out.add(w);
  }
  return [...out];
}

export interface JournalCorpus {
  entries: number;
  names: string[];
  organizations: string[];
  rare: string[];
}

/** Fills `db` (already holding a sample network) with `count` generated entries. */
export function fillJournal(db: Db, count: number, seed = 7): JournalCorpus {
  const rand = seededRandom(seed);
  const bigrams = buildBigrams();
  const rare = inventedWords(rand, 5_000);
  const people = db.prepare('SELECT id, display_name FROM people WHERE is_me = 0').all() as { id: number; display_name: string }[];
  const orgs = db.prepare('SELECT id, name FROM organizations').all() as { id: number; name: string }[];
  const kinds = ['coffee', 'call', 'video_call', 'email', 'message', 'meeting', 'event', 'informational_interview', 'referral'];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Zipf-like: rare word i is drawn with weight ~ 1/(i+1).
  const rareWord = () => rare[Math.floor(Math.pow(rare.length, rand())) - 1]!;
  const topicWord = () => VOCABULARY[Math.floor(VOCABULARY.length * Math.pow(rand(), 1.5))]!;
  // Each entry is about a few topics and repeats their words (burstiness, as in real notes).
  let topics: string[] = [];
  const contentWord = (w: string) => {
    if (STOP.has(w) || w.length <= 3) return w;
    const r = rand();
    return r < 0.15 ? w : r < 0.9 ? pick(topics) : r < 0.95 ? topicWord() : rareWord();
  };

  const sentence = (): string => {
    const words: string[] = [];
    let w = '^';
    for (let guard = 0; guard < 40; guard++) {
      w = pick(bigrams.get(w) ?? ['$']);
      if (w === '$') break;
      words.push(contentWord(w));
      if (rand() < 0.04) words.push(rareWord());
      if (rand() < 0.015) words.push(pick(people).display_name);
    }
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };

  const insert = db.prepare(
    `INSERT INTO interactions (occurred_at, kind, title, body, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const participant = db.prepare('INSERT OR IGNORE INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)');
  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const now = nowIso();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const who = pick(people);
      topics = Array.from({ length: 6 }, topicWord);
      const paragraphs: string[] = [];
      const nParagraphs = 1 + Math.floor(rand() * 3);
      for (let p = 0; p < nParagraphs; p++) {
        const n = 1 + Math.floor(rand() * 4);
        paragraphs.push(Array.from({ length: n }, sentence).join(' '));
      }
      if (rand() < 0.3) paragraphs.push(`- follow up with ${who.display_name.split(' ')[0]}\n- ${sentence()}`);
      const org = rand() < 0.5 ? pick(orgs) : null;
      const kind = pick(kinds);
      const title = `${kind.replace('_', ' ')} with ${who.display_name}${org ? ` (${org.name})` : ''}`;
      const when = new Date(start + Math.floor((i / count) * span + rand() * 86_400_000 * 20)).toISOString().slice(0, 10);
      const id = Number(insert.run(when, kind, title, paragraphs.join('\n\n'), org?.id ?? null, now, now).lastInsertRowid);
      participant.run(id, who.id);
      if (rand() < 0.2) participant.run(id, pick(people).id);
    }
  })();
  return { entries: count, names: people.map((p) => p.display_name), organizations: orgs.map((o) => o.name), rare };
}

export interface QueryCase {
  category: 'word' | 'common' | 'prefix' | 'two words' | 'name' | 'rare' | 'symbols';
  query: string;
}

export function queryMix(corpus: JournalCorpus, seed = 11): QueryCase[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const vocabulary = [...new Set(CORPUS.toLowerCase().replace(/[.,]/g, '').split(/\s+/).filter((w) => w.length > 3 && !STOP.has(w)))];
  const cases: QueryCase[] = [];
  vocabulary.push(...VOCABULARY);
  for (let i = 0; i < 40; i++) cases.push({ category: 'word', query: pick(vocabulary) });
  for (const w of ['the', 'and', 'team', 'hiring', 'engineer', 'interview']) cases.push({ category: 'common', query: w });
  for (let i = 0; i < 40; i++) {
    const w = pick(vocabulary);
    cases.push({ category: 'prefix', query: w.slice(0, 2 + Math.floor(rand() * 3)) });
  }
  for (let i = 0; i < 30; i++) cases.push({ category: 'two words', query: `${pick(vocabulary)} ${pick(vocabulary)}` });
  for (let i = 0; i < 30; i++) {
    const name = pick(corpus.names);
    const r = rand();
    const parts = name.split(' ');
    cases.push({
      category: 'name',
      query: r < 0.4 ? parts[0]! : r < 0.7 ? name : parts[parts.length - 1]!.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(),
    });
  }
  for (let i = 0; i < 30; i++) cases.push({ category: 'rare', query: corpus.rare[Math.floor(rand() * corpus.rare.length)]! });
  // What people paste or type with punctuation: one-letter tokens must not become one-letter prefixes.
  for (const q of ['c++', 'e.g.', 'node.js', "o'brien", '#hiring', '@ana', 'q3 okr', 'a/b test', '"platform team"', 'AND OR NOT']) {
    cases.push({ category: 'symbols', query: q });
  }
  return cases;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (n: number) => Math.round(n * 1000) / 1000;

export const searchSuite: BenchSuite = {
  name: 'search',
  async run({ quick }) {
    const entries = quick ? 10_000 : 100_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-search-'));
    const db = openDatabase(path.join(dir, 'kith.db'));
    try {
      loadSampleNetwork(db, { people: 2_000, seed: 3 });
      let t = process.hrtime.bigint();
      const corpus = fillJournal(db, entries);
      const fillMs = ms(t);
      db.exec(`INSERT INTO interactions_fts(interactions_fts) VALUES ('optimize')`);
      const cases = queryMix(corpus);
      const raw = db.prepare('SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ? LIMIT 50');

      const runs = 3;
      const full: number[] = [];
      const rawTimes: number[] = [];
      const unwindowed: number[] = [];
      const byCategory = new Map<string, number[]>();
      for (const c of cases) searchAll(db, { query: c.query }); // warm the page cache and statements
      for (let run = 0; run < runs; run++) {
        for (const c of cases) {
          t = process.hrtime.bigint();
          searchAll(db, { query: c.query });
          const took = ms(t);
          full.push(took);
          const list = byCategory.get(c.category) ?? [];
          list.push(took);
          byCategory.set(c.category, list);
          const match = toEntryFtsQuery(c.query);
          t = process.hrtime.bigint();
          if (match) raw.all(match);
          rawTimes.push(ms(t));
        }
      }
      for (const c of cases) {
        t = process.hrtime.bigint();
        searchAll(db, { query: c.query, kinds: ['entry'] }, { entryRankWindow: 1e9 });
        unwindowed.push(ms(t));
      }
      for (const list of [full, rawTimes, unwindowed, ...byCategory.values()]) list.sort((a, b) => a - b);

      const suite = 'search';
      const note = `${entries.toLocaleString('en')} entries, ${cases.length} queries × ${runs}`;
      const rows: BenchRow[] = [
        { suite, name: 'fill journal', value: Math.round(entries / (fillMs / 1000)), unit: 'rows/s', note },
        { suite, name: 'search:all p50', value: round(percentile(full, 50)), unit: 'ms', target: '≤ 5 ms', note },
        { suite, name: 'search:all p99', value: round(percentile(full, 99)), unit: 'ms', target: '≤ 50 ms', note },
        { suite, name: 'search:all max', value: round(full[full.length - 1]!), unit: 'ms' },
        { suite, name: 'raw FTS5 p50', value: round(percentile(rawTimes, 50)), unit: 'ms', note: 'SELECT rowid … MATCH ? LIMIT 50' },
        { suite, name: 'raw FTS5 p99', value: round(percentile(rawTimes, 99)), unit: 'ms' },
        { suite, name: 'ratio p50 (search:all / raw)', value: round(percentile(full, 50) / percentile(rawTimes, 50)), unit: 'x' },
        { suite, name: 'ratio p99 (search:all / raw)', value: round(percentile(full, 99) / percentile(rawTimes, 99)), unit: 'x' },
      ];
      for (const [category, list] of byCategory) {
        rows.push({ suite, name: `${category} p50 / p99`, value: round(percentile(list, 50)), unit: 'ms', note: `p99 ${round(percentile(list, 99))} ms` });
      }
      rows.push({
        suite,
        name: 'entries only, every match ranked p99',
        value: round(percentile(unwindowed, 99)),
        unit: 'ms',
        note: `p50 ${round(percentile(unwindowed, 50))} ms: every match ranked, not only the newest 1,000`,
      });

      // The other journal reads over the same data, for scale (no targets in the issue).
      db.exec('UPDATE people SET cadence_days = 90 WHERE id % 7 = 0');
      const median = (fn: () => unknown) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          t = process.hrtime.bigint();
          fn();
          times.push(ms(t));
        }
        return round(times.sort((a, b) => a - b)[2]!);
      };
      const clock = { timeZone: 'Europe/Lisbon', today: '2026-01-15' };
      const first = listEntries(db, { limit: 50 });
      rows.push(
        { suite, name: 'journal:list page of 50', value: median(() => listEntries(db, { limit: 50, cursor: first.nextCursor! })), unit: 'ms', note: 'median of 5' },
        { suite, name: 'home:get', value: median(() => getHome(db, clock)), unit: 'ms', note: 'median of 5; 1 in 7 people on a cadence' },
        { suite, name: 'suggestions:list', value: median(() => listSuggestions(db, clock.today, clock.timeZone)), unit: 'ms', note: 'median of 5' },
      );
      return rows;
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
