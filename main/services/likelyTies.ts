// Likely ties (issue 15): the list to review, and the user's decisions.
// Confirming creates a real tie, with source 'manual' (ties.source allows
// manual, imported, introduced; the user made this one, with Kith's
// evidence as its context). A decision is stored by pair with the evidence
// signature (kinds and confidence), so a dismissed pair returns only on a new
// kind of evidence or a confidence up by LIKELY.dismissReturnStep. Inference
// never writes a tie, and never changes one.
import { KithError } from '../../shared/errors';
import {
  LIKELY,
  pairKeyOf,
  parsePairKey,
  type LikelyConfirm,
  type LikelyDecision,
  type LikelyTie,
  type LikelyTiesQuery,
  type LikelyTiesResult,
} from '../../shared/likelyTies';
import type { Db } from '../db/open';
import { likelyReviewQueue, type QueueEntry } from '../likely/queue';
import { crowdedEntryCount, decisionKindsOf, inferredPair, visibleLikelyTies, type VisiblePair } from '../likely/index';
import { getPerson } from './people';
import { createTie, findTie } from './ties';
import { nowIso, stmt } from './util';

function namesOf(db: Db, ids: Iterable<number>): Map<number, string> {
  const list = JSON.stringify([...new Set(ids)]);
  const rows = db.prepare('SELECT id, display_name FROM people WHERE id IN (SELECT value FROM json_each(?))').raw().all(list) as [number, string][];
  return new Map(rows);
}

function toLikelyTie(p: VisiblePair, names: Map<number, string>): LikelyTie {
  return {
    pairKey: pairKeyOf(p.a, p.b),
    a: { id: p.a, name: names.get(p.a) ?? `#${p.a}` },
    b: { id: p.b, name: names.get(p.b) ?? `#${p.b}` },
    suggestedStrength: p.strength,
    confidence: p.confidence,
    evidence: p.evidence,
    returned: p.returned,
  };
}

/** Likely ties, most confident first: everyone's, or one person's (with that person as `a`). */
export function listLikelyTies(db: Db, query: LikelyTiesQuery = {}): LikelyTiesResult {
  const visible = visibleLikelyTies(db);
  const min = query.minConfidence ?? 0;
  let pairs: readonly VisiblePair[];
  if (query.personId !== undefined) {
    getPerson(db, query.personId); // NOT_FOUND for an unknown person
    pairs = visible.byPerson.get(query.personId) ?? [];
  } else {
    pairs = visible.all;
  }
  let gains: Map<VisiblePair, QueueEntry> | null = null;
  if (query.order === 'routeGain') {
    const queue = likelyReviewQueue(db);
    gains = new Map(queue.map((q) => [q.pair, q]));
    const rank = new Map(queue.map((q, i) => [q.pair, i]));
    pairs = [...pairs].sort((x, y) => rank.get(x)! - rank.get(y)!);
  }
  const kept = pairs.filter((p) => p.confidence >= min);
  const shown = kept.slice(0, query.limit ?? kept.length);
  const names = namesOf(db, shown.flatMap((p) => [p.a, p.b]));
  const items = shown.map((p) => {
    const q = gains?.get(p);
    const t = q ? { ...toLikelyTie(p, names), routeGain: Math.round(q.gain * 10000) / 10000, helps: q.helps, askSize: q.askSize } : toLikelyTie(p, names);
    // Seen from the person asked about.
    return query.personId !== undefined && t.b.id === query.personId ? { ...t, a: t.b, b: t.a } : t;
  });
  const crowdedEntries = crowdedEntryCount(db);
  return {
    items,
    total: kept.length,
    crowdedEntries,
    notice:
      crowdedEntries > 0
        ? `${crowdedEntries} journal ${crowdedEntries === 1 ? 'entry has' : 'entries have'} more than ${LIKELY.attendeeLimit} people and ${crowdedEntries === 1 ? 'was' : 'were'} not used as evidence: a crowd is not proof that two people know each other.`
        : '',
  };
}

/** Whether routes may use this pair as a likely tie (visible, at or above the documented minimum confidence). */
export function isRoutableLikelyTie(db: Db, x: number, y: number): boolean {
  const [a, b] = x < y ? [x, y] : [y, x];
  return (visibleLikelyTies(db).byPerson.get(a) ?? []).some((p) => p.b === b && p.confidence >= LIKELY.defaultMinConfidence);
}

function pairFromKey(db: Db, key: string): { a: number; b: number; names: [string, string] } {
  const pair = parsePairKey(key);
  if (!pair) throw new KithError('INVALID_INPUT', `"${key}" is not a pair: give two different person ids joined by a dash, like 12-40.`);
  const [a, b] = pair;
  const pa = getPerson(db, a);
  const pb = getPerson(db, b);
  return { a, b, names: [pa.displayName, pb.displayName] };
}

