// The network as GEXF 1.3 (Gephi) and GraphML (yEd, Cytoscape, NetworkX):
// people as nodes with name, organization and title, ties as undirected edges
// with strength (also the GEXF weight), context, since and source. Archived
// people and their ties are left out, as in the app's graph.
import type { Db } from '../db/open';
import { readPeople, readTies, type ExportPerson, type ExportTie } from './network';

/**
 * Text for XML 1.0 attributes and elements: the five special characters
 * escaped, and characters XML 1.0 cannot hold at all (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function network(db: Db): { people: ExportPerson[]; ties: ExportTie[] } {
  const people = readPeople(db).filter((p) => !p.archived);
  const ids = new Set(people.map((p) => p.id));
  return { people, ties: readTies(db).filter((t) => ids.has(t.personA) && ids.has(t.personB)) };
}

export function exportGexf(db: Db): string {
  const { people, ties } = network(db);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Kith</creator><description>People and the ties between them</description></meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="organization" title="organization" type="string"/>',
    '      <attribute id="title" title="title" type="string"/>',
    '      <attribute id="me" title="me" type="boolean"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="strength" title="strength" type="integer"/>',
    '      <attribute id="context" title="context" type="string"/>',
    '      <attribute id="since" title="since" type="string"/>',
    '      <attribute id="source" title="source" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const p of people) {
    out.push(
      `      <node id="p${p.id}" label="${xmlText(p.displayName)}"><attvalues>` +
        `<attvalue for="organization" value="${xmlText(p.organization ?? '')}"/>` +
        `<attvalue for="title" value="${xmlText(p.title ?? '')}"/>` +
        `<attvalue for="me" value="${p.isMe}"/></attvalues></node>`,
    );
  }
  out.push('    </nodes>', '    <edges>');
  for (const t of ties) {
    out.push(
      `      <edge id="t${t.id}" source="p${t.personA}" target="p${t.personB}" weight="${t.strength}"><attvalues>` +
        `<attvalue for="strength" value="${t.strength}"/>` +
        `<attvalue for="context" value="${xmlText(t.context)}"/>` +
        `<attvalue for="since" value="${xmlText(t.since ?? '')}"/>` +
        `<attvalue for="source" value="${xmlText(t.source)}"/></attvalues></edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export function exportGraphml(db: Db): string {
  const { people, ties } = network(db);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="organization" for="node" attr.name="organization" attr.type="string"/>',
    '  <key id="title" for="node" attr.name="title" attr.type="string"/>',
    '  <key id="me" for="node" attr.name="me" attr.type="boolean"><default>false</default></key>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="int"/>',
    '  <key id="context" for="edge" attr.name="context" attr.type="string"/>',
    '  <key id="since" for="edge" attr.name="since" attr.type="string"/>',
    '  <key id="source" for="edge" attr.name="source" attr.type="string"/>',
    '  <graph id="kith" edgedefault="undirected">',
  ];
  for (const p of people) {
    out.push(
      `    <node id="p${p.id}"><data key="name">${xmlText(p.displayName)}</data>` +
        (p.organization ? `<data key="organization">${xmlText(p.organization)}</data>` : '') +
        (p.title ? `<data key="title">${xmlText(p.title)}</data>` : '') +
        (p.isMe ? '<data key="me">true</data>' : '') +
        '</node>',
    );
  }
  for (const t of ties) {
    out.push(
      `    <edge id="t${t.id}" source="p${t.personA}" target="p${t.personB}"><data key="strength">${t.strength}</data>` +
        (t.context ? `<data key="context">${xmlText(t.context)}</data>` : '') +
        (t.since ? `<data key="since">${xmlText(t.since)}</data>` : '') +
        `<data key="source">${xmlText(t.source)}</data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
