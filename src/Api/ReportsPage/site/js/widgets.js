// Small DOM builders: elements, tables, summary cards and the "where this comes from" line.
import { operationText } from './graphql.js';
import * as f from './format.js';

/** An element with attributes (on* handlers are not allowed: listeners are added in code) and children. */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/**
 * A table of rows. columns: [{ label, value(row) -> text|Node, numeric?, raw?(row) -> number }].
 * Numeric cells carry data-value (the figure as GraphQL gave it) for tests and copy-paste.
 */
export function table(caption, columns, rows, { empty = 'Nothing in this month.' } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => c.header ?? h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) =>
      h('td', { class: c.numeric ? 'num' : 'text', dataset: c.raw ? { value: String(c.raw(row) ?? '') } : undefined }, c.value(row))))))));
}

/** A titled block (a table or a chart) with the operation behind it and its CSV export. */
export function figure(title, body, source) {
  return h('div', { class: 'figure' }, h('h3', {}, title), body, source ? sourceLine(source) : null);
}

/**
 * "Operation summary.graphql, field environment.summary · CSV export · Show the operation".
 * source: { operation, field, csv?: { section, figure, params } or a list of them (a chart of two series). }.
 */
export function sourceLine({ operation, field, csv }) {
  const pre = h('pre', {}, h('code', {}, 'loading…'));
  operationText(operation).then((text) => { pre.firstChild.textContent = text; }, (e) => { pre.firstChild.textContent = e.message; });
  const exports = [].concat(csv ?? []);
  return h('div', { class: 'source' },
    h('span', {}, 'From ', h('code', {}, `${operation}.graphql`), ': ', h('code', {}, field)),
    exports.map((e) => h('a', { href: `/export/${e.section}/${e.figure}.csv?${new URLSearchParams(e.params)}`, dataset: { csv: 'true' } },
      exports.length > 1 ? `CSV: ${e.figure}` : 'CSV export')),
    h('details', {}, h('summary', {}, 'Show the operation'), pre));
}

/** Sets an element's content to a loading note, an error, or the given nodes. */
export const show = (el, ...nodes) => el.replaceChildren(...nodes.flat().filter(Boolean));
export const loading = (el) => show(el, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
export const failure = (el, error) => show(el, h('p', { class: 'error', role: 'alert' }, `This section could not be loaded: ${error.message}`));

/** A figure marked "≈" when a store estimated it. */
export const approx = (isApproximate, text) => (isApproximate ? `≈ ${text}` : text);

/** The note saying which figures of a section are estimates (empty on exact stores). */
export function approximateNote(names) {
  if (!names || names.length === 0) return null;
  return h('p', { class: 'badge approx' }, `≈ Approximate figures (estimated by the store): ${names.join(', ')}`);
}

/** One headline figure: the month's value, the previous month and the change; for an open month, the fair to-date comparison first. */
export function summaryCard(key, label, fig, { open, previousMonth, toDateUntil, approximate }) {
  const toDate = open && fig.previousToDate != null;
  return h('article', { class: 'card', dataset: { figure: key } },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value', dataset: { value: String(fig.current) } }, approx(approximate, f.count(fig.current)), open ? h('span', { class: 'muted' }, ' so far') : null),
    toDate ? h('dl', { class: 'todate', dataset: { part: 'to-date' } },
      h('dt', { title: `${f.monthName(previousMonth)} up to ${f.wallClock(toDateUntil)}` }, `${f.monthMediumName(previousMonth)}, same span`),
      h('dd', { dataset: { value: String(fig.previousToDate) } }, f.count(fig.previousToDate)),
      h('dt', {}, 'Change to date'),
      h('dd', { class: f.trendClass(fig.changeToDate), dataset: { value: String(fig.changeToDate) } }, f.changeWithPercent(fig.changeToDate, fig.changePercentToDate))) : null,
    h('dl', { dataset: { part: 'month' } },
      h('dt', {}, toDate ? `All of ${f.monthMediumName(previousMonth)}` : f.monthMediumName(previousMonth)),
      h('dd', { dataset: { value: String(fig.previous) } }, f.count(fig.previous)),
      h('dt', {}, toDate ? 'Change (whole month)' : 'Change'),
      h('dd', { class: toDate ? '' : f.trendClass(fig.change), dataset: { value: String(fig.change) } }, f.changeWithPercent(fig.change, fig.changePercent))));
}
