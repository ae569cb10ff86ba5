// Shows a model too large to lay out as counts by kind, edges by type and its nodes with problems (built with DOM calls).
import type { GraphSummary } from '../src/preview/messages';

const number = (n: number): string => n.toLocaleString('en-US');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function table(caption: string, headings: string[], rows: string[][]): HTMLTableElement {
  const t = element('table', undefined, 'ft-table');
  t.append(element('caption', caption));
  const head = element('tr');
  for (const h of headings) head.append(element('th', h));
  t.append(element('thead'));
  t.tHead!.append(head);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    row.forEach((cell, i) => tr.append(element('td', cell, i > 0 ? 'ft-num' : undefined)));
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** Fills `host`; `reveal(key)` is called when a problem node is chosen. */
export function renderSummary(host: HTMLElement, summary: GraphSummary, limit: number, reveal: (key: string) => void): void {
  const parts: Node[] = [];
  parts.push(element('h2', `${number(summary.nodes)} nodes, ${number(summary.edges)} edges`));
  parts.push(
    element(
      'p',
      `The diagram is not laid out for models over ${number(limit)} nodes: the layout would keep the language server ` +
        'busy for many seconds on every edit, and a drawing this dense is hard to read. Export SVG still renders it on request.',
      'ft-note',
    ),
  );
  parts.push(
    table(
      'Nodes by kind',
      ['Kind', 'Count'],
      summary.byKind.map((k) => [k.layer === 'topology' ? `topology ${k.kind}` : k.kind, number(k.count)]),
    ),
  );
  if (summary.edgesByType.length > 0) {
    parts.push(table('Edges by type', ['Type', 'Count'], summary.edgesByType.map((e) => [e.type, number(e.count)])));
  }
  const problems = element('section', undefined, 'ft-problems');
  problems.append(
    element(
      'h3',
      summary.errorNodes === 0 && summary.warningNodes === 0
        ? 'No node has problems.'
        : `${number(summary.errorNodes)} nodes with errors, ${number(summary.warningNodes)} with warnings`,
    ),
  );
  if (summary.problems.length > 0) {
    const list = element('ul', undefined, 'ft-problem-list');
    for (const p of summary.problems) {
      const item = element('li');
      item.dataset.key = p.key;
      const button = element('button', p.id, 'ft-link');
      button.type = 'button';
      button.title = `Go to ${p.id}`;
      button.addEventListener('click', () => reveal(p.key));
      const counts: string[] = [];
      if (p.errors > 0) counts.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
      if (p.warnings > 0) counts.push(`${p.warnings} warning${p.warnings === 1 ? '' : 's'}`);
      item.append(
        button,
        element('span', ` ${p.layer === 'topology' ? 'topology ' : ''}${p.kind} — ${counts.join(', ')}`, p.errors > 0 ? 'ft-err-text' : 'ft-warn-text'),
      );
      list.append(item);
    }
    problems.append(list);
    if (summary.problemNodes > summary.problems.length) {
      problems.append(
        element('p', `The first ${number(summary.problems.length)} of ${number(summary.problemNodes)}; the Problems panel lists them all.`, 'ft-note'),
      );
    }
  }
  parts.push(problems);
  parts.push(element('p', '', 'ft-cursor'));
  host.replaceChildren(...parts);
}

/** Says which node the editor cursor is in, and marks it in the problem list when it is there. */
export function highlightInSummary(host: HTMLElement, key: string | null): void {
  for (const el of Array.from(host.querySelectorAll('li.ft-highlight'))) el.classList.remove('ft-highlight');
  const line = host.querySelector('.ft-cursor');
  if (line) line.textContent = key ? `Cursor in ${key.startsWith('topology:') ? 'topology node' : 'node'} ${key.slice(key.indexOf(':') + 1)}` : '';
  if (!key) return;
  for (const li of Array.from(host.querySelectorAll<HTMLLIElement>('li[data-key]'))) {
    if (li.dataset.key === key) {
      li.classList.add('ft-highlight');
      li.scrollIntoView({ block: 'nearest' });
    }
  }
}