function sentence(texts: readonly string[]): string {
  const joined = texts.join('; ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function storeDecision(db: Db, a: number, b: number, decision: 'confirmed' | 'dismissed', kinds: string, confidence: number, text: string, strength: number | null): void {
  stmt(
    db,
    `INSERT INTO likely_tie_decisions (person_a, person_b, decision, evidence_kinds, confidence_milli, evidence_text, strength, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (person_a, person_b) DO UPDATE SET decision = excluded.decision, evidence_kinds = excluded.evidence_kinds,
       confidence_milli = excluded.confidence_milli, evidence_text = excluded.evidence_text, strength = excluded.strength, decided_at = excluded.decided_at`,
  ).run(a, b, decision, kinds, Math.round(confidence * 1000), text, strength, nowIso());
}

/** Confirms a likely tie: a real tie at the given (or suggested) strength, with the evidence as its context. */
export function confirmLikelyTie(db: Db, input: LikelyConfirm): LikelyDecision {
  return db.transaction(() => {
    const { a, b, names } = pairFromKey(db, input.pairKey);
    const existing = findTie(db, a, b);
    if (existing) {
      throw new KithError('CONFLICT', `${names[0]} and ${names[1]} already have a tie (strength ${existing.strength}); it is left as it is.`);
    }
    const p = inferredPair(db, a, b);
    if (!p) throw new KithError('NOT_FOUND', `Kith has no evidence that ${names[0]} and ${names[1]} know each other. Add the tie by hand if they do.`);
    const text = sentence(p.evidence.map((e) => e.text));
    const strength = input.strength ?? p.strength;
    const tie = createTie(db, { personA: a, personB: b, strength, context: text.slice(0, 10_000), source: 'manual' });
    storeDecision(db, a, b, 'confirmed', decisionKindsOf(p.evidence), p.confidence, text, strength);
    return { pairKey: pairKeyOf(a, b), decision: 'confirmed' as const, tieId: tie.id };
  })();
}

/** Dismisses a likely tie: hidden until a new kind of evidence appears or its confidence rises by the documented step. */
export function dismissLikelyTie(db: Db, pairKey: string): LikelyDecision {
  return db.transaction(() => {
    const { a, b, names } = pairFromKey(db, pairKey);
    if (findTie(db, a, b)) throw new KithError('CONFLICT', `${names[0]} and ${names[1]} have a tie; a tie is removed from the person page, not dismissed.`);
    const p = inferredPair(db, a, b);
    if (!p) throw new KithError('NOT_FOUND', `There is no likely tie between ${names[0]} and ${names[1]} to dismiss.`);
    storeDecision(db, a, b, 'dismissed', decisionKindsOf(p.evidence), p.confidence, sentence(p.evidence.map((e) => e.text)), null);
    return { pairKey: pairKeyOf(a, b), decision: 'dismissed' as const, tieId: null };
  })();
}

interface DecisionRow {
  person_a: number;
  person_b: number;
  decision: 'confirmed' | 'dismissed';
  evidence_kinds: string;
  confidence_milli: number;
  evidence_text: string;
  strength: number | null;
  decided_at: string;
}

/**
 * A merge of people (issue 13) re-points their decisions to the one kept,
 * inside the merge's transaction: a decision between merged people is
 * dropped; two decisions about the same pair become one, a confirmation
 * winning over a dismissal (nothing confirmed is lost), else the newer.
 */
export function repointLikelyDecisions(db: Db, keep: number, others: readonly number[]): void {
  const isOther = new Set(others);
  const list = JSON.stringify(others);
  const rows = db
    .prepare('SELECT * FROM likely_tie_decisions WHERE person_a IN (SELECT value FROM json_each(?)) OR person_b IN (SELECT value FROM json_each(?))')
    .all(list, list) as DecisionRow[];
  const del = db.prepare('DELETE FROM likely_tie_decisions WHERE person_a = ? AND person_b = ?');
  for (const r of rows) del.run(r.person_a, r.person_b);
  const get = db.prepare('SELECT * FROM likely_tie_decisions WHERE person_a = ? AND person_b = ?');
  const insert = db.prepare(
    `INSERT INTO likely_tie_decisions (person_a, person_b, decision, evidence_kinds, confidence_milli, evidence_text, strength, decided_at)
     VALUES (@person_a, @person_b, @decision, @evidence_kinds, @confidence_milli, @evidence_text, @strength, @decided_at)`,
  );
  for (const r of rows) {
    const outside = [r.person_a, r.person_b].filter((e) => !isOther.has(e));
    if (outside.length !== 1 || outside[0] === keep) continue; // between merged people
    const other = outside[0]!;
    const [a, b] = other < keep ? [other, keep] : [keep, other];
    const moved = { ...r, person_a: a, person_b: b };
    const existing = get.get(a, b) as DecisionRow | undefined;
    if (existing) {
      const winner =
        existing.decision !== moved.decision ? (existing.decision === 'confirmed' ? existing : moved) : existing.decided_at >= moved.decided_at ? existing : moved;
      if (winner === existing) continue;
      del.run(a, b);
    }
    insert.run(moved);
  }
}
