// Issue 17: the sample's "How we met" agrees with my tie's context.
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../main/sample/generate';

describe('the sample network', () => {
  it('tells "how we met" the way my tie with the person does, and leaves it empty for people I have no tie with', () => {
    for (const seed of [1, 7, 2026]) {
      const net = generateNetwork({ seed });
      const mine = new Map<number, string>();
      for (const t of net.ties) {
        if (t.a === -1) mine.set(t.b, t.context);
        if (t.b === -1) mine.set(t.a, t.context);
      }
      const contradictions: string[] = [];
      net.people.forEach((p, i) => {
        const context = mine.get(i);
        if (context === undefined) {
          if (p.howWeMet !== '') contradictions.push(`${p.displayName}: "${p.howWeMet}" without a tie`);
          return;
        }
        const conference = /conference/i.test(context) !== /conference/i.test(p.howWeMet);
        const university = /studied/i.test(context) !== /studied/i.test(p.howWeMet);
        const worked = /worked together/i.test(context) && !p.howWeMet.includes(context.replace('Worked together at ', ''));
        if (!p.howWeMet || conference || university || worked) contradictions.push(`${p.displayName}: tie "${context}", how we met "${p.howWeMet}"`);
      });
      expect(contradictions, `seed ${seed}`).toEqual([]);
    }
  });
});
